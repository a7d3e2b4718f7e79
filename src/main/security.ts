// One Content Security Policy for the Electron window and the web bridge. No remote code, no eval, no inline script.
// 'unsafe-inline' styles are needed by AG Grid's and ECharts' runtime style attributes.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * `scheme://host[:port]` of a URL, for custom schemes too (`app://renderer`; WHATWG gives those the origin "null"),
 * or undefined when it does not parse. Trust decisions compare these exactly, never by string prefix.
 */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/** Web origins the app may open in the user's browser. The app links nowhere outside itself today. */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = [];

/** An https:// URL without credentials whose origin is on the allow-list. */
export function isAllowedExternalUrl(url: string, allowedOrigins: readonly string[] = EXTERNAL_LINK_ORIGINS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  return allowedOrigins.includes(u.origin);
}
