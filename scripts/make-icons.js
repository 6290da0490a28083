#!/usr/bin/env node
/**
 * Draws the add-in icon — a donut split into four coloured segments, one of them pulled out —
 * and writes assets/icon-{16,20,24,32,40,48,64,80,128}.png (the ribbon sizes Office asks for, 16/32/80,
 * the optional high-DPI ones, and 64 and 128 for the add-in lists). Plain Node: PNGs encoded with zlib.
 *
 *   node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const OUT_DIR = path.resolve(__dirname, "..", "assets");

/** Segment colours (Excel green, blue, amber, coral) and their angular share of the ring. */
const SEGMENTS = [
  { color: [16, 124, 65], share: 0.4 },
  { color: [15, 108, 189], share: 0.25 },
  { color: [247, 168, 0], share: 0.2 },
  { color: [232, 93, 66], share: 0.15, pulled: true },
];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (width × height × 4) → PNG bytes (8-bit RGBA, no interlace, filter 0 on every row). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Which segment covers the point (x, y) of a unit square, or -1. */
function segmentAt(x, y, size) {
  const gapPx = Math.max(0.6, size / 32); // a visible gap between segments at every size
  const cx = 0.5;
  const cy = 0.5;
  const outer = 0.4;
  const inner = size <= 16 ? 0.14 : 0.19;
  const pull = 0.06;
  let start = -Math.PI / 2;
  for (let i = 0; i < SEGMENTS.length; i++) {
    const seg = SEGMENTS[i];
    const sweep = seg.share * 2 * Math.PI;
    const mid = start + sweep / 2;
    const ox = seg.pulled ? Math.cos(mid) * pull : 0;
    const oy = seg.pulled ? Math.sin(mid) * pull : 0;
    const dx = x - cx - ox;
    const dy = y - cy - oy;
    const r = Math.hypot(dx, dy);
    if (r >= inner && r <= outer) {
      let a = Math.atan2(dy, dx);
      while (a < start) a += 2 * Math.PI;
      if (a - start <= sweep) {
        // Distance (in pixels) from the two straight edges of the segment.
        const fromStart = r * Math.sin(a - start) * size;
        const fromEnd = r * Math.sin(start + sweep - a) * size;
        if (fromStart >= gapPx / 2 && fromEnd >= gapPx / 2) return i;
      }
    }
    start += sweep;
  }
  return -1;
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = 4; // 4 × 4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const i = segmentAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (i >= 0) {
            const [cr, cg, cb] = SEGMENTS[i].color;
            r += cr;
            g += cg;
            b += cb;
            covered++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / (ss * ss));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, drawIcon, crc32 };
