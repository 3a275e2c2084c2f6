// JSON values written straight into UTF-8 bytes as JSON.stringify writes them: a string quoted and
// escaped (quote, backslash, U+0000–U+001F, lone surrogates; everything else as it is, encoded),
// a number as `${n}` (so -0 as 0), null when not finite. The streamed JSON document's card writer
// (json-card-bytes.ts) and the benchmark's byte writer (bench/json-bytes.ts) write with these.
// test/format/json-card-bytes.test.ts and test/cli/json-bytes.test.ts hold them to JSON.stringify.

/** Where bytes go: a buffer, how much of it is written, and a way to make it larger. */
export interface ByteSink {
  buffer: Uint8Array;
  used: number;
  /** Makes room for `more` bytes after `used` (the buffer may be replaced). */
  grow(more: number): void;
}

/** The most bytes jsonStringAt writes for a string of `n` UTF-16 code units: six a unit (`\u001f`, `\udc00`) and the quotes. */
export const stringRoom = (n: number) => 6 * n + 2;
/** The most bytes jsonNumberAt writes: the longest `${n}` is 24 characters (-1.2345678901234567e-300). */
export const NUMBER_ROOM = 24;

const HEX = new TextEncoder().encode('0123456789abcdef');

/** `x` copied into `b` from `q` (room for it is the caller's): where it ends. Short pieces are copied here, long ones natively. */
export function bytesAt(b: Uint8Array, q: number, x: Uint8Array): number {
  const n = x.length;
  if (n > 32) {
    b.set(x, q);
    return q + n;
  }
  for (let i = 0; i < n; i++) b[q++] = x[i]!;
  return q;
}

/** `s` quoted and escaped as JSON.stringify writes it, as UTF-8, into `b` from `q` (room: stringRoom); where it ends. */
export function jsonStringAt(b: Uint8Array, q: number, s: string): number {
  const n = s.length;
  b[q++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c) b[q++] = c;
      else {
        b[q++] = 0x5c;
        switch (c) {
          case 0x22:
          case 0x5c:
            b[q++] = c;
            break;
          case 0x08:
            b[q++] = 0x62; // b
            break;
          case 0x09:
            b[q++] = 0x74; // t
            break;
          case 0x0a:
            b[q++] = 0x6e; // n
            break;
          case 0x0c:
            b[q++] = 0x66; // f
            break;
          case 0x0d:
            b[q++] = 0x72; // r
            break;
          default:
            b[q++] = 0x75; // u00XX
            b[q++] = 0x30;
            b[q++] = 0x30;
            b[q++] = HEX[c >> 4]!;
            b[q++] = HEX[c & 15]!;
        }
      }
    } else if (c < 0x800) {
      b[q++] = 0xc0 | (c >> 6);
      b[q++] = 0x80 | (c & 63);
    } else if (c < 0xd800 || c > 0xdfff) {
      b[q++] = 0xe0 | (c >> 12);
      b[q++] = 0x80 | ((c >> 6) & 63);
      b[q++] = 0x80 | (c & 63);
    } else {
      const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        b[q++] = 0xf0 | (cp >> 18);
        b[q++] = 0x80 | ((cp >> 12) & 63);
        b[q++] = 0x80 | ((cp >> 6) & 63);
        b[q++] = 0x80 | (cp & 63);
        i++;
      } else {
        // a lone surrogate, as JSON.stringify escapes it: \udxxx
        b[q++] = 0x5c;
        b[q++] = 0x75;
        b[q++] = HEX[c >> 12]!;
        b[q++] = HEX[(c >> 8) & 15]!;
        b[q++] = HEX[(c >> 4) & 15]!;
        b[q++] = HEX[c & 15]!;
      }
    }
  }
  b[q++] = 0x22;
  return q;
}

/** `v` as JSON.stringify writes it (`${v}`, so -0 as 0; null when not finite) into `b` from `q` (room: NUMBER_ROOM); where it ends. */
export function jsonNumberAt(b: Uint8Array, q: number, v: number): number {
  if ((v | 0) === v) {
    // a 32-bit integer (and -0, which `${v}` writes as 0), digit by digit
    if (v < 0) {
      b[q++] = 0x2d;
      return digitsAt(b, q, -v);
    }
    return digitsAt(b, q, v);
  }
  // a number of two or four decimals (a score, points, yuan, a ratio): `${v}` is its exact decimal
  // digits (the double nearest to k/100 has no shorter text that reads back to it while
  // |v| · 100 < 2^31: its neighbours are far closer than 0.01), written here without making a string
  const two = decimalsAt(b, q, v, 100, 2);
  if (two >= 0) return two;
  const four = decimalsAt(b, q, v, 10000, 4);
  if (four >= 0) return four;
  if (v - v !== 0) {
    // NaN, Infinity, -Infinity
    b[q++] = 0x6e;
    b[q++] = 0x75;
    b[q++] = 0x6c;
    b[q++] = 0x6c;
    return q;
  }
  const t = `${v}`;
  for (let i = 0; i < t.length; i++) b[q++] = t.charCodeAt(i);
  return q;
}

/** `v` written as k / scale (scale 10^places) when it is exactly that double, with |k| < 2^31: where it ends, else -1 (nothing written). */
function decimalsAt(b: Uint8Array, q: number, v: number, scale: number, places: number): number {
  const k = Math.round(v * scale);
  if (k / scale !== v || k >= 2147483648 || k <= -2147483648) return -1;
  let x = k;
  if (x < 0) {
    b[q++] = 0x2d;
    x = -x;
  }
  const whole = Math.floor(x / scale);
  let frac = x - whole * scale;
  q = digitsAt(b, q, whole);
  if (frac !== 0) {
    let n = places;
    while (frac % 10 === 0) {
      frac /= 10;
      n--;
    }
    b[q++] = 0x2e;
    const end = q + n;
    let at = end;
    for (let i = 0; i < n; i++) {
      const y = Math.floor(frac / 10);
      b[--at] = 0x30 + (frac - y * 10);
      frac = y;
    }
    q = end;
  }
  return q;
}

/** A non-negative integer below 2^31, digit by digit: where it ends. */
function digitsAt(b: Uint8Array, q: number, x: number): number {
  if (x < 10) {
    b[q++] = 0x30 + x;
    return q;
  }
  let len = 2;
  for (let t = 100; t <= x && len < 10; t *= 10) len++;
  const end = q + len;
  let at = end;
  while (x >= 10) {
    const y = Math.floor(x / 10);
    b[--at] = 0x30 + (x - y * 10);
    x = y;
  }
  b[--at] = 0x30 + x;
  return end;
}
