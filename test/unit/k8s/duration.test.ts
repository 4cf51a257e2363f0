import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOUR,
  MICROSECOND,
  MILLISECOND,
  MINUTE,
  NANOSECOND,
  SECOND,
  formatGoDuration,
  hasFractionalSecond,
  parseGoDuration,
  wholeSecondsTruncated,
} from '../../../server/src/core/k8s/duration';

// Go's own table: go/src/time/time_test.go parseDurationTests.
const PARSE_OK: ReadonlyArray<readonly [string, bigint]> = [
  // simple
  ['0', 0n],
  ['5s', 5n * SECOND],
  ['30s', 30n * SECOND],
  ['1478s', 1478n * SECOND],
  // sign
  ['-5s', -5n * SECOND],
  ['+5s', 5n * SECOND],
  ['-0', 0n],
  ['+0', 0n],
  // decimal
  ['5.0s', 5n * SECOND],
  ['5.6s', 5n * SECOND + 600n * MILLISECOND],
  ['5.s', 5n * SECOND],
  ['.5s', 500n * MILLISECOND],
  ['1.0s', 1n * SECOND],
  ['1.00s', 1n * SECOND],
  ['1.004s', 1n * SECOND + 4n * MILLISECOND],
  ['1.0040s', 1n * SECOND + 4n * MILLISECOND],
  ['100.00100s', 100n * SECOND + 1n * MILLISECOND],
  // different units
  ['10ns', 10n * NANOSECOND],
  ['11us', 11n * MICROSECOND],
  ['12\u00b5s', 12n * MICROSECOND],
  ['12\u03bcs', 12n * MICROSECOND],
  ['13ms', 13n * MILLISECOND],
  ['14s', 14n * SECOND],
  ['15m', 15n * MINUTE],
  ['16h', 16n * HOUR],
  // composite durations
  ['3h30m', 3n * HOUR + 30n * MINUTE],
  ['10.5s4m', 4n * MINUTE + 10n * SECOND + 500n * MILLISECOND],
  ['-2m3.4s', -(2n * MINUTE + 3n * SECOND + 400n * MILLISECOND)],
  ['1h2m3s4ms5us6ns', 1n * HOUR + 2n * MINUTE + 3n * SECOND + 4n * MILLISECOND + 5n * MICROSECOND + 6n * NANOSECOND],
  ['39h9m14.425s', 39n * HOUR + 9n * MINUTE + 14n * SECOND + 425n * MILLISECOND],
  // large value
  ['52763797000ns', 52763797000n * NANOSECOND],
  // more than 9 digits after decimal point, see https://golang.org/issue/6617
  ['0.3333333333333333333h', 20n * MINUTE],
  // 9007199254740993 = 1<<53+1 cannot be stored precisely in a float64
  ['9007199254740993ns', ((1n << 53n) + 1n) * NANOSECOND],
  // largest duration that can be represented by int64 in nanoseconds
  ['9223372036854775807ns', (1n << 63n) - 1n],
  ['9223372036854775.807us', (1n << 63n) - 1n],
  ['9223372036s854ms775us807ns', (1n << 63n) - 1n],
  ['-9223372036854775808ns', -(1n << 63n)],
  ['-9223372036854775.808us', -(1n << 63n)],
  ['-9223372036s854ms775us808ns', -(1n << 63n)],
  // largest negative round trip value, see https://golang.org/issue/48629
  ['-2562047h47m16.854775808s', -(1n << 63n)],
  // huge string; issue 15011.
  ['0.100000000000000000000h', 6n * MINUTE],
  // This value tests the first overflow check in leadingFraction.
  ['0.830103483285477580700h', 49n * MINUTE + 48n * SECOND + 372539827n * NANOSECOND],
  // Values MetalLB users write.
  ['1.5h', 90n * MINUTE],
  ['90s', 90n * SECOND],
  ['9m0s', 9n * MINUTE],
  ['500ms', 500n * MILLISECOND],
];

// Go's own table: parseDurationErrorTests; the error must contain the quoted input.
const PARSE_ERR: ReadonlyArray<readonly [string, string]> = [
  ['', '""'],
  ['3', '"3"'],
  ['-', '"-"'],
  ['s', '"s"'],
  ['.', '"."'],
  ['-.', '"-."'],
  ['.s', '".s"'],
  ['+.s', '"+.s"'],
  ['1d', '"1d"'],
  ['\uFFFD', '"\\xef\\xbf\\xbd"'],
  ['\uFFFD hello \uFFFD world', '"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world"'],
  // overflow
  ['9223372036854775810ns', '"9223372036854775810ns"'],
  ['9223372036854775808ns', '"9223372036854775808ns"'],
  ['-9223372036854775809ns', '"-9223372036854775809ns"'],
  ['9223372036854776us', '"9223372036854776us"'],
  ['3000000h', '"3000000h"'],
  ['9223372036854775.808us', '"9223372036854775.808us"'],
  ['9223372036854ms775us808ns', '"9223372036854ms775us808ns"'],
];

// Go's own table: durationTests (String()).
const FORMAT: ReadonlyArray<readonly [string, bigint]> = [
  ['0s', 0n],
  ['1ns', 1n * NANOSECOND],
  ['1.1\u00b5s', 1100n * NANOSECOND],
  ['2.2ms', 2200n * MICROSECOND],
  ['3.3s', 3300n * MILLISECOND],
  ['4m5s', 4n * MINUTE + 5n * SECOND],
  ['4m5.001s', 4n * MINUTE + 5001n * MILLISECOND],
  ['5h6m7.001s', 5n * HOUR + 6n * MINUTE + 7001n * MILLISECOND],
  ['8m0.000000001s', 8n * MINUTE + 1n * NANOSECOND],
  ['2562047h47m16.854775807s', (1n << 63n) - 1n],
  ['-2562047h47m16.854775808s', -(1n << 63n)],
];

describe('parseGoDuration', () => {
  for (const [input, want] of PARSE_OK) {
    it(`parses ${JSON.stringify(input)} as Go does`, () => {
      assert.deepEqual(parseGoDuration(input), { ok: true, nanos: want });
    });
  }
  for (const [input, quoted] of PARSE_ERR) {
    it(`rejects ${JSON.stringify(input)} with Go's message`, () => {
      const r = parseGoDuration(input);
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.message.includes(quoted), !r.ok ? r.message : '');
    });
  }

  it('tells a missing unit from an unknown unit, with Go\'s texts', () => {
    assert.deepEqual(parseGoDuration('90'), { ok: false, error: 'missing-unit', message: 'time: missing unit in duration "90"' });
    assert.deepEqual(parseGoDuration('5x'), { ok: false, error: 'unknown-unit', unit: 'x', message: 'time: unknown unit "x" in duration "5x"' });
    assert.deepEqual(parseGoDuration('1 m'), { ok: false, error: 'unknown-unit', unit: ' m', message: 'time: unknown unit " m" in duration "1 m"' });
    assert.deepEqual(parseGoDuration(''), { ok: false, error: 'invalid', message: 'time: invalid duration ""' });
  });

  it('rejects whitespace and exponents that Go rejects', () => {
    for (const s of [' 1s', '1s ', '1e3s', '1,5s', '--1s', '+-1s', '1.2.3s', 'infs']) {
      assert.equal(parseGoDuration(s).ok, false, s);
    }
  });
});

describe('formatGoDuration', () => {
  for (const [want, nanos] of FORMAT) {
    it(`formats ${nanos} ns as ${want}`, () => {
      assert.equal(formatGoDuration(nanos), want);
      if (nanos > 0n) assert.equal(formatGoDuration(-nanos), '-' + want);
    });
  }

  it('round-trips through parseGoDuration', () => {
    for (const [, nanos] of FORMAT) {
      const r = parseGoDuration(formatGoDuration(nanos));
      assert.deepEqual(r, { ok: true, nanos });
    }
  });
});

describe('whole seconds as MetalLB computes them', () => {
  const cases: ReadonlyArray<readonly [string, bigint, boolean]> = [
    ['500ms', 0n, true],
    ['3.9s', 3n, true],
    ['3s', 3n, false],
    ['1m30s', 90n, false],
    ['-1.5s', -1n, true],
    ['0', 0n, false],
    ['1.0005s', 1n, true],
  ];
  for (const [input, secs, frac] of cases) {
    it(`${input} truncates to ${secs} s${frac ? ' and has a fractional second' : ''}`, () => {
      const r = parseGoDuration(input);
      assert.ok(r.ok);
      assert.equal(wholeSecondsTruncated(r.nanos), secs);
      assert.equal(hasFractionalSecond(r.nanos), frac);
    });
  }
});
