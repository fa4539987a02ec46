/**
 * A minimal PNG encoder (8-bit RGBA, no filtering) for the drawn tray icons. PNG, not a raw
 * bitmap, goes to nativeImage: createFromBitmap wants the platform's own byte order and
 * premultiplied alpha ("platform-dependent"), a PNG says exactly what it holds.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Bitmap } from './tray-icon';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(b: Bitmap): Buffer {
  if (b.data.length !== b.width * b.height * 4) throw new Error(`bitmap: ${b.data.length} bytes is not ${b.width}×${b.height} RGBA`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(b.width, 0);
  ihdr.writeUInt32BE(b.height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  const stride = b.width * 4;
  const raw = Buffer.alloc((stride + 1) * b.height);
  for (let y = 0; y < b.height; y++) raw.set(b.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
