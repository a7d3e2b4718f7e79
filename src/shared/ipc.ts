// IPC channel names shared by the main process and the preload script (kept tiny: the preload bundles it).
export const IPC_INVOKE = 'bkp:invoke';
export const IPC_EVENT = 'bkp:event';
