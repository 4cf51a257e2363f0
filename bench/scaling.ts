/**
 * Scaling of the parsers with input size: prints how much longer 4x (frr.conf) and 8x (YAML) inputs take.
 * Linear time gives ratios near 4 and 8; quadratic growth would give about 16 and 64. A figure, not a test:
 * `npx tsx bench/scaling.ts` (also run by `npm run bench`). Moved here from the unit tests, which assert no times.
 */
import { analyzeFrr, parseFrr } from '../server/src/core/frr';
import { parseK8sYaml } from '../server/src/core/k8s/parse';

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
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let k = 0; k < runs; k++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestLarge = Math.min(bestLarge, time(large));
  }
  return [bestSmall, bestLarge];
}

const peers = (n: number): string =>
  Array.from({ length: n }, (_, i) => `apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {name: p${i}}\nspec:\n  myASN: 1\n  peerASN: 2\n  peerAddress: 10.0.${i % 256}.1\n  holdTime: 9s\n`).join('---\n');
const wideMap = (n: number): string => 'apiVersion: v1\nkind: Node\nmetadata:\n  labels:\n' + Array.from({ length: n }, (_, i) => `    k${i}: v\n`).join('');
const longScalar = (n: number): string => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bgpextras}\ndata:\n  extras: |\n' + '    neighbor 10.0.0.1 remote-as 1\n'.repeat(n);

const rows: [string, number, number, number, string][] = [];
for (const [name, block, work, small, large] of [
  ['parseFrr, realistic frr.conf', realisticBlock, parseFrr, 50_000, 200_000],
  ['parseFrr, hostile input', hostileBlock, parseFrr, 50_000, 200_000],
  ['analyzeFrr (parser + views)', realisticBlock, analyzeFrr, 12_500, 50_000],
] as const) {
  const s = build(small, block);
  const l = build(large, block);
  work(s);
  const [a, b] = fastestPair(3, () => work(s), () => work(l));
  rows.push([name, a, b, b / a, `${small} -> ${large} lines (linear: ~4)`]);
}
for (const [name, make, n] of [
  ['parseK8sYaml, many documents', peers, 150],
  ['parseK8sYaml, one wide mapping', wideMap, 1500],
  ['parseK8sYaml, one long block scalar', longScalar, 10000],
] as const) {
  const s = make(n);
  const l = make(8 * n);
  parseK8sYaml(s);
  const [a, b] = fastestPair(5, () => parseK8sYaml(s), () => parseK8sYaml(l));
  rows.push([name, a, b, b / a, `n -> 8n (linear: ~8)`]);
}
console.log('scaling (fastest of several runs)');
for (const [name, a, b, r, note] of rows) console.log(`  ${name.padEnd(38)} ${a.toFixed(1).padStart(8)} ms -> ${b.toFixed(1).padStart(8)} ms  ratio ${r.toFixed(2).padStart(5)}  ${note}`);
