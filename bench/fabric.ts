/**
 * A deterministic synthetic fabric for the benchmarks: spine and leaf routers (frr.conf) and the
 * MetalLB / frr-k8s objects of the Kubernetes nodes behind the leaves (YAML), with addresses that pair.
 *
 * Everything comes from a seeded PRNG (mulberry32), so two runs with the same seed produce the same
 * bytes. No Math.random, no clock, no IO.
 *
 * Layout (defaults): 40 spines (AS 65000) and 160 leaves (AS 65100 + l); `leaves` scales it (spines =
 * leaves / 4). Each leaf has 16 spine uplinks (/31 links, eBGP) and 48 server-facing neighbors (its
 * rack's Kubernetes nodes, 10.2.l.10-57, peer-group K8S), so every router has 64 neighbors. The first
 * half of the leaves are MetalLB racks with one BGPPeer per node, the next quarter MetalLB racks with
 * one BGPPeer per pair of nodes (5% of MetalLB racks also carry a conflicting rack-wide BGPPeer), the
 * last quarter frr-k8s racks with one FRRConfiguration per four nodes (three neighbors each: the leaf
 * and two route servers outside the fabric) plus one raw-config FRRConfiguration per rack. Nodes come
 * as `kind: List` documents (one plain document per node in every 16th rack); BFD profiles, address
 * pools and advertisements are shared files. About 10% of the BGPPeers are v1beta1, and a few percent
 * of routers and peers carry GR, timer and BFD settings that rules report.
 */

export interface BenchFile {
  readonly uri: string;
  readonly text: string;
}

export interface Fabric {
  readonly routers: readonly BenchFile[];
  readonly yaml: readonly BenchFile[];
  /** YAML documents (`---` separated) across all YAML files. */
  readonly yamlDocs: number;
  /** Kubernetes objects (List items counted one by one). */
  readonly k8sObjects: number;
  readonly kinds: Readonly<Record<string, number>>;
}

export interface FabricOptions {
  readonly seed?: number;
  readonly spines?: number;
  readonly leaves?: number;
  /** Root of the file uris (a directory path or a `file:///` URI without a trailing slash). */
  readonly root?: string;
}

/** mulberry32: a small, fast, seeded 32-bit PRNG. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPLINKS = 16;
const NODES_PER_LEAF = 48;
const SPINE_ASN = 65000;
const CLUSTER_ASN = 64512;
const leafAsn = (l: number): number => 65100 + l;
const FRR_VERSIONS = ['10.2.1', '10.2.1', '10.2.1', '10.1.2', '9.1.3', '8.4.4'];

/** Link k (leaf l, uplink j) addresses: spine side even, leaf side odd, in 10.1.0.0/16. */
function linkAddr(k: number, side: 'spine' | 'leaf'): string {
  return `10.1.${k >> 7}.${2 * (k & 127) + (side === 'leaf' ? 1 : 0)}`;
}
const nodeName = (l: number, i: number): string => `rack${pad(l)}-node${pad(i)}`;
const nodeAddr = (l: number, i: number): string => `10.2.${l}.${10 + i}`;
const leafServerAddr = (l: number): string => `10.2.${l}.1`;
const pad = (n: number): string => String(n).padStart(3, '0');

export function generateFabric(opts: FabricOptions = {}): Fabric {
  const rnd = prng(opts.seed ?? 20240601);
  const leaves = opts.leaves ?? 160;
  const spines = opts.spines ?? Math.max(1, Math.round(leaves / 4));
  const root = opts.root ?? '/bench';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;

  // Spine s's leaves: leaf l uplinks to spines (l*16 + j) mod spines, j < 16.
  const spineLinks: { leaf: number; k: number }[][] = Array.from({ length: spines }, () => []);
  for (let l = 0; l < leaves; l++) {
    for (let j = 0; j < UPLINKS; j++) spineLinks[(l * UPLINKS + j) % spines]!.push({ leaf: l, k: l * UPLINKS + j });
  }

  const routers: BenchFile[] = [];
  for (let s = 0; s < spines; s++) routers.push({ uri: `${root}/routers/spine${pad(s)}/frr.conf`, text: spineConf(s, spineLinks[s]!, pick, chance) });
  for (let l = 0; l < leaves; l++) routers.push({ uri: `${root}/routers/leaf${pad(l)}/frr.conf`, text: leafConf(l, spines, pick, chance) });

  const yaml: BenchFile[] = [];
  const kinds: Record<string, number> = {};
  let yamlDocs = 0;
  const count = (kind: string, n = 1): void => {
    kinds[kind] = (kinds[kind] ?? 0) + n;
  };
  const push = (uri: string, docs: readonly string[]): void => {
    yaml.push({ uri, text: docs.join('---\n') });
    yamlDocs += docs.length;
  };

  for (let l = 0; l < leaves; l++) {
    const rack = `rack${pad(l)}`;
    // Nodes: kubectl get nodes -o yaml (a List) for most racks, one document per node for every 16th.
    const nodes = Array.from({ length: NODES_PER_LEAF }, (_, i) => nodeDoc(l, i));
    count('Node', nodes.length);
    if (l % 16 === 0) push(`${root}/cluster/${rack}/nodes.yaml`, nodes.map((n) => `apiVersion: v1\nkind: Node\n${n}`));
    else push(`${root}/cluster/${rack}/nodes.yaml`, [`apiVersion: v1\nkind: List\nitems:\n${nodes.map((n) => indentItem(`apiVersion: v1\nkind: Node\n${n}`)).join('')}`]);

    const docs: string[] = [];
    if (l < leaves * 0.75) {
      const perPeer = l < leaves / 2 ? 1 : 2;
      for (let i = 0; i < NODES_PER_LEAF; i += perPeer) {
        const names = Array.from({ length: perPeer }, (_, j) => nodeName(l, i + j));
        const v1beta1 = chance(0.1);
        docs.push(bgpPeerDoc(l, i, names, v1beta1, pick, chance));
        count(v1beta1 ? 'BGPPeer v1beta1' : 'BGPPeer v1beta2');
      }
      // A misconfiguration MetalLB rejects (MLB407) in some racks: a rack-wide peer with a router ID
      // that repeats the per-node peers' address.
      if (chance(0.05)) {
        docs.push(rackPeerDoc(l));
        count('BGPPeer v1beta2');
      }
    } else {
      for (let i = 0; i < NODES_PER_LEAF; i += 4) {
        docs.push(frrConfigurationDoc(l, i, pick, chance));
        count('FRRConfiguration');
      }
      docs.push(rawConfigDoc(l, chance));
      count('FRRConfiguration (raw)');
    }
    push(`${root}/cluster/${rack}/peers.yaml`, docs);
  }

  // Shared objects: BFD profiles, and one pool + advertisement per rack, grouped ten racks a file.
  push(`${root}/cluster/bfdprofiles.yaml`, [bfdProfileDoc('k8s', 300, 3), bfdProfileDoc('slow', 1000, 5), bfdProfileDoc('echo', 50, 3, true)]);
  count('BFDProfile', 3);
  for (let g = 0; g * 10 < leaves; g++) {
    const docs: string[] = [];
    for (let l = g * 10; l < Math.min(leaves, g * 10 + 10); l++) {
      docs.push(poolDoc(l), advertisementDoc(l, chance));
      count('IPAddressPool');
      count('BGPAdvertisement');
    }
    push(`${root}/cluster/pools/group${pad(g)}.yaml`, docs);
  }

  let k8sObjects = 0;
  for (const v of Object.values(kinds)) k8sObjects += v;
  return { routers, yaml, yamlDocs, k8sObjects, kinds };
}

function indentItem(doc: string): string {
  const lines = doc.replace(/\n$/, '').split('\n');
  return lines.map((x, i) => (i === 0 ? `- ${x}` : `  ${x}`)).join('\n') + '\n';
}

function header(hostname: string, version: string): string {
  return [
    `frr version ${version}`,
    'frr defaults datacenter',
    `hostname ${hostname}`,
    'log syslog informational',
    'service integrated-vtysh-config',
    '!',
  ].join('\n') + '\n';
}

function grBlock(chance: (p: number) => boolean): string[] {
  const out = [' bgp graceful-restart', ' bgp graceful-restart preserve-fw-state'];
  out.push(` bgp graceful-restart restart-time ${chance(0.1) ? 240 : 120}`);
  out.push(` bgp graceful-restart stalepath-time ${chance(0.1) ? 60 : 360}`);
  if (chance(0.2)) out.push(' bgp graceful-restart select-defer-time 300');
  return out;
}

function spineConf(
  s: number,
  links: readonly { leaf: number; k: number }[],
  pick: <T>(xs: readonly T[]) => T,
  chance: (p: number) => boolean,
): string {
  const out: string[] = [header(`spine${pad(s)}`, pick(FRR_VERSIONS))];
  out.push('interface lo', ` ip address 10.0.0.${s + 1}/32`, 'exit', '!');
  links.forEach((x, i) => {
    out.push(`interface swp${i + 1}`, ` description leaf${pad(x.leaf)}`, ` ip address ${linkAddr(x.k, 'spine')}/31`, ' mtu 9216', 'exit', '!');
  });
  out.push(`router bgp ${SPINE_ASN}`, ` bgp router-id 10.0.0.${s + 1}`, ' no bgp ebgp-requires-policy', ' bgp bestpath as-path multipath-relax');
  out.push(...grBlock(chance));
  out.push(' timers bgp 3 9');
  out.push(' neighbor LEAF peer-group', ' neighbor LEAF bfd', ' neighbor LEAF capability extended-nexthop');
  if (chance(0.8)) out.push(' neighbor LEAF bfd check-control-plane-failure');
  for (const x of links) {
    const n = linkAddr(x.k, 'leaf');
    out.push(` neighbor ${n} remote-as ${leafAsn(x.leaf)}`, ` neighbor ${n} peer-group LEAF`, ` neighbor ${n} description leaf${pad(x.leaf)}`);
    if (chance(0.03)) out.push(` neighbor ${n} graceful-restart-helper`);
  }
  out.push(' !', ' address-family ipv4 unicast', '  redistribute connected route-map LOOPBACKS', '  neighbor LEAF activate');
  out.push('  neighbor LEAF route-map LEAF-IN in', '  neighbor LEAF route-map LEAF-OUT out', '  maximum-paths 64');
  for (const x of links) if (chance(0.25)) out.push(`  neighbor ${linkAddr(x.k, 'leaf')} soft-reconfiguration inbound`);
  out.push(' exit-address-family', 'exit', '!');
  out.push(...policy(['LOOPBACKS', 'LEAF-IN', 'LEAF-OUT']));
  out.push('line vty', ' exec-timeout 0 0', 'exit', '!', 'end', '');
  return out.join('\n');
}

function leafConf(l: number, spines: number, pick: <T>(xs: readonly T[]) => T, chance: (p: number) => boolean): string {
  const out: string[] = [header(`leaf${pad(l)}`, pick(FRR_VERSIONS))];
  out.push('interface lo', ` ip address 10.0.1.${l + 1}/32`, 'exit', '!');
  for (let j = 0; j < UPLINKS; j++) {
    const k = l * UPLINKS + j;
    out.push(`interface swp${j + 1}`, ` description spine${pad(k % spines)}`, ` ip address ${linkAddr(k, 'leaf')}/31`, ' mtu 9216', 'exit', '!');
  }
  out.push('interface vlan100', ` description rack${pad(l)} servers`, ` ip address ${leafServerAddr(l)}/24`, 'exit', '!');
  out.push(`router bgp ${leafAsn(l)}`, ` bgp router-id 10.0.1.${l + 1}`, ' no bgp ebgp-requires-policy', ' bgp bestpath as-path multipath-relax');
  out.push(...grBlock(chance));
  out.push(' timers bgp 3 9');
  out.push(' neighbor SPINE peer-group', ` neighbor SPINE remote-as ${SPINE_ASN}`, ' neighbor SPINE bfd');
  if (chance(0.8)) out.push(' neighbor SPINE bfd check-control-plane-failure');
  out.push(' neighbor K8S peer-group', ` neighbor K8S remote-as ${CLUSTER_ASN}`, ' neighbor K8S bfd', ' neighbor K8S bfd profile k8s');
  out.push(` neighbor K8S timers ${chance(0.1) ? '30 90' : '10 30'}`, ' neighbor K8S timers connect 10');
  if (chance(0.7)) out.push(' neighbor K8S bfd check-control-plane-failure');
  for (let j = 0; j < UPLINKS; j++) {
    const n = linkAddr(l * UPLINKS + j, 'spine');
    out.push(` neighbor ${n} peer-group SPINE`, ` neighbor ${n} description spine${pad((l * UPLINKS + j) % spines)}`);
  }
  for (let i = 0; i < NODES_PER_LEAF; i++) {
    const n = nodeAddr(l, i);
    out.push(` neighbor ${n} peer-group K8S`, ` neighbor ${n} description ${nodeName(l, i)}`);
    if (chance(0.02)) out.push(` neighbor ${n} graceful-restart-disable`);
  }
  out.push(' !', ' address-family ipv4 unicast', '  redistribute connected route-map LOOPBACKS');
  out.push('  neighbor SPINE activate', '  neighbor SPINE route-map SPINE-IN in', '  neighbor SPINE route-map SPINE-OUT out');
  out.push('  neighbor K8S activate', '  neighbor K8S route-map K8S-IN in', '  neighbor K8S route-map DENY-ALL out', '  maximum-paths 16');
  for (let i = 0; i < NODES_PER_LEAF; i++) if (chance(0.2)) out.push(`  neighbor ${nodeAddr(l, i)} soft-reconfiguration inbound`);
  out.push(' exit-address-family', 'exit', '!');
  out.push('bfd', ' profile k8s', '  detect-multiplier 3', '  receive-interval 300', '  transmit-interval 300', ' exit', 'exit', '!');
  out.push(`ip prefix-list K8S-SERVICES seq 5 permit 10.200.${l}.0/24 le 32`);
  out.push(...policy(['LOOPBACKS', 'SPINE-IN', 'SPINE-OUT', 'K8S-IN', 'DENY-ALL']));
  out.push('line vty', ' exec-timeout 0 0', 'exit', '!', 'end', '');
  return out.join('\n');
}

function policy(maps: readonly string[]): string[] {
  const out: string[] = ['ip prefix-list LOOPBACKS seq 5 permit 10.0.0.0/15 ge 32', '!'];
  for (const m of maps) {
    if (m === 'DENY-ALL') out.push(`route-map ${m} deny 10`, 'exit', '!');
    else if (m === 'LOOPBACKS') out.push(`route-map ${m} permit 10`, ' match ip address prefix-list LOOPBACKS', 'exit', '!');
    else if (m === 'K8S-IN') out.push(`route-map ${m} permit 10`, ' match ip address prefix-list K8S-SERVICES', ' set local-preference 200', 'exit', '!');
    else out.push(`route-map ${m} permit 10`, ' set community 65000:1 additive', 'exit', '!');
  }
  return out;
}

function nodeDoc(l: number, i: number): string {
  const name = nodeName(l, i);
  return [
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    `    kubernetes.io/hostname: ${name}`,
    '    kubernetes.io/os: linux',
    `    topology.kubernetes.io/zone: rack${pad(l)}`,
    `    bench.grlint.io/group: rack${pad(l)}-g${Math.floor(i / 4)}`,
    'status:',
    '  addresses:',
    '    - type: InternalIP',
    `      address: ${nodeAddr(l, i)}`,
    '    - type: Hostname',
    `      address: ${name}`,
    '',
  ].join('\n');
}

function bgpPeerDoc(
  l: number,
  i: number,
  names: readonly string[],
  v1beta1: boolean,
  pick: <T>(xs: readonly T[]) => T,
  chance: (p: number) => boolean,
): string {
  const out = [
    `apiVersion: metallb.io/${v1beta1 ? 'v1beta1' : 'v1beta2'}`,
    'kind: BGPPeer',
    'metadata:',
    `  name: rack${pad(l)}-leaf-${pad(i)}`,
    '  namespace: metallb-system',
    '  labels:',
    `    bench.grlint.io/rack: rack${pad(l)}`,
    'spec:',
    `  myASN: ${CLUSTER_ASN}`,
    `  peerASN: ${leafAsn(l)}`,
    `  peerAddress: ${leafServerAddr(l)}`,
  ];
  const hold = chance(0.05) ? pick(['90s', '9s', '1m30s']) : '30s';
  out.push(`  holdTime: ${hold}`);
  if (!v1beta1 || chance(0.5)) out.push(`  keepaliveTime: ${hold === '30s' ? '10s' : '3s'}`);
  if (chance(0.5)) out.push('  connectTime: 10s');
  out.push(`  enableGracefulRestart: ${chance(0.95) ? 'true' : 'false'}`);
  out.push(`  bfdProfile: ${chance(0.9) ? 'k8s' : pick(['slow', 'echo', 'missing'])}`);
  out.push('  nodeSelectors:');
  if (names.length === 1) out.push('    - matchLabels:', `        kubernetes.io/hostname: ${names[0]}`);
  else out.push('    - matchExpressions:', '        - key: kubernetes.io/hostname', '          operator: In', '          values:', ...names.map((n) => `            - ${n}`));
  return out.join('\n') + '\n';
}

function rackPeerDoc(l: number): string {
  return [
    'apiVersion: metallb.io/v1beta2',
    'kind: BGPPeer',
    'metadata:',
    `  name: rack${pad(l)}-leaf`,
    '  namespace: metallb-system',
    'spec:',
    `  myASN: ${CLUSTER_ASN}`,
    `  peerASN: ${leafAsn(l)}`,
    `  peerAddress: ${leafServerAddr(l)}`,
    `  routerID: 10.9.${l}.1`,
    '  holdTime: 30s',
    '  keepaliveTime: 10s',
    '  enableGracefulRestart: true',
    '  nodeSelectors:',
    '    - matchLabels:',
    `        topology.kubernetes.io/zone: rack${pad(l)}`,
    '',
  ].join('\n');
}

function frrConfigurationDoc(l: number, i: number, pick: <T>(xs: readonly T[]) => T, chance: (p: number) => boolean): string {
  const names = [0, 1, 2, 3].map((j) => nodeName(l, i + j));
  const neighbor = (address: string, asn: number, extra: string[]): string[] => [
    `            - address: ${address}`,
    `              asn: ${asn}`,
    ...extra.map((x) => `              ${x}`),
  ];
  const gr = chance(0.95) ? 'true' : 'false';
  const out = [
    'apiVersion: frrk8s.metallb.io/v1beta1',
    'kind: FRRConfiguration',
    'metadata:',
    `  name: rack${pad(l)}-g${pad(i / 4)}`,
    '  namespace: metallb-system',
    'spec:',
    '  nodeSelector:',
    '    matchExpressions:',
    '      - key: kubernetes.io/hostname',
    '        operator: In',
    '        values:',
    ...names.map((n) => `          - ${n}`),
    '  bgp:',
    '    routers:',
    `      - asn: ${CLUSTER_ASN}`,
    '        neighbors:',
    ...neighbor(leafServerAddr(l), leafAsn(l), [
      `enableGracefulRestart: ${gr}`,
      `holdTime: ${chance(0.05) ? pick(['90s', '9s']) : '30s'}`,
      'keepaliveTime: 10s',
      'connectTime: 10s',
      `bfdProfile: ${chance(0.9) ? 'k8s' : 'fast'}`,
      'toReceive:',
      '  allowed:',
      '    mode: all',
      'toAdvertise:',
      '  allowed:',
      '    prefixes:',
      `      - 10.200.${l}.0/24`,
    ]),
    ...neighbor('10.3.0.1', 65010, ['enableGracefulRestart: true', 'holdTime: 90s', 'keepaliveTime: 30s', 'ebgpMultiHop: true']),
    ...neighbor('10.3.0.2', 65010, ['enableGracefulRestart: true', 'holdTime: 90s', 'keepaliveTime: 30s', 'ebgpMultiHop: true']),
    '        prefixes:',
    `          - 10.200.${l}.0/24`,
    '    bfdProfiles:',
    '      - name: k8s',
    '        receiveInterval: 300',
    '        transmitInterval: 300',
    '        detectMultiplier: 3',
  ];
  return out.join('\n') + '\n';
}

function rawConfigDoc(l: number, chance: (p: number) => boolean): string {
  return [
    'apiVersion: frrk8s.metallb.io/v1beta1',
    'kind: FRRConfiguration',
    'metadata:',
    `  name: rack${pad(l)}-raw`,
    '  namespace: metallb-system',
    'spec:',
    '  nodeSelector:',
    '    matchLabels:',
    `      topology.kubernetes.io/zone: rack${pad(l)}`,
    '  raw:',
    '    priority: 10',
    '    rawConfig: |',
    `      router bgp ${CLUSTER_ASN}`,
    `       bgp graceful-restart stalepath-time ${chance(0.2) ? 60 : 300}`,
    `       neighbor ${leafServerAddr(l)} timers connect 10`,
    '      exit',
    '',
  ].join('\n');
}

function bfdProfileDoc(name: string, interval: number, mult: number, echo = false): string {
  return [
    'apiVersion: metallb.io/v1beta1',
    'kind: BFDProfile',
    'metadata:',
    `  name: ${name}`,
    '  namespace: metallb-system',
    'spec:',
    `  receiveInterval: ${interval}`,
    `  transmitInterval: ${interval}`,
    `  detectMultiplier: ${mult}`,
    ...(echo ? ['  echoMode: true', `  echoInterval: ${interval}`] : []),
    '',
  ].join('\n');
}

function poolDoc(l: number): string {
  return [
    'apiVersion: metallb.io/v1beta1',
    'kind: IPAddressPool',
    'metadata:',
    `  name: rack${pad(l)}-services`,
    '  namespace: metallb-system',
    'spec:',
    '  addresses:',
    `    - 10.200.${l}.0/24`,
    '  autoAssign: true',
    '',
  ].join('\n');
}

function advertisementDoc(l: number, chance: (p: number) => boolean): string {
  return [
    'apiVersion: metallb.io/v1beta1',
    'kind: BGPAdvertisement',
    'metadata:',
    `  name: rack${pad(l)}-services`,
    '  namespace: metallb-system',
    'spec:',
    '  ipAddressPools:',
    `    - rack${pad(l)}-services`,
    `  aggregationLength: ${chance(0.5) ? 32 : 24}`,
    '  nodeSelectors:',
    '    - matchLabels:',
    `        topology.kubernetes.io/zone: rack${pad(l)}`,
    '',
  ].join('\n');
}

/** Lines of a text (a final line without a newline counts). */
export function lineCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/**
 * The LSP workspace: one large router (`lines` lines, about 20,000) whose 500 server neighbors pair with
 * 500 BGPPeers (one per node) and 500 Node objects.
 */
export function generateLspWorkspace(opts: { seed?: number; peers?: number; lines?: number } = {}): { frr: string; peers: string; nodes: string; neighbors: string[] } {
  const rnd = prng(opts.seed ?? 7);
  const peers = opts.peers ?? 500;
  const target = opts.lines ?? 20000;
  const neighbors: string[] = [];
  for (let i = 0; i < peers; i++) neighbors.push(`10.20.${Math.floor(i / 250)}.${(i % 250) + 2}`);
  const out: string[] = [header('border1', '10.2.1')];
  out.push('interface lo', ' ip address 10.0.9.1/32', 'exit', '!');
  for (let v = 0; v * 250 < peers; v++) out.push(`interface vlan${200 + v}`, ` ip address 10.20.${v}.1/24`, 'exit', '!');
  out.push('router bgp 65200', ' bgp router-id 10.0.9.1', ' no bgp ebgp-requires-policy');
  out.push(' bgp graceful-restart', ' bgp graceful-restart preserve-fw-state', ' bgp graceful-restart restart-time 120', ' timers bgp 3 9');
  out.push(' neighbor K8S peer-group', ` neighbor K8S remote-as ${CLUSTER_ASN}`, ' neighbor K8S bfd', ' neighbor K8S timers 10 30');
  neighbors.forEach((n, i) => {
    out.push(` neighbor ${n} peer-group K8S`, ` neighbor ${n} description node${pad(i)}`);
    if (rnd() < 0.05) out.push(` neighbor ${n} graceful-restart-disable`);
  });
  out.push(' !', ' address-family ipv4 unicast', '  neighbor K8S activate', '  neighbor K8S route-map K8S-IN in');
  for (const n of neighbors) out.push(`  neighbor ${n} soft-reconfiguration inbound`);
  out.push(' exit-address-family', 'exit', '!');
  out.push('route-map K8S-IN permit 10', ' match ip address prefix-list K8S', 'exit', '!');
  // Prefix lists fill the file up to the target size, as on a border router.
  let seq = 5;
  const used = (): number => out.reduce((n, x) => n + lineCount(x + '\n'), 0);
  let have = used();
  while (have < target - 3) {
    const a = Math.floor(rnd() * 200) + 20;
    const b = Math.floor(rnd() * 256);
    out.push(`ip prefix-list CUSTOMERS seq ${seq} permit 100.${a}.${b}.0/24 le 32`);
    seq += 5;
    have++;
  }
  out.push('line vty', 'exit', 'end', '');
  const frr = out.join('\n');

  const peerDocs: string[] = [];
  const nodeItems: string[] = [];
  neighbors.forEach((n, i) => {
    const name = `node${pad(i)}`;
    peerDocs.push(
      [
        'apiVersion: metallb.io/v1beta2',
        'kind: BGPPeer',
        'metadata:',
        `  name: border1-${name}`,
        '  namespace: metallb-system',
        'spec:',
        `  myASN: ${CLUSTER_ASN}`,
        '  peerASN: 65200',
        `  peerAddress: 10.20.${Math.floor(i / 250)}.1`,
        '  holdTime: 30s',
        '  keepaliveTime: 10s',
        '  enableGracefulRestart: true',
        '  bfdProfile: k8s',
        '  nodeSelectors:',
        '    - matchLabels:',
        `        kubernetes.io/hostname: ${name}`,
        '',
      ].join('\n'),
    );
    nodeItems.push(indentItem(['apiVersion: v1', 'kind: Node', 'metadata:', `  name: ${name}`, 'status:', '  addresses:', '    - type: InternalIP', `      address: ${n}`, ''].join('\n')));
  });
  peerDocs.push(bfdProfileDoc('k8s', 300, 3));
  return { frr, peers: peerDocs.join('---\n'), nodes: `apiVersion: v1\nkind: List\nitems:\n${nodeItems.join('')}`, neighbors };
}
