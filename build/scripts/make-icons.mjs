// Draws Timetray's icons (a clock face) as PNGs with no image library: build/icons/*.png.
// Run once when the design changes; the PNGs are committed. electron-builder derives the
// macOS .icns and Windows .ico from icon.png (512 px).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
mkdirSync(out, { recursive: true });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

function png(size, color) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const r = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - r;
      const dy = y + 0.5 - r;
      const d = Math.hypot(dx, dy);
      const ring = d <= r * 0.94 && d >= r * 0.78;
      const disc = d < r * 0.78;
      // Hands: to 12 and to 4 o'clock.
      const up = Math.abs(dx) <= r * 0.07 && dy <= 0 && dy >= -r * 0.55;
      const ang = Math.atan2(dy, dx);
      const right = d <= r * 0.45 && Math.abs(ang - Math.PI / 6) < 0.12;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [cr, cg, cb] = ring || up || right ? color : [255, 255, 255];
      raw[o] = cr; raw[o + 1] = cg; raw[o + 2] = cb;
      raw[o + 3] = ring || up || right ? 255 : disc ? 230 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const green = [10, 125, 85];
writeFileSync(join(out, 'icon.png'), png(512, green));
writeFileSync(join(out, 'tray.png'), png(32, green));
writeFileSync(join(out, 'tray@2x.png'), png(64, green));
console.log(`icons written to ${out}`);
