// Numbers as an explanation writes them, from integers where that gives exactly the text the
// general routine gives (String, toPrecision, toFixed, toLocaleString), and through the general
// routine otherwise. Each fast path says why its text is the same; test/explanation/number-text.test.ts
// checks both against hand-written texts at the edges (halves, thousands, 0 and -0, large values).

/** '', '0', '00', … : the zeros that pad a fraction's digits to their place. */
const ZEROS = ['', '0', '00', '000', '0000', '00000'];

/**
 * A positive whole number of `scale`ths (scale 10^places) as a decimal without trailing zeros:
 * (1234500, 10^6) → `1.2345`, (930, 100) → `9.3`, (900, 100) → `9`.
 */
function decimalText(units: number, scale: number, places: number): string {
  const whole = Math.floor(units / scale);
  let fraction = units - whole * scale;
  if (fraction === 0) return String(whole);
  while (fraction % 10 === 0) {
    fraction /= 10;
    places--;
  }
  const digits =
    fraction < 10 ? 1 : fraction < 100 ? 2 : fraction < 1000 ? 3 : fraction < 10_000 ? 4 : fraction < 100_000 ? 5 : 6;
  return `${whole}.${ZEROS[places - digits]}${fraction}`;
}

/**
 * A plain number without float noise: its shortest text (`String`) when that has at most twelve
 * significant digits, else the number rounded to twelve (`0.1 + 0.2` → `0.3`).
 *
 * Fast paths: a whole number below 10^12 in size has at most twelve digits, so it is `String(x)`.
 * Otherwise, when x is the double nearest to k / 10^6 for a whole k below 10^12 in size, its
 * shortest text is k / 10^6 without trailing zeros: that text reads back as x, and any other text
 * reading back as x lies within one unit in the last place of x (under 1.2e-10 below 10^6), which
 * no other decimal of at most six places does (they are 10^-6 apart); so it has at most twelve
 * significant digits and is what `String(x)` gives.
 */
export function plainNumber(x: number): string {
  if (Number.isInteger(x)) {
    if (x < 1e12 && x > -1e12) return String(x);
  } else {
    const k = Math.round(x * 1e6);
    if (k / 1e6 === x && k < 1e12 && k > -1e12) return k < 0 ? `-${decimalText(-k, 1e6, 6)}` : decimalText(k, 1e6, 6);
  }
  return roundedTo12(x);
}

/** The general routine of plainNumber. */
function roundedTo12(x: number): string {
  const s = String(x);
  return significantDigits(s) <= 12 ? s : String(Number(x.toPrecision(12)));
}

/** Significant digits of a number's plain decimal text; 99 for exponent notation, NaN or Infinity. */
function significantDigits(s: string): number {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 46) continue; // - .
    if (c < 48 || c > 57) return 99;
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  return digits;
}

/**
 * A ratio as a percentage: the percentage rounded to twelve significant digits, then written with
 * one decimal when it has at most one (0.15 → `15.0%`, 0.093 → `9.3%`), else rounded to two
 * decimals without trailing zeros (0.016735 → `1.67%`, 0.09301 → `9.3%`).
 *
 * Two fast paths, on the percentage p = value × 100 (the same double the general routine rounds):
 * - p within 4·10^-13 of itself of a whole number t of hundredths (below 10^9 %): rounding p to twelve
 *   significant digits gives t / 100 (it moves p by up to half a unit of the twelfth digit, at least
 *   5·10^-13 of p, and t / 100 is a multiple of that unit), read back as the double t / 100;
 * - p at least a margin away from every hundredth and every half hundredth (below 10^7 %): rounding
 *   to twelve digits moves p by at most 5·10^-12 of itself, less than the margin, so the rounding to
 *   two decimals gives the hundredth nearest p, and p is no multiple of 0.1 (so not written with one
 *   decimal).
 */
export function percentText(value: number): string {
  const p = value * 100;
  const size = p < 0 ? -p : p;
  if (size < 1e7) {
    const hundredths = size * 100;
    const t = Math.round(hundredths);
    if (t >= 1 && Math.abs(size - t / 100) < 4e-13 * size) {
      // the general routine's own test of one decimal, on the same double
      const tenths = (t / 100) * 10;
      if (Number.isInteger(tenths)) {
        const digit = tenths % 10;
        return `${p < 0 ? '-' : ''}${(tenths - digit) / 10}.${digit}%`;
      }
      return `${p < 0 ? '-' : ''}${decimalText(t, 100, 2)}%`;
    }
    const margin = 1e-10 * hundredths + 1e-9;
    const off = hundredths - Math.floor(hundredths);
    if (off > margin && off < 1 - margin && Math.abs(off - 0.5) > margin)
      return t === 0 ? '0%' : `${p < 0 ? '-' : ''}${decimalText(t, 100, 2)}%`;
  }
  return percentTo12(value);
}

/** The general routine of percentText. */
function percentTo12(value: number): string {
  const pct = Number((value * 100).toPrecision(12));
  return `${Number.isInteger(pct * 10) ? pct.toFixed(1) : String(Number(pct.toFixed(2)))}%`;
}

/** Plain digits with a comma every three from the right: 1234567 → 1,234,567. */
export function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * A count: a whole number with thousands separators as `toLocaleString('en-US')` writes it
 * (`150,000`, `-1,234`, `-0`), any other number as plainNumber. Whole numbers beyond 2^53 go through
 * toLocaleString itself (it writes every digit of the double, which String does not).
 */
export function countText(x: number): string {
  if (!Number.isInteger(x)) return plainNumber(x);
  if (x === 0) return 1 / x < 0 ? '-0' : '0';
  if (x > 0 && x <= Number.MAX_SAFE_INTEGER) return groupThousands(String(x));
  if (x < 0 && x >= -Number.MAX_SAFE_INTEGER) return `-${groupThousands(String(-x))}`;
  return x.toLocaleString('en-US');
}
