// The text of a csv/json export. UTF-8 (with or without a BOM) is read as is. A file that is not valid UTF-8 but
// reads as text in Windows-1252 (what Excel's "CSV" writes on a Western Windows machine) is decoded as such and
// marked, so the import report can warn. A file mixing valid UTF-8 sequences with bytes that are not UTF-8 is
// refused rather than guessed, and so are bytes that are not text at all.
import { UnreadableFileError } from './types';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** Bytes that text never holds: C0 controls other than tab, LF, FF, CR; DEL; the five code points 1252 leaves undefined. */
function isControl(b: number): boolean {
  return (
    (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) ||
    b === 0x7f ||
    b === 0x81 ||
    b === 0x8d ||
    b === 0x8f ||
    b === 0x90 ||
    b === 0x9d
  );
}

/** Where the first well-formed multi-byte UTF-8 sequence and the first byte outside any such sequence are (-1: none). */
function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = -1;
  let invalid = -1;
  for (let i = 0; i < bytes.length && (valid < 0 || invalid < 0); i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (!ok) {
      if (invalid < 0) invalid = i;
      continue;
    }
    if (valid < 0) valid = i;
    i += len - 1;
  }
  return { valid, invalid };
}

function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The text of `bytes`; `partial` when they are the first bytes of a longer file (a character cut at the end is not
 * an error). Throws UnreadableFileError for binary data and mixed encodings.
 */
export function decodeText(bytes: Uint8Array, partial = false): { text: string; encoding: TextEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial }), encoding: 'utf-8' };
  } catch {
    // not UTF-8: Windows-1252 text, or something else
  }
  let controls = 0;
  for (const b of bytes) if (isControl(b)) controls++;
  if (controls > 8 && controls > bytes.length / 100) throw new UnreadableFileError(`not text (${controls} control bytes), not an export`);
  const { valid, invalid } = scanUtf8(bytes);
  if (valid >= 0) {
    const where = invalid >= 0 ? ` (line ${lineOf(bytes, invalid)} is not UTF-8, line ${lineOf(bytes, valid)} is)` : '';
    throw new UnreadableFileError(`the text mixes UTF-8 and another encoding${where}; save it again as UTF-8 CSV`);
  }
  return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
}

/** Windows-1252's 0x80..0x9F (the rest is Latin-1); Node's TextDecoder('windows-1252') decodes these as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]);
}
