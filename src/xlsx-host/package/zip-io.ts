/**
 * ZIP input and output for the package writer. Input: the original file's entries (central directory read by
 * ../zip.ts), inflated on demand with fflate. Output: a new archive in which every entry the writer did not
 * change is copied as its original compressed bytes, and the others are deflated (fflate, or a faster
 * compressor the caller gives, e.g. Node's zlib from node-deflate.ts). Browser-safe.
 * Format: PKWARE APPNOTE.TXT 4.3.7 (local header), 4.3.12 (central directory), 4.3.16 (end of central directory).
 */
import { Deflate, inflateSync } from "fflate";
import { ZipEntry, listZip, rawData } from "../zip";

export interface SourceEntry extends ZipEntry {
  /** Position of the entry in the archive's central directory. */
  order: number;
}

/** The entries of a ZIP archive by name, or null when the bytes are not one. */
export function readEntries(bytes: Uint8Array): Map<string, SourceEntry> | null {
  const list = listZip(bytes);
  if (!list) return null;
  const out = new Map<string, SourceEntry>();
  list.forEach((e, order) => out.set(e.name, { ...e, order }));
  return out;
}

/** The entry's bytes as stored (compressed): ../zip.ts reads them. */
export { rawData };

/** Inflates raw-deflated data of a known size. */
export type Inflater = (raw: Uint8Array, size: number) => Uint8Array;

const fflateInflater: Inflater = (raw, size) => inflateSync(raw, { out: new Uint8Array(size) });

/** The entry's uncompressed bytes. */
export function inflateEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  inflate: Inflater = fflateInflater,
  /** `bytes` is the entry's compressed data itself (no archive around it). */
  bare = false
): Uint8Array {
  const raw = bare ? bytes : rawData(bytes, e);
  if (e.method === 0) return raw.slice();
  if (e.method !== 8) throw new Error(`unsupported compression method ${e.method} for ${e.name}`);
  return inflate(raw, e.uncompressedSize);
}

// ---- CRC-32 (incremental, slicing by 8) -----------------------------------------------------------------

const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** CRC-32 of `b` continued from `crc` (0 to start). */
export function crc32Update(crc: number, b: Uint8Array): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  const end8 = b.length - 8;
  for (; i <= end8; i += 8) {
    c ^= b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    c =
      t[1792 + (c & 0xff)] ^
      t[1536 + ((c >>> 8) & 0xff)] ^
      t[1280 + ((c >>> 16) & 0xff)] ^
      t[1024 + (c >>> 24)] ^
      t[768 + b[i + 4]] ^
      t[512 + b[i + 5]] ^
      t[256 + b[i + 6]] ^
      t[b[i + 7]];
  }
  for (; i < b.length; i++) c = t[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// ---- compression ------------------------------------------------------------------------------------

/** Raw-deflates a sequence of pieces into compressed pieces (one deflate stream), with the CRC-32 of the input. */
export type Compressor = (pieces: readonly Uint8Array[], size: number) => Promise<{ data: Uint8Array[]; crc: number }>;

/** Parts from this size on are deflated at a faster level (the sheet parts of a large workbook). */
export const LARGE_PART = 8_000_000;

/** fflate's deflate: browser-safe, about a fifth of zlib's speed. */
export const fflateCompressor: Compressor = async (pieces, size) => {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: size >= LARGE_PART ? 1 : 6 }, (chunk) => out.push(chunk));
  let crc = 0;
  if (pieces.length === 0) d.push(new Uint8Array(0), true);
  for (let i = 0; i < pieces.length; i++) {
    crc = crc32Update(crc, pieces[i]);
    d.push(pieces[i], i === pieces.length - 1);
  }
  return { data: out, crc };
};

// ---- output -----------------------------------------------------------------------------------------

export interface OutEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** The data as it goes into the archive (compressed when method is 8). */
  data: readonly Uint8Array[];
}

const DOS_DATE_1980 = 0x21; // 1980-01-01, the earliest DOS date

/** The archive, as pieces to be written one after the other. */
export function zipPieces(entries: readonly OutEntry[]): Uint8Array[] {
  const enc = new TextEncoder();
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const compressed = e.data.reduce((n, d) => n + d.length, 0);
    if (offset > 0xffffffff || compressed > 0xffffffff || e.size > 0xffffffff)
      throw new Error("The workbook is too large for a ZIP archive without ZIP64.");
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names; sizes in this header (no data descriptor)
    lv.setUint16(8, e.method, true);
    lv.setUint16(12, DOS_DATE_1980, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, compressed, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint16(14, DOS_DATE_1980, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, compressed, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    out.push(local, ...e.data);
    central.push(cd);
    offset += local.length + compressed;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  out.push(...central, eocd);
  return out;
}

/** Joins pieces into one array. */
export function concat(pieces: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of pieces) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A copy of a ZIP archive with some entries' contents replaced (stored uncompressed); the other entries are
 * copied as they are, still compressed.
 */
export function replaceZipEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  replace: ReadonlyMap<string, Uint8Array>
): Uint8Array {
  return concat(
    zipPieces(
      entries.map((e): OutEntry => {
        const own = replace.get(e.name);
        return own
          ? { name: e.name, method: 0, crc: crc32Update(0, own), size: own.length, data: [own] }
          : { name: e.name, method: e.method, crc: e.crc32, size: e.uncompressedSize, data: [rawData(bytes, e)] };
      })
    )
  );
}
