// Errors any service may throw that the contract turns into a code of its own (dispatch.ts: NOT_FOUND).
export class NotFoundError extends Error {}
