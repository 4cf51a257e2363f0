/**
 * Go `time.Duration` parsing and formatting, bit for bit.
 *
 * MetalLB and frr-k8s read `holdTime`, `keepaliveTime` and `connectTime` as `metav1.Duration`, whose JSON
 * decoder calls `time.ParseDuration` (go/src/time/format.go). This module reproduces that function,
 * including its float64 arithmetic for fractions and its overflow checks, so that grlint accepts
 * and rejects exactly the strings MetalLB does.
 */

/** One nanosecond, the unit of every `bigint` duration in this module. */
export const NANOSECOND = 1n;
export const MICROSECOND = 1000n * NANOSECOND;
export const MILLISECOND = 1000n * MICROSECOND;
export const SECOND = 1000n * MILLISECOND;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;

/** Smallest and largest Go `time.Duration` (int64 nanoseconds). */
export const MIN_DURATION = -(1n << 63n);
export const MAX_DURATION = (1n << 63n) - 1n;

/** Why a string is not a Go duration; mirrors the three error texts of `time.ParseDuration`. */
export type DurationErrorKind = 'invalid' | 'missing-unit' | 'unknown-unit';

/** The result of {@link parseGoDuration}. */
export type DurationResult =
  | { readonly ok: true; readonly nanos: bigint }
  | {
      readonly ok: false;
      readonly error: DurationErrorKind;
      /** Go's error text, e.g. `time: missing unit in duration "90"`. */
      readonly message: string;
      /** The unit that was not recognised (only for `unknown-unit`). */
      readonly unit?: string;
    };

// The unit table of time.ParseDuration; both micro signs are accepted (U+00B5 and U+03BC).
const UNIT_NANOS: ReadonlyMap<string, bigint> = new Map([
  ['ns', NANOSECOND],
  ['us', MICROSECOND],
  ['\u00b5s', MICROSECOND],
  ['\u03bcs', MICROSECOND],
  ['ms', MILLISECOND],
  ['s', SECOND],
  ['m', MINUTE],
  ['h', HOUR],
]);

const TWO_63 = 1n << 63n;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Parses `s` exactly as Go's `time.ParseDuration` does: an optional sign, then one or more
 * `<decimal><unit>` groups (`1h30m`, `1.5h`, `.5s`, `-2m3.4s`), with units `ns us µs μs ms s m h`.
 * `"0"` (optionally signed) is the only unit-less value accepted; `""`, `"90"` and `"5x"` are errors,
 * as is any value outside the int64 nanosecond range. Never throws.
 */
export function parseGoDuration(s: string): DurationResult {
  const orig = s;
  const invalid = (): DurationResult => ({ ok: false, error: 'invalid', message: `time: invalid duration ${goQuote(orig)}` });
  let d = 0n;
  let neg = false;
  let i = 0;
  if (s.length > 0 && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    i = 1;
  }
  if (s.slice(i) === '0') return { ok: true, nanos: 0n };
  if (i === s.length) return invalid();
  while (i < s.length) {
    // The next character must be [0-9.].
    if (!(s[i] === '.' || isDigit(s[i]))) return invalid();
    // Consume [0-9]*; Go's leadingInt fails on values above 1<<63.
    const intStart = i;
    let v = 0n;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > TWO_63 / 10n) return invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO_63) return invalid();
    }
    const pre = i !== intStart;
    // Consume (\.[0-9]*)?; Go's leadingFraction stops accumulating precision on overflow.
    let post = false;
    let f = 0n;
    let scale = 1;
    if (i < s.length && s[i] === '.') {
      i++;
      const fracStart = i;
      let overflow = false;
      for (; i < s.length && isDigit(s[i]); i++) {
        if (overflow) continue;
        if (f > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(i) - 48);
        if (y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = i !== fracStart;
    }
    if (!pre && !post) return invalid();
    // Consume the unit: everything up to the next '.' or digit.
    const unitStart = i;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '.' || isDigit(c)) break;
    }
    if (i === unitStart) return { ok: false, error: 'missing-unit', message: `time: missing unit in duration ${goQuote(orig)}` };
    const u = s.slice(unitStart, i);
    const unit = UNIT_NANOS.get(u);
    if (unit === undefined) {
      return { ok: false, error: 'unknown-unit', unit: u, message: `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}` };
    }
    if (v > TWO_63 / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64 ("to be nanosecond accurate for fractions of hours")
      // and truncates: uint64(float64(f) * (float64(unit) / scale)). Number(bigint) rounds to
      // nearest-even exactly as Go's uint64 -> float64 conversion does.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return invalid();
    }
    d += v;
    if (d > TWO_63) return invalid();
  }
  if (neg) return { ok: true, nanos: -d };
  if (d > TWO_63 - 1n) return invalid();
  return { ok: true, nanos: d };
}

/**
 * Whole seconds of `nanos`, truncated toward zero, as MetalLB and frr-k8s compute them
 * (`int64(d / time.Second)`): `500ms` gives 0, `3.9s` gives 3, `-1.5s` gives -1.
 */
export function wholeSecondsTruncated(nanos: bigint): bigint {
  return nanos / SECOND;
}

/** True when `nanos` is not a whole number of seconds (`1.5s`, `500ms`), i.e. truncation loses something. */
export function hasFractionalSecond(nanos: bigint): boolean {
  return nanos % SECOND !== 0n;
}

/**
 * Go's `Duration.String()`: `0s`, `1.5s`, `100ms`, `1µs`, `1h0m0s`, `-2m3.4s`. The value is clamped
 * into the int64 range first.
 */
export function formatGoDuration(nanos: bigint): string {
  const n = nanos < MIN_DURATION ? MIN_DURATION : nanos > MAX_DURATION ? MAX_DURATION : nanos;
  const neg = n < 0n;
  let u = neg ? -n : n;
  let out: string;
  if (u < SECOND) {
    // Below one second Go switches to smaller units, like 1.2ms.
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < MICROSECOND) {
      prec = 0;
      unit = 'ns';
    } else if (u < MILLISECOND) {
      prec = 3;
      unit = '\u00b5s';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, rest] = fmtFrac(u, prec);
    out = rest.toString() + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = (u % 60n).toString() + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      // Go stops at hours because days can be different lengths.
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

// Go's fmtFrac: the fraction v / 10**prec without trailing zeros (and without the point when it is 0).
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return [print ? '.' + digits : '', v];
}

/**
 * Go's `time.quote`: the string in double quotes, with `"` and `\` escaped, and every byte of a
 * non-ASCII or control character written as `\xNN` (UTF-8).
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}
