// Minimal ZIP reader for .xlsx packages: central directory + stored/deflated entries (no ZIP64, no encryption).
// Every entry is checked as it is read: its CRC-32 and its inflated size against the central directory, so a damaged
// archive is refused rather than read with changed or missing bytes. Memory is bounded by the inflated size: the
// whole package may declare at most MAX_INFLATED_BYTES, and an entry compressed beyond MAX_RATIO is a zip bomb.
import { crc32, inflateRawSync } from 'node:zlib';
import { UnreadableFileError } from './types';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/**
 * All parts of one package together, inflated. The largest generated package (demo scale 10, F01 rolls) inflates to
 * 46 MB. Measured: a 96 MB sheet of 230,000 yarn rows (an 8.9 MB xlsx) imports in 0.88 GB peak RSS, so a workbook
 * under this cap is read and imported in about 1 GB at most.
 */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Real exports compress at most ~42:1 (styles.xml); a part beyond this ratio is a zip bomb ... */
export const MAX_RATIO = 200;
/** ... once it is big enough to matter. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export interface ZipEntry {
  name: string;
  /** The inflated bytes, checked against the CRC-32 and the size in the central directory. */
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
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) {
      throw new UnreadableFileError('corrupt xlsx/zip central directory');
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    declaredTotal += size;
    if (size > MAX_INFLATED_BYTES || declaredTotal > MAX_INFLATED_BYTES) {
      throw new UnreadableFileError(
        `xlsx would inflate to ${mb(declaredTotal)} MB (${name}: ${mb(size)} MB), more than the ${mb(MAX_INFLATED_BYTES)} MB an export may hold; too large or a zip bomb`,
      );
    }
    if (size > RATIO_FLOOR_BYTES && size > MAX_RATIO * compressed) {
      throw new UnreadableFileError(
        `${name} is compressed ${Math.round(size / Math.max(1, compressed))}:1, far beyond any real export (a zip bomb?)`,
      );
    }
    entries.set(name, {
      name,
      read() {
        if (flags & 1) throw new UnreadableFileError(`${name} is encrypted`);
        if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) {
          throw new UnreadableFileError(`corrupt xlsx/zip entry ${name}`);
        }
        const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
        if (start + compressed > buf.length) throw new UnreadableFileError(`xlsx/zip entry ${name} is truncated`);
        const data = buf.subarray(start, start + compressed);
        let out: Buffer;
        if (method === 0) out = data;
        else if (method !== 8) throw new UnreadableFileError(`${name} uses unsupported compression ${method}`);
        else {
          try {
            // one byte more than declared is enough to tell a lying header from a true one
            out = inflateRawSync(data, { maxOutputLength: size + 1 });
          } catch (err) {
            const tooLong = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
            throw new UnreadableFileError(
              tooLong ? `${name} inflates beyond its declared size of ${size} bytes` : `cannot inflate ${name}: ${(err as Error).message}`,
            );
          }
        }
        if (out.length !== size) throw new UnreadableFileError(`${name} holds ${out.length} bytes, not its declared size of ${size} bytes`);
        if (crc32(out) !== crc) throw new UnreadableFileError(`${name} fails its CRC-32 check (damaged archive)`);
        return out;
      },
    });
  }
  return entries;
}
