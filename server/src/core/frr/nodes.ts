/**
 * FRR's CLI nodes as vtysh sees them when it reads frr.conf: which commands each node accepts, which
 * lines open a child node, and which lines close a node. The parser walks up from the current node to
 * its parents exactly as `command_config_read_one_line` (lib/command.c) does: a line runs in the
 * innermost node that accepts it, and a line that no node accepts leaves the node unchanged.
 *
 * The command tables list the first word of every command of a node; where the same first word is
 * also a command of the top level, the accepted second words are listed too, so that a line such as
 * `ip prefix-list` inside an interface still walks up to the top level, and address families list the
 * `neighbor PEER <command>` words they have. They were extracted from the `list` output of vtysh 8.4.4
 * (Debian 12) and from the `install_element` calls of FRR master (fbfc8222da), then adjusted by hand
 * where noted. Keywords may be abbreviated, as in FRR. Matching stops at the second word (the third
 * where listed), so a few lines FRR would move up stay put: `ip pim rp` after an interface stays in
 * the interface, because the interface has other `ip pim` commands. FRR also lets a whole keyword
 * abbreviate a longer one when the rest of the line fits (`mpls ldp` in router ospf runs as
 * `mpls ldp-sync`); here a whole keyword never abbreviates another, except in openers.
 */
import type { FrrBlockKind } from './syntax';

/** A CLI node of FRR (vtysh's `enum node_type`), named after its prompt or opener. */
export type FrrNode =
  | 'config'
  | 'bgp'
  | 'bgp-ipv4' | 'bgp-ipv4m' | 'bgp-ipv4l' | 'bgp-vpnv4' | 'bgp-flowspecv4' | 'bgp-ipv4u'
  | 'bgp-ipv6' | 'bgp-ipv6m' | 'bgp-ipv6l' | 'bgp-vpnv6' | 'bgp-flowspecv6' | 'bgp-ipv6u'
  | 'bgp-evpn' | 'bgp-ls' | 'bgp-evpn-vni'
  | 'bgp-vnc-defaults' | 'bgp-vnc-nve-group' | 'bgp-vnc-l2-group' | 'bgp-vrf-policy' | 'bmp' | 'bgp-srv6'
  | 'rip' | 'ripng' | 'ospf' | 'ospf6' | 'eigrp' | 'babel' | 'isis' | 'isis-flex-algo' | 'isis-srv6'
  | 'isis-srv6-node-msd' | 'openfabric' | 'pim' | 'pim6'
  | 'interface' | 'link-params' | 'vrf' | 'rpki-vrf'
  | 'bfd' | 'bfd-peer' | 'bfd-profile'
  | 'route-map' | 'pbr-map' | 'nexthop-group' | 'keychain' | 'keychain-key' | 'vty'
  | 'ldp' | 'ldp-ipv4' | 'ldp-ipv6' | 'ldp-ipv4-iface' | 'ldp-ipv6-iface' | 'ldp-l2vpn' | 'ldp-pseudowire'
  | 'pw' | 'rpki'
  | 'segment-routing' | 'sr-te' | 'sr-segment-list' | 'sr-policy' | 'sr-candidate-dyn'
  | 'pcep' | 'pcep-pcc' | 'pcep-pce' | 'pcep-pce-config'
  | 'srv6' | 'srv6-locators' | 'srv6-locator' | 'srv6-sids' | 'srv6-encap' | 'srv6-formats' | 'srv6-format';

/** The block kind of each node (several nodes share the coarse kinds that views use). */
export function kindOfNode(node: FrrNode): FrrBlockKind {
  switch (node) {
    case 'config':
      return 'root';
    case 'bgp':
      return 'router-bgp';
    case 'bgp-evpn-vni':
      return 'vni';
    case 'bgp-vnc-defaults':
    case 'bgp-vnc-nve-group':
    case 'bgp-vnc-l2-group':
    case 'bgp-vrf-policy':
    case 'bmp':
    case 'bgp-srv6':
      return 'bgp-other';
    case 'rip':
    case 'ripng':
    case 'ospf':
    case 'ospf6':
    case 'eigrp':
    case 'babel':
    case 'isis':
    case 'openfabric':
    case 'pim':
    case 'pim6':
      return 'router-other';
    case 'interface':
    case 'link-params':
    case 'vrf':
    case 'bfd':
    case 'bfd-peer':
    case 'bfd-profile':
    case 'route-map':
      return node;
    default:
      return BGP_AF_NODES.has(node) ? 'address-family' : 'other';
  }
}

const BGP_AF_NODES: ReadonlySet<FrrNode> = new Set<FrrNode>([
  'bgp-ipv4', 'bgp-ipv4m', 'bgp-ipv4l', 'bgp-vpnv4', 'bgp-flowspecv4', 'bgp-ipv4u',
  'bgp-ipv6', 'bgp-ipv6m', 'bgp-ipv6l', 'bgp-vpnv6', 'bgp-flowspecv6', 'bgp-ipv6u',
  'bgp-evpn', 'bgp-ls',
]);

/**
 * Node-specific closers besides `exit` and `quit`, which close every node. `end` is not a closer:
 * vtysh skips `end` lines when it reads frr.conf (FRR 8.4+, commit ce2e1a0ed8).
 */
const NODE_CLOSERS: Partial<Record<FrrNode, readonly string[]>> = {
  'bgp-ipv4': ['exit-address-family'], 'bgp-ipv4m': ['exit-address-family'], 'bgp-ipv4l': ['exit-address-family'],
  'bgp-vpnv4': ['exit-address-family'], 'bgp-flowspecv4': ['exit-address-family'], 'bgp-ipv4u': ['exit-address-family'],
  'bgp-ipv6': ['exit-address-family'], 'bgp-ipv6m': ['exit-address-family'], 'bgp-ipv6l': ['exit-address-family'],
  'bgp-vpnv6': ['exit-address-family'], 'bgp-flowspecv6': ['exit-address-family'], 'bgp-ipv6u': ['exit-address-family'],
  'bgp-evpn': ['exit-address-family'], 'bgp-ls': ['exit-address-family'],
  'ldp-ipv4': ['exit-address-family'], 'ldp-ipv6': ['exit-address-family'],
  'bgp-evpn-vni': ['exit-vni'],
  vrf: ['exit-vrf'],
  'link-params': ['exit-link-params'],
  'bgp-vnc-defaults': ['exit-vnc'], 'bgp-vnc-nve-group': ['exit-vnc'], 'bgp-vnc-l2-group': ['exit-vnc'],
  'bgp-vrf-policy': ['exit-vrf-policy'],
};

/** Every node-specific closer word, for recognising a closer that no open block matches. */
export const CLOSER_WORDS: readonly string[] = [
  'exit-address-family', 'exit-link-params', 'exit-vni', 'exit-vnc', 'exit-vrf', 'exit-vrf-policy',
];

/** True when `w` (one line's words) closes a block of `node`: `exit`, `quit` or the node's own closer. */
export function closesNode(node: FrrNode, w: readonly string[]): boolean {
  if (w.length === 1) {
    const a = w[0]!;
    if (a === 'exit' || a === 'quit') return true;
    const own = NODE_CLOSERS[node];
    // `exit-address-family` may be abbreviated as long as the prefix names only one closer of the node.
    return own !== undefined && a.startsWith('exit-') && pick(a, own) !== undefined;
  }
  // In link-params, vtysh's `no enable` also leaves the node (vtysh.c no_link_params_enable).
  return node === 'link-params' && w.length === 2 && w[0] === 'no' && w[1] === 'enable';
}

/** True when `a` is one of the node-specific closer words (or a unique abbreviation of one). */
export function isCloserWord(a: string): boolean {
  return a.startsWith('exit-') && pick(a, CLOSER_WORDS) !== undefined;
}

/**
 * The child node that the line `w` opens when it runs in `node`, if any. Only the forms FRR accepts
 * open a node (e.g. `vni` takes a number, `bfd` takes no argument).
 */
export function openedNode(node: FrrNode, w: readonly string[]): FrrNode | undefined {
  const n = w.length;
  const a = w[0]!;
  // `no ...` never enters a node (and `no` is not an abbreviation of `node-msd`).
  if (a === 'no') return undefined;
  const first = (keyword: string): boolean => firstIs(node, a, keyword);
  switch (node) {
    case 'config': {
      if (first('router') && n >= 2) {
        const proto = pick(w[1]!, ROUTER_PROTOCOLS);
        const needsTag = proto === 'eigrp' || proto === 'isis' || proto === 'openfabric';
        if (proto !== undefined && (n >= 3 || !needsTag)) return proto;
      }
      if (first('interface') && (n === 2 || (n === 4 && pick(w[2]!, ['vrf'])))) return 'interface';
      if (first('vrf') && n === 2) return 'vrf';
      if (first('bfd') && n === 1) return 'bfd';
      if (first('route-map') && n === 4 && pick(w[2]!, ['permit', 'deny']) && isNumber(w[3]!)) return 'route-map';
      if (first('pbr-map') && n === 4 && pick(w[2]!, ['seq']) && isNumber(w[3]!)) return 'pbr-map';
      if (first('nexthop-group') && n === 2) return 'nexthop-group';
      if (first('key') && n === 3 && pick(w[1]!, ['chain'])) return 'keychain';
      if (first('line') && n === 2 && pick(w[1]!, ['vty'])) return 'vty';
      if (first('mpls') && n === 2 && pick(w[1]!, ['ldp', 'label', 'lsp', 'fec']) === 'ldp') return 'ldp';
      if (first('l2vpn') && n === 4 && pick(w[2]!, ['type']) && pick(w[3]!, ['vpls'])) return 'ldp-l2vpn';
      if (first('pseudowire') && n === 2) return 'pw';
      if (first('segment-routing') && n === 1) return 'segment-routing';
      if (first('rpki') && n === 1) return 'rpki';
      return undefined;
    }
    case 'bgp': {
      const af = first('address-family') ? bgpAddressFamily(w) : undefined;
      if (af) return af;
      if (first('vnc') && n >= 2) {
        const sub = pick(w[1]!, ['defaults', 'nve-group', 'l2-group', 'export', 'redistribute', 'advertise-un-method']);
        if (sub === 'defaults' && n === 2) return 'bgp-vnc-defaults';
        if (sub === 'nve-group' && n === 3) return 'bgp-vnc-nve-group';
        if (sub === 'l2-group' && n === 3) return 'bgp-vnc-l2-group';
      }
      if (first('vrf-policy') && n === 2) return 'bgp-vrf-policy';
      if (first('bmp') && n === 3 && pick(w[1]!, ['targets', 'mirror']) === 'targets') return 'bmp';
      if (first('segment-routing') && n === 2 && pick(w[1]!, ['srv6'])) return 'bgp-srv6';
      return undefined;
    }
    case 'bgp-evpn':
      return first('vni') && n === 2 && isNumber(w[1]!) ? 'bgp-evpn-vni' : undefined;
    case 'interface':
      return first('link-params') && n === 1 ? 'link-params' : undefined;
    case 'vrf':
      return first('rpki') && n === 1 ? 'rpki-vrf' : undefined;
    case 'bfd':
      if (first('peer') && n >= 2 && /^[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*$/.test(w[1]!)) return 'bfd-peer';
      if (first('profile') && n === 2) return 'bfd-profile';
      return undefined;
    case 'keychain':
      return first('key') && n === 2 && isNumber(w[1]!) ? 'keychain-key' : undefined;
    case 'ldp': {
      if (!first('address-family') || n !== 2) return undefined;
      const af = pick(w[1]!, ['ipv4', 'ipv6']);
      return af === 'ipv4' ? 'ldp-ipv4' : af === 'ipv6' ? 'ldp-ipv6' : undefined;
    }
    case 'ldp-ipv4':
    case 'ldp-ipv6':
      return first('interface') && n === 2 ? (node === 'ldp-ipv4' ? 'ldp-ipv4-iface' : 'ldp-ipv6-iface') : undefined;
    case 'ldp-l2vpn':
      return first('member') && n === 3 && pick(w[1]!, ['pseudowire', 'interface']) === 'pseudowire' ? 'ldp-pseudowire' : undefined;
    case 'segment-routing':
      if (n !== 1) return undefined;
      if (first('traffic-eng')) return 'sr-te';
      if (first('srv6')) return 'srv6';
      return undefined;
    case 'sr-te':
      if (first('segment-list') && n === 2) return 'sr-segment-list';
      if (first('policy') && n === 5 && pick(w[1]!, ['color']) && pick(w[3]!, ['endpoint'])) return 'sr-policy';
      if (first('pcep') && n === 1) return 'pcep';
      return undefined;
    case 'sr-policy':
      // `candidate-path ... dynamic` opens a node; the `explicit` form is a plain command.
      return first('candidate-path') && n >= 2 && pick(w[n - 1]!, ['dynamic', 'explicit']) === 'dynamic'
        ? 'sr-candidate-dyn'
        : undefined;
    case 'pcep':
      if (first('pcc') && n === 1) return 'pcep-pcc';
      if (a === 'pce' && n === 2) return 'pcep-pce';
      if (first('pce-config') && n === 2) return 'pcep-pce-config';
      return undefined;
    case 'srv6':
      if (n !== 1) return undefined;
      if (first('locators')) return 'srv6-locators';
      if (first('static-sids')) return 'srv6-sids';
      if (first('encapsulation')) return 'srv6-encap';
      if (first('formats')) return 'srv6-formats';
      return undefined;
    case 'srv6-locators':
      return first('locator') && n === 2 ? 'srv6-locator' : undefined;
    case 'srv6-formats':
      return first('format') && n === 2 ? 'srv6-format' : undefined;
    case 'isis':
      if (first('flex-algo') && n === 2 && isNumber(w[1]!)) return 'isis-flex-algo';
      if (first('segment-routing') && n === 2 && pick(w[1]!, ['srv6', 'on', 'global-block', 'node-msd', 'prefix']) === 'srv6') {
        return 'isis-srv6';
      }
      return undefined;
    case 'isis-srv6':
      return first('node-msd') && n === 1 ? 'isis-srv6-node-msd' : undefined;
    default:
      return undefined;
  }
}

function isNumber(a: string): boolean {
  return /^\d+$/.test(a);
}

const ROUTER_PROTOCOLS: readonly FrrNode[] = [
  'bgp', 'rip', 'ripng', 'ospf', 'ospf6', 'eigrp', 'babel', 'isis', 'openfabric', 'pim', 'pim6',
];

/** `address-family AFI [SAFI]` in router bgp, as vtysh.c defines the address-family nodes. */
function bgpAddressFamily(w: readonly string[]): FrrNode | undefined {
  const n = w.length;
  if (n < 2 || n > 3) return undefined;
  const afi = pick(w[1]!, ['ipv4', 'ipv6', 'vpnv4', 'vpnv6', 'l2vpn', 'link-state']);
  const safiWord = w[2];
  switch (afi) {
    case 'ipv4':
    case 'ipv6': {
      const safi = safiWord === undefined
        ? 'unicast'
        : pick(safiWord, ['unicast', 'multicast', 'vpn', 'labeled-unicast', 'flowspec', 'unreachability']);
      const v = afi === 'ipv4' ? '4' : '6';
      switch (safi) {
        case 'unicast':
          return `bgp-ipv${v}`;
        case 'multicast':
          return `bgp-ipv${v}m`;
        case 'labeled-unicast':
          return `bgp-ipv${v}l`;
        case 'vpn':
          return `bgp-vpnv${v}`;
        case 'flowspec':
          return `bgp-flowspecv${v}`;
        case 'unreachability':
          return `bgp-ipv${v}u`;
        default:
          return undefined;
      }
    }
    case 'vpnv4':
    case 'vpnv6':
      if (safiWord !== undefined && pick(safiWord, ['unicast']) === undefined) return undefined;
      return afi === 'vpnv4' ? 'bgp-vpnv4' : 'bgp-vpnv6';
    case 'l2vpn':
      return safiWord !== undefined && pick(safiWord, ['evpn']) ? 'bgp-evpn' : undefined;
    case 'link-state':
      return safiWord === undefined || pick(safiWord, ['link-state']) ? 'bgp-ls' : undefined;
    default:
      return undefined;
  }
}

/**
 * True when some command of `node` starts like `w`: its first word (after an optional `no`) names a
 * command keyword of the node, and, for keywords shared with an outer node, its second word names one
 * of the node's second keywords. Abbreviated keywords count, as FRR accepts them.
 */
export function nodeAccepts(node: FrrNode, w: readonly string[]): boolean {
  const words = w[0] === 'no' && w.length > 1 ? w.slice(1) : w;
  const table = tableOf(node);
  const a = words[0]!;
  const third = table.third.get(a);
  if (third !== undefined && words.length >= 3) return acceptsSecond(third, words[2]);
  const exact = table.second.get(a);
  if (exact !== undefined) return acceptsSecond(exact, words[1]);
  if (table.words.has(a)) return true;
  // An abbreviation: a word that is no keyword itself and starts some keyword of the node.
  if (isKeyword(a)) return false;
  for (const k of prefixed(table.sorted, a)) {
    const second = table.second.get(k);
    if (second === undefined || acceptsSecond(second, words[1])) return true;
  }
  return false;
}

function acceptsSecond(second: readonly string[], b: string | undefined): boolean {
  if (b === undefined) return second.includes('-');
  if (second.includes(b)) return true;
  if (isKeyword(b)) return false;
  for (const s of second) if (s !== '-' && s.startsWith(b)) return true;
  return false;
}

/**
 * True when `a` is a keyword of some node. A whole keyword is never read as an abbreviation of a
 * longer one (`router` is not short for `router-id`, `ip` not for `ipv6`): FRR would try the longer
 * keyword too, but the rest of such a line does not fit the longer command.
 */
function isKeyword(a: string): boolean {
  if (KEYWORDS.size === 0) {
    for (const node of Object.keys(NODE_COMMANDS) as FrrNode[]) {
      const t = tableOf(node);
      for (const k of t.words) KEYWORDS.add(k);
      for (const list of t.second.values()) for (const k of list) KEYWORDS.add(k);
      for (const list of t.third.values()) for (const k of list) KEYWORDS.add(k);
    }
  }
  return KEYWORDS.has(a);
}

const KEYWORDS = new Set<string>();

/** The keyword `a` stands for among `options`: an exact match, or the only option it abbreviates. */
export function pick<T extends string>(a: string, options: readonly T[]): T | undefined {
  let found: T | undefined;
  for (const o of options) {
    if (o === a) return o;
    if (a.length > 0 && o.startsWith(a)) {
      if (found !== undefined) return undefined;
      found = o;
    }
  }
  return found;
}

/**
 * True when `a` is `keyword` or an abbreviation of it. An abbreviation counts unless `a` is itself a
 * command word of `node` (an exact match wins in FRR); which of several commands it abbreviates is
 * settled, as in FRR, by the rest of the line, which each opener checks.
 */
function firstIs(node: FrrNode, a: string, keyword: string): boolean {
  if (a === keyword) return true;
  if (a.length === 0 || !keyword.startsWith(a)) return false;
  return !tableOf(node).words.has(a);
}

/** The words of `sorted` that start with `prefix`, found by binary search. */
function* prefixed(sorted: readonly string[], prefix: string): Generator<string> {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) yield sorted[i]!;
}

interface NodeTable {
  /** First words of the node's commands (and of most lines that open its child nodes). */
  readonly words: ReadonlySet<string>;
  /** `words`, sorted, to resolve abbreviations. */
  readonly sorted: readonly string[];
  /** For first words shared with the top level: the second words the node accepts ('-' = none). */
  readonly second: ReadonlyMap<string, readonly string[]>;
  /** For some first words: the third words the node accepts (see NodeCommands.third). */
  readonly third: ReadonlyMap<string, readonly string[]>;
}

const TABLES = new Map<FrrNode, NodeTable>();

function tableOf(node: FrrNode): NodeTable {
  let t = TABLES.get(node);
  if (t === undefined) {
    const spec = NODE_COMMANDS[node];
    const words = new Set(spec.words.split(' ').filter((x) => x !== ''));
    const second = new Map<string, readonly string[]>();
    for (const [k, v] of Object.entries(spec.second ?? {})) second.set(k, v.split(' '));
    const third = new Map<string, readonly string[]>();
    for (const [k, v] of Object.entries(spec.third ?? {})) third.set(k, v.split(' '));
    t = { words, sorted: [...words].sort(), second, third };
    TABLES.set(node, t);
  }
  return t;
}

interface NodeCommands {
  /** First words of the node's commands. */
  readonly words: string;
  /** For first words that the top level also has: the second words the node accepts ('-' = none). */
  readonly second?: Readonly<Record<string, string>>;
  /**
   * For first words whose commands differ only from the third word on: the third words the node
   * accepts. Address families list their `neighbor PEER <command>` words here; other neighbor
   * commands (`remote-as`, `timers`, ...) walk up to `router bgp`.
   */
  readonly third?: Readonly<Record<string, string>>;
}

const NODE_COMMANDS: Record<FrrNode, NodeCommands> = {
  'config': {
    words:
      'access-list affinity-map agentx allow-external-route-update allow-reserved-ranges banner bfd bgp clear ' +
      'debug domainname dump enable evpn exec-timeout fpm frr hostname interface ip ipv6 key l2vpn line log ' +
      'mac mpls nexthop-group nhrp password pbr pbr-map pseudowire ptm-enable route-map router router-id rpki ' +
      'segment-routing service username vni vrf vrrp zebra',
    second: {
      'agentx': '-',
      'allow-external-route-update': '-',
      'allow-reserved-ranges': '-',
      'banner': 'motd',
      'bfd': '-',
      'bgp':
        'advertisement-delay as-path community community-list extcommunity-list graceful-restart ' +
        'graceful-restart-disable graceful-shutdown input-queue-limit ipv6-auto-ra large-community-list ' +
        'local-mac no-rib output-queue-limit route-map send-extra-data session-dscp snmp suppress-fib-pending ' +
        'update-delay',
      'clear': 'log',
      'debug':
        '- all babel bfd bgp eigrp igmp isis memstats-at-exit mgmt mld mpls mroute mroute6 msdp mtrace nhrp ' +
        'northbound openfabric ospf ospf6 pathd pbr pim pimv6 resolver rip ripng route-map rpki ' +
        'spf-delay-ietf ssmpingd static unique-id vrf vrrp zebra',
      'dump': 'bgp',
      'enable': 'password',
      'evpn': 'accept-bgp-seq mh',
      'fpm': 'address connection use-next-hop-groups use-route-replace',
      'frr': 'defaults version',
      'ip':
        'as-path community-list extcommunity-list forwarding igmp import-table large-community-list mroute ' +
        'msdp multicast nht pim prefix-list protocol route router-id ssmpingd table',
      'ipv6': 'access-list forwarding import-table mld nht pim prefix-list protocol route router-id ssmpingd',
      'key': 'chain',
      'line': 'vty',
      'log':
        'commands daemon error-category extended-syslog facility file filter-text filtered-file ' +
        'immediate-mode monitor record-priority record-severity stdout syslog timestamp unique-id',
      'mac': 'access-list',
      'mpls': 'fec label ldp lsp',
      'nhrp': 'event multicast-nflog-group nflog-group',
      'pbr': 'nexthop-resolve table',
      'ptm-enable': '-',
      'router': 'babel bgp eigrp isis openfabric ospf ospf6 pim pim6 rip ripng',
      'rpki': '-',
      'segment-routing': '-',
      'service':
        'advanced-vty cputime-stats cputime-warning integrated-vtysh-config password-encryption ' +
        'terminal-length walltime-warning',
      'vrrp': 'autoconfigure default',
      'zebra': 'dplane kernel nexthop nexthop-group on-rib-process protodown route-map work-queue zapi-packets',
    },
  },
  'bgp': {
    words:
      'address-family advertisement-delay aggregate-address auto-summary bgp bmp coalesce-time distance ' +
      'maximum-paths neighbor network rd read-quanta redistribute rfp segment-routing sid synchronization ' +
      'table-map timers update-delay use-underlays-nexthop-weight vnc vrf-policy write-quanta',
    second: {
      'bgp':
        'allow-martian-nexthop always-compare-med bestpath client-to-client cluster-id ' +
        'conditional-advertisement confederation dampening default default-originate deterministic-med ' +
        'disable-ebgp-connected-route-check ebgp-requires-policy enforce-first-as fast-convergence ' +
        'fast-external-failover graceful-restart graceful-restart-disable graceful-shutdown ' +
        'hard-administrative-reset ipv6-auto-ra labeled-unicast listen log-neighbor-changes ' +
        'long-lived-graceful-restart max-med minimum-holdtime network reject-as-sets route-map ' +
        'route-reflector router-id shutdown suppress-duplicates suppress-fib-pending tcp-keepalive',
      'segment-routing': 'srv6',
    },
  },
  'bgp-ipv4': {
    words:
      'aggregate-address bgp distance export import label maximum-paths neighbor network nexthop rd ' +
      'redistribute route-map route-target route-target6 rt rt6 sid table-map upa',
    second: {
      'bgp': 'dampening',
      'route-map': 'vpn',
    },
    third: {
      neighbor:
        'activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged capability ' +
        'dampening default-originate disable-addpath-rx distribute-list encapsulation-srv6 ' +
        'encapsulation-srv6-relax filter-list maximum-prefix maximum-prefix-out next-hop-self peer-group ' +
        'prefix-list remove-private-AS route-map route-reflector-client route-server-client ' +
        'send-community soft-reconfiguration soo unsuppress-map upa weight',
    },
  },
  'bgp-ipv4m': {
    words: 'aggregate-address bgp distance neighbor network table-map',
    second: {
      'bgp': 'dampening',
    },
    third: {
      neighbor:
        'activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged capability ' +
        'dampening default-originate disable-addpath-rx distribute-list filter-list maximum-prefix ' +
        'maximum-prefix-out next-hop-self peer-group prefix-list remove-private-AS route-map ' +
        'route-reflector-client route-server-client send-community soft-reconfiguration soo ' +
        'unsuppress-map upa weight',
    },
  },
  'bgp-ipv4l': {
    words: 'aggregate-address bgp maximum-paths neighbor network',
    second: {
      'bgp': 'dampening',
    },
    third: {
      neighbor:
        'activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged capability ' +
        'dampening default-originate disable-addpath-rx distribute-list filter-list maximum-prefix ' +
        'maximum-prefix-out next-hop-self prefix-list remove-private-AS route-map route-reflector-client ' +
        'route-server-client send-community soft-reconfiguration soo unsuppress-map upa weight',
    },
  },
  'bgp-vpnv4': {
    words: 'bgp neighbor network',
    second: {
      'bgp': 'retain',
    },
    third: {
      neighbor:
        'accept-own activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged ' +
        'disable-addpath-rx distribute-list encapsulation-mpls encapsulation-srv6 filter-list ' +
        'maximum-prefix maximum-prefix-out next-hop-self peer-group prefix-list remove-private-AS ' +
        'route-map route-reflector-client route-server-client send-community soft-reconfiguration soo ' +
        'unsuppress-map weight',
    },
  },
  'bgp-flowspecv4': {
    words: 'local-install neighbor',
    third: {
      neighbor:
        'activate attribute-unchanged filter-list peer-group prefix-list route-map route-reflector-client ' +
        'route-server-client soft-reconfiguration',
    },
  },
  'bgp-ipv4u': {
    words: 'neighbor',
    third: {
      neighbor: 'activate allowas-in maximum-prefix maximum-prefix-out route-map',
    },
  },
  'bgp-ipv6': {
    words:
      'aggregate-address bgp distance export import label maximum-paths neighbor network nexthop rd ' +
      'redistribute route-map route-target route-target6 rt rt6 sid table-map upa',
    second: {
      'bgp': 'dampening',
      'route-map': 'vpn',
    },
    third: {
      neighbor:
        'activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged capability ' +
        'dampening default-originate disable-addpath-rx distribute-list encapsulation-srv6 ' +
        'encapsulation-srv6-relax filter-list maximum-prefix maximum-prefix-out next-hop-self ' +
        'nexthop-local peer-group prefix-list remove-private-AS route-map route-reflector-client ' +
        'route-server-client send-community soft-reconfiguration soo unsuppress-map upa weight',
    },
  },
  'bgp-ipv6m': {
    words: 'bgp distance neighbor network nexthop',
    second: {
      'bgp': 'dampening',
    },
    third: {
      neighbor:
        'activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged capability ' +
        'dampening default-originate disable-addpath-rx distribute-list filter-list maximum-prefix ' +
        'maximum-prefix-out next-hop-self peer-group prefix-list remove-private-AS route-map ' +
        'route-reflector-client route-server-client send-community soft-reconfiguration soo ' +
        'unsuppress-map upa weight',
    },
  },
  'bgp-ipv6l': {
    words: 'aggregate-address bgp maximum-paths neighbor network nexthop',
    second: {
      'bgp': 'dampening',
    },
    third: {
      neighbor:
        'activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged capability ' +
        'dampening default-originate disable-addpath-rx distribute-list filter-list maximum-prefix ' +
        'maximum-prefix-out next-hop-self peer-group prefix-list remove-private-AS route-map ' +
        'route-reflector-client route-server-client send-community soft-reconfiguration soo ' +
        'unsuppress-map upa weight',
    },
  },
  'bgp-vpnv6': {
    words: 'bgp neighbor network',
    second: {
      'bgp': 'retain',
    },
    third: {
      neighbor:
        'accept-own activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS advertise-map allowas-in as-override attribute-unchanged ' +
        'disable-addpath-rx distribute-list encapsulation-mpls encapsulation-srv6 filter-list ' +
        'maximum-prefix maximum-prefix-out next-hop-self peer-group prefix-list remove-private-AS ' +
        'route-map route-reflector-client route-server-client send-community soft-reconfiguration soo ' +
        'unsuppress-map weight',
    },
  },
  'bgp-flowspecv6': {
    words: 'local-install neighbor',
    third: {
      neighbor:
        'activate attribute-unchanged filter-list peer-group prefix-list route-map route-reflector-client ' +
        'route-server-client soft-reconfiguration',
    },
  },
  'bgp-ipv6u': {
    words: 'neighbor',
    third: {
      neighbor: 'activate allowas-in maximum-prefix maximum-prefix-out route-map',
    },
  },
  'bgp-evpn': {
    words:
      'advertise advertise-all-vni advertise-default-gw advertise-pip advertise-svi-ip auto-route-target ' +
      'autort default-originate disable-ead-evi-rx disable-ead-evi-tx dup-addr-detection ead-es-frag ' +
      'ead-es-route-target enable-resolve-overlay-index flooding mac-vrf neighbor network rd route-target ' +
      'test use-es-l3nhg vni',
    third: {
      neighbor:
        'activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected ' +
        'addpath-tx-bestpath-per-AS allowas-in attribute-unchanged disable-addpath-rx maximum-prefix ' +
        'next-hop-self route-map route-reflector-client route-server-client soft-reconfiguration soo',
    },
  },
  'bgp-ls': {
    words: 'distribute neighbor',
    third: {
      neighbor: 'activate route-map',
    },
  },
  'bgp-evpn-vni': {
    words: 'advertise-default-gw advertise-subnet advertise-svi-ip auto-route-target flooding rd route-target',
  },
  'bgp-vnc-defaults': {
    words: 'l2rd rd response-lifetime rt',
  },
  'bgp-vnc-nve-group': {
    words: 'export l2rd prefix rd redistribute response-lifetime rt',
  },
  'bgp-vnc-l2-group': {
    words: 'labels logical-network-id rt',
  },
  'bgp-vrf-policy': {
    words: 'export label nexthop rd rt',
  },
  'bmp': {
    words: 'bmp ip ipv6',
    second: {
      'ip': 'access-list',
      'ipv6': 'access-list',
    },
  },
  'bgp-srv6': {
    words: 'encap-behavior locator srv6-only',
  },
  'rip': {
    words:
      'allow-ecmp bfd default-information default-metric distance distribute-list log-neighbor-changes ' +
      'neighbor network offset-list passive-interface redistribute route route-map timers version',
    second: {
      'bfd': 'default-profile',
    },
    // route-map RMAP <in|out> IFNAME; `route-map RM permit 10` walks up and opens a route-map.
    third: {
      'route-map': 'in out',
    },
  },
  'ripng': {
    words:
      'aggregate-address allow-ecmp default-information default-metric ipv6 network offset-list ' +
      'passive-interface redistribute route route-map timers',
    second: {
      'ipv6': 'distribute-list',
    },
    third: {
      'route-map': 'in out',
    },
  },
  'ospf': {
    words:
      'aggregation area auto-cost capability compatible default-information default-metric distance ' +
      'distribute-list fast-reroute flood-reduction forwarding-address-self graceful-restart ' +
      'log-adjacency-changes max-metric maximum-paths mpls mpls-te neighbor network ospf passive-interface ' +
      'pce proactive-arp redistribute refresh router-id router-info segment-routing shutdown ' +
      'socket-per-interface summary-address timers write-multiplier',
    second: {
      'mpls': 'ldp-sync',
      'segment-routing': '- global-block node-msd on prefix',
    },
  },
  'ospf6': {
    words:
      'aggregation area auto-cost default-information distance graceful-restart log-adjacency-changes ' +
      'maximum-paths ospf6 redistribute shutdown stub-router summary-address timers write-multiplier',
  },
  'eigrp': {
    words:
      'distribute-list eigrp maximum-paths metric neighbor network passive-interface redistribute timers ' +
      'variance',
  },
  'babel': {
    words: 'babel distribute-list ipv6 network redistribute',
    second: {
      'ipv6': 'distribute-list',
    },
  },
  'isis': {
    words:
      'admin-group-send-zero advertise-high-metrics advertise-passive-only area-password asla-legacy-flag ' +
      'attached-bit default-information distribute domain-password fast-reroute flex-algo hostname is-type ' +
      'log-adjacency-changes log-pdu-drops lsp-gen-interval lsp-mtu lsp-refresh-interval lsp-timers ' +
      'max-lsp-lifetime metric-style mpls mpls-te net purge-originator redistribute segment-routing ' +
      'set-overload-bit spf spf-delay-ietf spf-interval topology',
    second: {
      'hostname': 'dynamic',
      'mpls': 'ldp-sync',
      'segment-routing': '- global-block node-msd on prefix srv6',
    },
  },
  'isis-flex-algo': {
    words: 'advertise-definition affinity dataplane metric-type prefix-metric priority',
  },
  'isis-srv6': {
    words: 'interface locator node-msd',
  },
  'isis-srv6-node-msd': {
    words: 'max-end-d max-end-pop max-h-encaps max-segs-left',
  },
  'openfabric': {
    words:
      'default-information domain-password fabric-tier log-adjacency-changes lsp-gen-interval lsp-mtu ' +
      'lsp-refresh-interval max-lsp-lifetime net purge-originator redistribute set-overload-bit ' +
      'spf-delay-ietf spf-interval topology triggered-csnp-delay',
  },
  'pim': {
    words:
      'autorp bsr dm ecmp join-filter join-prune-interval keep-alive-timer mlag msdp packets ' +
      'register-accept-list register-suppress-time rp send-v6-secondary shutdown spt-switchover ssm ssmpingd',
  },
  'pim6': {
    words:
      'bsr embedded-rp join-filter join-prune-interval keep-alive-timer packets register-suppress-time rp ' +
      'spt-switchover ssm ssmpingd',
  },
  'interface': {
    words:
      'babel bandwidth debug delay description eigrp evpn ip ipv6 isis link-detect link-params mpls multicast ' +
      'openfabric ospf pbr-policy ptm-enable shutdown tunnel vrrp',
    second: {
      'debug': 'ipv6',
      'evpn': 'mh',
      'ip':
        'address authentication hello-interval hold-time igmp irdp mroute multicast nhrp ospf pim rip router ' +
        'summary-address',
      'ipv6': 'address mld mroute multicast nd nhrp ospf6 pim ripng router',
      'mpls': 'bgp disable enable',
      'ptm-enable': '-',
    },
  },
  'link-params': {
    words:
      'admin-grp affinity affinity-mode ava-bw delay delay-variation enable max-bw max-rsv-bw metric neighbor ' +
      'packet-loss res-bw srlg unrsv-bw use-bw',
    second: {
      'enable': '-',
    },
  },
  'vrf': {
    words: 'ip ipv6 mpls netns router-id rpki vni',
    second: {
      'ip': 'igmp msdp nht pim protocol route router-id ssmpingd table',
      'ipv6': 'mld nht pim protocol route router-id ssmpingd',
      'mpls': 'fec',
      'rpki': '-',
    },
  },
  'rpki-vrf': {
    words: 'rpki',
    second: {
      'rpki': 'cache expire_interval polling_period reset retry_interval',
    },
  },
  'bfd': {
    words: 'peer profile sbfd',
  },
  'bfd-peer': {
    words:
      'authentication detect-multiplier echo-interval echo-mode log-session-changes minimum-ttl passive-mode ' +
      'profile receive-interval shutdown transmit-interval',
  },
  'bfd-profile': {
    words:
      'authentication detect-multiplier echo-interval echo-mode log-session-changes minimum-ttl passive-mode ' +
      'receive-interval shutdown transmit-interval',
  },
  'route-map': {
    words: 'call continue description match on-match set',
  },
  'pbr-map': {
    words: 'match set strip',
  },
  'nexthop-group': {
    words: 'backup-group nexthop resilient',
  },
  // `key chain NAME` is left out of both key-chain nodes: inside a key chain it starts a new one (vtysh
  // installs it there too), and `key N` is the opener of a key.
  'keychain': {
    words: '',
  },
  'keychain-key': {
    words: 'accept-lifetime cryptographic-algorithm key-string send-lifetime',
  },
  'vty': {
    words: 'access-class exec-timeout ipv6 login',
    second: {
      'ipv6': 'access-class',
    },
  },
  'ldp': {
    words: 'address-family discovery dual-stack install neighbor ordered-control router-id wait-for-sync',
  },
  'ldp-ipv4': {
    words: 'discovery interface label neighbor session ttl-security',
  },
  'ldp-ipv6': {
    words: 'discovery interface label neighbor session ttl-security',
  },
  'ldp-ipv4-iface': {
    words: 'disable-establish-hello discovery',
  },
  'ldp-ipv6-iface': {
    words: 'disable-establish-hello discovery',
  },
  'ldp-l2vpn': {
    words: 'bridge member mtu vc',
  },
  'ldp-pseudowire': {
    words: 'control-word neighbor pw-id pw-status',
  },
  'pw': {
    words: 'control-word mpls neighbor',
    second: {
      'mpls': 'label',
    },
  },
  'rpki': {
    words: 'rpki',
    second: {
      'rpki': 'cache expire_interval polling_period reset retry_interval',
    },
  },
  'segment-routing': {
    words: 'srv6 traffic-eng',
  },
  'sr-te': {
    words: 'mpls-te pcep policy segment-list',
  },
  'sr-segment-list': {
    words: 'index',
  },
  'sr-policy': {
    words: 'binding-sid candidate-path name',
  },
  'sr-candidate-dyn': {
    words: 'affinity bandwidth metric objective-function',
  },
  'pcep': {
    words: 'pcc pce pce-config',
  },
  'pcep-pcc': {
    words: 'msd peer',
  },
  'pcep-pce': {
    words: 'address config pce-initiated source-address sr-draft07 tcp-md5-auth timer',
  },
  'pcep-pce-config': {
    words: 'pce-initiated source-address sr-draft07 tcp-md5-auth timer',
  },
  'srv6': {
    words: 'encapsulation formats locators static-sids',
  },
  'srv6-locators': {
    words: 'locator',
  },
  'srv6-locator': {
    words: 'behavior flavor format',
  },
  'srv6-sids': {
    words: 'sid',
  },
  'srv6-encap': {
    words: 'source-address',
  },
  'srv6-formats': {
    words: 'format',
  },
  'srv6-format': {
    words: 'local-id-block wide-local-id-block',
  },
};
