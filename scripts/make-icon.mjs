// Draws build/icon.png (512×512): a teal rounded square with a white "T" above two
// register lines. No image library: shapes are signed distance fields, written as an RGBA
// PNG with node:zlib. Run: node scripts/make-icon.mjs [output.png]
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const output = process.argv[2] ?? path.join('build', 'icon.png');

/** Distance from (x, y) to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Coverage of a pixel by a shape, from its distance: one-pixel anti-aliased edge. */
const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

const TEAL_TOP = [20, 184, 166];
const TEAL_BOTTOM = [15, 118, 110];

function pixel(x, y) {
  const px = x + 0.5;
  const py = y + 0.5;
  // Background tile with a small margin, as desktop icons usually have.
  const tile = coverage(roundedRect(px, py, 256, 256, 232, 232, 96));
  if (tile === 0) return [0, 0, 0, 0];
  const t = py / SIZE;
  const base = TEAL_TOP.map((top, i) => top + (TEAL_BOTTOM[i] - top) * t);

  // The "T": a bar and a stem; below it, two lines of a register.
  const glyph = Math.max(
    coverage(roundedRect(px, py, 256, 142, 132, 30, 14)),
    coverage(roundedRect(px, py, 256, 238, 30, 110, 14)),
    coverage(roundedRect(px, py, 256, 384, 140, 12, 12)) * 0.85,
    coverage(roundedRect(px, py, 226, 422, 110, 12, 12)) * 0.7,
  );
  const rgb = base.map((channel) => Math.round(channel + (255 - channel) * glyph));
  return [...rgb, Math.round(tile * 255)];
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const [r, g, b, a] = pixel(x, y);
    raw.set([r, g, b, a], row + 1 + x * 4);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, png);
console.log(`wrote ${output} (${png.length} bytes)`);
