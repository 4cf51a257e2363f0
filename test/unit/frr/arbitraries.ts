/**
 * fast-check generators of frr.conf text: arbitrary characters that matter to the lexer, FRR-like
 * lines (realistic and broken), whole texts with BOM / CR / LF / CRLF / tabs, and edits of real
 * configurations from the shared corpus.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

/** Characters that matter to the lexer, mixed with any other code unit. */
export const interestingChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '\v', '\f', '!', '#', '\ufeff', '\u2028', '\0') },
  { weight: 3, arbitrary: fc.constantFrom('exit', 'end', 'quit', 'router bgp ', 'address-family ', 'neighbor ', 'password ', 'no ') },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

const word = fc.oneof(
  fc.constantFrom('1', '65001', '4294967296', '1.10', '0.0', '10.0.0.1', '2001:db8::1', 'fe80::1%eth0', 'eth0', 'PG', 'red', 'x'),
  fc.stringMatching(/^[a-z0-9.:\/-]{1,8}$/),
);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((a) => a.join(' '));

/** Lines that FRR knows, that open or close blocks, and broken or odd variants of them. */
export const frrLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'router bgp 65001', 'router bgp', 'router bgp 65001 vrf red', 'router bgp 1.10 view v', 'router bgp abc', 'router ospf',
    'address-family ipv4 unicast', 'address-family ipv6', 'address-family l2vpn evpn', 'address-family ipv4 vpn', 'address-family foo',
    'add ipv4 uni', 'vni 100', 'vni', 'exit-vni', 'exit-address-family', 'exit-address', 'exit-vrf', 'exit-link-params', 'exit-vnc',
    'exit-vrf-policy', 'exit', 'quit', 'end', 'exi', 'interface eth0', 'interface eth1 vrf red', 'int lo', 'interface', 'link-params',
    'no enable', 'enable', 'vrf red', 'rpki', 'bfd', 'peer 10.0.0.1', 'peer 10.0.0.2 multihop local-address 10.0.0.1', 'profile fast',
    'route-map RM permit 10', 'route-map RM', 'key chain K', 'key 1', 'key-string secret1', 'line vty', 'mpls ldp', 'l2vpn X type vpls',
    'member pseudowire pw0', 'segment-routing', 'traffic-eng', 'srv6', 'locators', 'locator L', 'segment-routing srv6',
    'bmp targets T', 'vnc defaults', 'vrf-policy P', 'hostname r1', 'frr version 10.2', 'frr defaults datacenter', 'password zebra',
    'ip prefix-list P seq 5 permit any', 'ip address 10.0.0.1/24', 'ipv6 address 2001:db8::1/64', 'bgp graceful-restart',
    'bgp graceful-restart restart-time 120', 'bgp graceful-restart-disable', 'no bgp graceful-restart notification',
    'bgp long-lived-graceful-restart stale-time 10', 'timers bgp 3 9', 'bgp listen range 10.0.0.0/8 peer-group PG',
    'neighbor PG peer-group', 'neighbor eth0 interface remote-as external', 'neighbor eth1 interface peer-group PG',
    'neighbor 10.0.0.1 remote-as 65002', 'neighbor 10.0.0.1 password s3cret', 'neighbor 10.0.0.1 timers connect 5',
    'neighbor 10.0.0.1 bfd profile fast', 'neighbor 10.0.0.1 graceful-restart-helper', 'neighbor 10.0.0.1 activate',
    'no neighbor 10.0.0.1 timers', 'neighbor', 'no', 'description a ! b # c',
  ),
  fc.tuple(fc.constantFrom('neighbor', 'no neighbor', 'bgp', 'no bgp', 'timers', 'ip', 'router', 'interface', 'address-family'), words(0, 5)).map(
    ([a, b]) => `${a} ${b}`,
  ),
  fc.tuple(fc.constantFrom('!', '#'), fc.string({ maxLength: 20 })).map(([c, s]) => c + s.replace(/[\r\n]/g, '')),
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);

const indent = fc.constantFrom('', '', ' ', '  ', '\t', ' \t ', '\v', '\f ', '      ');
const terminator = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const trailing = fc.constantFrom('', '', ' ', '\t', '  ');

export const frrText = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(indent, frrLine, trailing, terminator), { maxLength: 40 }),
    fc.boolean(),
  )
  .map(([bom, lines, dropLastTerminator]) => {
    let s = (bom ? '\ufeff' : '') + lines.map(([i, l, t, n]) => i + l + t + n).join('');
    if (dropLastTerminator) s = s.replace(/(\r\n|\r|\n)$/, '');
    return s;
  });

/** A sample of real configurations: every 40th corpus file, in a stable order. */
export function corpusSample(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.conf') || name.endsWith('.golden')) files.push(p);
    }
  };
  walk(path.join(CORPUS, 'frr'));
  walk(path.join(CORPUS, 'metallb/internal/bgp/frr/testdata'));
  return files.filter((_, i) => i % 40 === 0).map((f) => readFileSync(f, 'utf8'));
}

export type Edit =
  | { kind: 'insert-line'; at: number; line: string }
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'insert-char'; at: number; char: string }
  | { kind: 'delete-chars'; at: number; length: number }
  | { kind: 'duplicate-chars'; at: number; length: number };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(), line: frrLine }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-char' as const), at: fc.nat(), char: interestingChar }),
  fc.record({ kind: fc.constant('delete-chars' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate-chars' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
);

export function applyEdit(text: string, e: Edit): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const li = lines.length === 0 ? 0 : e.at % (lines.length + 1);
  const ci = text.length === 0 ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case 'insert-line':
      lines.splice(li, 0, e.line + '\n');
      return lines.join('');
    case 'delete-line':
      lines.splice(li, 1);
      return lines.join('');
    case 'duplicate-line':
      if (lines.length > 0) lines.splice(li, 0, lines[Math.min(li, lines.length - 1)]!);
      return lines.join('');
    case 'insert-char':
      return text.slice(0, ci) + e.char + text.slice(ci);
    case 'delete-chars':
      return text.slice(0, ci) + text.slice(ci + e.length);
    case 'duplicate-chars':
      return text.slice(0, ci) + text.slice(ci, ci + e.length) + text.slice(ci);
  }
}

