// Minimal ZIP reader for .xlsx packages: central directory + stored/deflated entries (no ZIP64, no encryption).
import { inflateRawSync } from 'node:zlib';
import { UnreadableFileError } from './types';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** An xlsx part larger than this is refused rather than inflated (zip bombs, absurd sheets). */
const MAX_ENTRY_BYTES = 400 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  read(): Buffer;
}

export function readZip(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnreadableFileError('not a complete xlsx/zip file (end of archive not found; truncated?)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new UnreadableFileError('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) {
      throw new UnreadableFileError('corrupt xlsx/zip central directory');
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    entries.set(name, {
      name,
      read() {
        if (flags & 1) throw new UnreadableFileError(`${name} is encrypted`);
        if (size > MAX_ENTRY_BYTES) throw new UnreadableFileError(`${name} is too large (${size} bytes)`);
        if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) {
          throw new UnreadableFileError(`corrupt xlsx/zip entry ${name}`);
        }
        const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
        if (start + compressed > buf.length) throw new UnreadableFileError(`xlsx/zip entry ${name} is truncated`);
        const data = buf.subarray(start, start + compressed);
        if (method === 0) return data;
        if (method !== 8) throw new UnreadableFileError(`${name} uses unsupported compression ${method}`);
        try {
          return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
        } catch (err) {
          throw new UnreadableFileError(`cannot inflate ${name}: ${(err as Error).message}`);
        }
      },
    });
  }
  return entries;
}
