// Saving a file the service produced (`{fileName, mimeType, base64}`): a Blob, an object URL and an <a download>.
// Works under the strict CSP (no navigation, no inline script) in the browser and in Electron (save dialog).
import type { FilePayload } from '../../../shared/contract';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64ToText(base64: string): string {
  return new TextDecoder().decode(base64ToBytes(base64));
}

/** Starts the download of a file payload; returns the file name. */
export function downloadFile(file: FilePayload): string {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mimeType || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file.fileName;
}
