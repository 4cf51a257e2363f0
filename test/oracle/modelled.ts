// Test-only classification of frr.conf lines, for oracle reports: a short command key (for counting)
// and whether grlint models the command (router bgp, neighbor definitions, peer-groups, timers,
// graceful restart, BFD, interface addresses, address-family structure, frr version/defaults).
// Pure: no fs, no process.

function tokens(line: string): string[] {
  return line.trim().split(/\s+/).filter((t) => t !== '');
}

const NUMBERISH = /^[-+]?\d/;

/** A short key naming the command of a line, e.g. "neighbor * timers", "bgp graceful-restart restart-time". */
export function commandKey(line: string): string {
  let t = tokens(line);
  let prefix = '';
  if (t[0] === 'no' && t.length > 1) {
    prefix = 'no ';
    t = t.slice(1);
  }
  const [a, b, c, d] = t;
  if (a === undefined) return '(empty)';
  const word = (x: string | undefined) => x !== undefined && !NUMBERISH.test(x);
  switch (a) {
    case 'neighbor': {
      if (b === undefined) return `${prefix}neighbor`;
      let k = `${prefix}neighbor * ${c ?? ''}`.trimEnd();
      if ((c === 'timers' || c === 'bfd' || c === 'interface' || c === 'capability' || c === 'local-as') && word(d)) k += ` ${d}`;
      return k;
    }
    case 'bgp':
      if (b === 'graceful-restart' || b === 'long-lived-graceful-restart' || b === 'listen' || b === 'bestpath' || b === 'default') {
        return word(c) ? `${prefix}bgp ${b} ${c}` : `${prefix}bgp ${b}`;
      }
      return `${prefix}bgp ${b ?? ''}`.trimEnd();
    case 'ip':
    case 'ipv6':
    case 'router':
    case 'debug':
    case 'log':
    case 'frr':
    case 'timers':
    case 'mpls':
    case 'segment-routing':
    case 'address-family':
    case 'show':
      return word(b) ? `${prefix}${a} ${b}` : `${prefix}${a}`;
    default:
      return `${prefix}${a}`;
  }
}

/** bfdd session settings (bfd peer / profile blocks); no other daemon has these first words. */
const BFD_SESSION = new Set(['detect-multiplier', 'receive-interval', 'transmit-interval', 'echo-interval', 'echo-mode', 'passive-mode', 'minimum-ttl', 'log-session-changes']);

/**
 * The command families grlint models (server/src/core/frr/commands.ts: catalog FRR5xx / TMR2xx / structure),
 * or undefined. By the line's words only (the block is not known here), so a few commands grlint models
 * are left out because other daemons share their words: `shutdown` (bfd), `exit`, `end`.
 */
export function modelledFamily(line: string): string | undefined {
  let t = tokens(line);
  if (t[0] === 'no') t = t.slice(1);
  const [a, b, c, d] = t;
  if (a === undefined) return undefined;
  if (a === 'router' && b === 'bgp') return 'router bgp';
  if (a === 'address-family' || a === 'exit-address-family') return 'address-family structure';
  if (a === 'frr' && (b === 'version' || b === 'defaults')) return 'frr version/defaults';
  if (a === 'bgp' && (b === 'graceful-restart' || b === 'graceful-restart-disable' || b === 'long-lived-graceful-restart')) return 'graceful-restart';
  if (a === 'bgp' && b === 'listen') return 'bgp listen';
  if (a === 'timers' && b === 'bgp') return 'timers';
  if (a === 'bgp' && (b === 'router-id' || b === 'minimum-holdtime' || b === 'hard-administrative-reset')) return 'bgp router-id/minimum-holdtime/hard-reset';
  if ((a === 'ip' || a === 'ipv6') && b === 'address') return 'interface address';
  if (a === 'interface') return 'interface';
  // `bfd` alone opens bfdd's block; `bfd <word>` is another daemon's command (ripd `bfd default-profile`).
  if ((a === 'bfd' && b === undefined) || a === 'profile' || a === 'peer') return 'bfd';
  if (BFD_SESSION.has(a) || (a === 'echo' && (b === 'receive-interval' || b === 'transmit-interval'))) return 'bfd';
  if (a === 'neighbor' && b !== undefined) {
    if (c === 'remote-as' || c === 'interface') return 'neighbor definition';
    if (c === 'peer-group') return 'peer-group';
    if (c === 'timers') return 'timers';
    if (c !== undefined && c.startsWith('graceful-restart')) return 'graceful-restart';
    if (c === 'bfd') return 'bfd';
    if (c === 'update-source' || c === 'password') return 'neighbor update-source/password';
  }
  return undefined;
}

const TOP_LEVEL_BGP_SUBCOMMANDS = new Set([
  'as-path', 'community-list', 'extcommunity-list', 'large-community-list', 'route-map', 'send-extra-data', 'no-rib', 'session-dscp',
]);
const TOP_LEVEL_OPENERS = new Set([
  'interface', 'int', 'vrf', 'mpls', 'segment-routing', 'bfd', 'route-map', 'line', 'key', 'pbr-map', 'nexthop-group',
  'ip', 'ipv6', 'hostname', 'log', 'debug', 'agentx', 'access-list', 'end', 'frr', 'password', 'service', 'rpki', 'srv6',
  'fpm', 'zebra', 'table', 'allow-external-route-update', 'pseudowire', 'l2vpn', 'ldp', 'affinity-map', 'router-id',
]);

/**
 * 1-based numbers of the lines inside `router bgp` blocks (the `router bgp` line included). Heuristic for
 * reports: a block runs from a `router bgp` line to a column-0 `exit`, or to the next column-0 line that
 * opens another top-level construct (another `router`, `interface`, `ip ...`, `bgp as-path ...`, ...).
 */
export function routerBgpLines(text: string): Set<number> {
  const out = new Set<number>();
  const lines = text.split('\n');
  let inside = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const t = tokens(line);
    const col0 = line.length > 0 && !/^\s/.test(line);
    if (t[0] === 'router' && t[1] === 'bgp') inside = true;
    else if (inside && col0 && t[0] !== undefined) {
      if (t[0] === 'exit' || t[0] === 'router' || TOP_LEVEL_OPENERS.has(t[0]) || (t[0] === 'bgp' && t[1] !== undefined && TOP_LEVEL_BGP_SUBCOMMANDS.has(t[1]))) {
        if (t[0] === 'exit') out.add(i + 1);
        inside = false;
        return;
      }
    }
    if (inside) out.add(i + 1);
  });
  return out;
}
