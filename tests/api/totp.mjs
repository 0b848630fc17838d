// totp.mjs: RFC 6238 TOTP (HMAC-SHA1) computed in the test, independent of the server's
// liboath, so the tests check the server against the standard and not against itself.
import { createHmac } from 'node:crypto';

export function base32Decode(s) {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, val = 0;
  const out = [];
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    const i = abc.indexOf(ch);
    if (i < 0) throw new Error(`not base32: ${ch}`);
    val = (val << 5) | i;
    bits += 5;
    if (bits >= 8) { out.push((val >>> (bits - 8)) & 255); bits -= 8; }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226) of a counter. */
export function hotp(key, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', key).update(msg).digest();
  const off = h[h.length - 1] & 15;
  const bin = ((h[off] & 0x7f) << 24) | (h[off + 1] << 16) | (h[off + 2] << 8) | h[off + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** TOTP of unix time `t` (seconds) with 30 s steps; key is a Buffer or a base32 string. */
export function totp(key, t = Date.now() / 1000, digits = 6) {
  const k = typeof key === 'string' ? base32Decode(key) : key;
  return hotp(k, Math.floor(t / 30), digits);
}

/** Waits until the next 30 s step begins (a fresh code that the server has not seen). */
export async function langkahBerikut() {
  const ms = 30000 - (Date.now() % 30000) + 50;
  await new Promise((r) => setTimeout(r, ms));
}
