// Parsing time grows linearly with the input: 200,000 lines take about four times as long as 50,000
// (and the views over 50,000 lines about four times as long as over 12,500).
// The bound is a ratio under 8 (quadratic growth would give 16), measured with process.hrtime on the
// fastest of a few runs; no absolute time is asserted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFrr, parseFrr } from '../../../server/src/core/frr';

/** One block of a realistic configuration, 25 lines, numbered by `i`. */
function realisticBlock(i: number): string {
  const a = `10.${(i >> 8) & 255}.${i & 255}`;
  return [
    `router bgp ${65000 + (i % 1000)} vrf v${i}`,
    ` bgp router-id ${a}.1`,
    ' bgp graceful-restart',
    ' bgp graceful-restart restart-time 120',
    ` neighbor ${a}.2 remote-as external`,
    ` neighbor ${a}.2 timers 3 9`,
    ` neighbor ${a}.2 password s3cret${i}`,
    ` neighbor eth${i} interface peer-group PG`,
    ' !',
    ' address-family ipv4 unicast',
    `  network ${a}.0/24`,
    `  neighbor ${a}.2 activate`,
    ' exit-address-family',
    'exit',
    `interface eth${i}`,
    ` ip address ${a}.1/24`,
    'exit',
    'bfd',
    ` profile p${i}`,
    ' exit',
    ` peer ${a}.2`,
    `  profile p${i}`,
    'ip prefix-list PL seq 5 permit any',
    '! comment',
    '',
  ].join('\n');
}

/** Lines that make the parser work hard: deep nesting left implicitly, walk-ups, stray closers, long lines. */
function hostileBlock(i: number): string {
  return [
    'segment-routing',
    ' traffic-eng',
    '  pcep',
    `   pce P${i}`,
    'hostname h',
    ' exit-address-family',
    '\texit-vni',
    'int eth0',
    ' link-params',
    `  neighbor ${i} ${'x '.repeat(12)}`,
    'address-family ipv4',
    'router bgp',
    ' address-family l2vpn evpn',
    `  vni ${i}`,
    '   neighbor 1.1.1.1 remote-as 1',
    'exit\r',
    'exit\r\n',
    '#',
    ' ! ',
    '\ufeff\v\f',
    'abc def ghi jkl',
    'no',
    'end',
    'quit',
    'exit',
  ].join('\n');
}

function build(lines: number, block: (i: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; lines > 0; i++, lines -= 25) parts.push(block(i));
  return parts.join('\n');
}

/** The fastest of `runs` timings of each input, measured alternately so that load spikes hit both alike. */
function fastestPair(runs: number, small: () => void, large: () => void): [number, number] {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  const time = (run: () => void): number => {
    const t0 = process.hrtime.bigint();
    run();
    return Number(process.hrtime.bigint() - t0);
  };
  for (let k = 0; k < runs; k++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestLarge = Math.min(bestLarge, time(large));
  }
  return [bestSmall, bestLarge];
}

describe('frr parser running time', () => {
  for (const [name, block, work, small, large] of [
    ['parseFrr on a realistic configuration', realisticBlock, parseFrr, 50_000, 200_000],
    ['parseFrr on hostile input', hostileBlock, parseFrr, 50_000, 200_000],
    ['analyzeFrr (parser and views) on a realistic configuration', realisticBlock, analyzeFrr, 12_500, 50_000],
  ] as const) {
    it(`${name} grows linearly (${small.toLocaleString('en')} vs ${large.toLocaleString('en')} lines)`, (t) => {
      const smallText = build(small, block);
      const largeText = build(large, block);
      assert.ok(largeText.split('\n').length >= large);
      work(smallText); // warm up
      const [tSmall, tLarge] = fastestPair(2, () => work(smallText), () => work(largeText));
      const ratio = tLarge / tSmall;
      t.diagnostic(`${small} lines ${(tSmall / 1e6).toFixed(0)} ms, ${large} lines ${(tLarge / 1e6).toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
      assert.ok(ratio < 8, `ratio ${ratio.toFixed(2)} suggests super-linear time`);
    });
  }
});
