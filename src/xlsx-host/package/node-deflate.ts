/**
 * Node-only: the package writer's compressor and inflater on Node's zlib (about five times faster than fflate). Used by
 * ../node.ts; keep it out of browser code.
 */
import { once } from "node:events";
import * as zlib from "node:zlib";
import { Compressor, Inflater, LARGE_PART, crc32Update } from "./zip-io";

/** Parts below this size are deflated in one call. */
const SMALL_PART = 1 << 20;

/** zlib.crc32 (Node 20.15 and later), else the writer's own. */
const crc32: (data: Uint8Array, value: number) => number =
  (zlib as unknown as { crc32?: (data: Uint8Array, value: number) => number }).crc32 ??
  ((data, value) => crc32Update(value, data));

export const zlibCompressor: Compressor = async (pieces, size) => {
  let crc = 0;
  for (const p of pieces) crc = crc32(p, crc);
  if (size < SMALL_PART)
    return { data: [zlib.deflateRawSync(Buffer.concat(pieces as Uint8Array[]), { level: 6 })], crc };
  const d = zlib.createDeflateRaw({ level: size >= LARGE_PART ? 3 : 6 });
  const out: Uint8Array[] = [];
  d.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = once(d, "end");
  for (const p of pieces) if (!d.write(p)) await once(d, "drain");
  d.end();
  await ended;
  return { data: out, crc };
};

export const zlibInflater: Inflater = (raw, size) => {
  const out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
