/**
 * Short explanations of the knobs grlint models, for hover and completion: what each does, its range
 * and default (domain.md §1.2, §3.1, §4.1). Written in grlint's own words.
 */

export interface KnobDoc {
  readonly title: string;
  readonly text: string;
  readonly range?: string;
  readonly default?: string;
}

/** frr.conf statements, keyed by statement kind (and sub-kind for neighbor commands / GR timers). */
export const FRR_KNOBS: Readonly<Record<string, KnobDoc>> = {
  'gr-mode:restart': {
    title: 'bgp graceful-restart',
    text: 'Puts the BGP instance in graceful-restart (restart) mode: it advertises its address families in the GR capability, so peers keep its routes as stale while it restarts. A neighbor or peer-group mode line overrides it.',
    default: 'off (global mode helper)',
  },
  'gr-mode:disable': {
    title: 'bgp graceful-restart-disable',
    text: 'Disables graceful restart for the instance: no GR capability is sent, and this router neither restarts gracefully nor helps a restarting peer; its peers routes are flushed when the session drops. A neighbor or peer-group mode line overrides it.',
  },
  'gr-timer:restart-time': {
    title: 'bgp graceful-restart restart-time',
    text: 'The Restart Time this router advertises: how long its peers keep its routes as stale while it restarts. The helper also bounds this by its own stalepath-time.',
    range: '0-4095 s (1-4095 before FRR 8.2)',
    default: '120 s',
  },
  'gr-timer:stalepath-time': {
    title: 'bgp graceful-restart stalepath-time',
    text: 'Upper bound on how long this router, as helper, keeps a restarting peer\'s stale routes. Routes are kept for min(peer restart-time, local stalepath-time).',
    range: '1-4095 s',
    default: '360 s',
  },
  'gr-timer:select-defer-time': {
    title: 'bgp graceful-restart select-defer-time',
    text: 'On the restarting side: how long best-path selection waits for End-of-RIB from peers after a restart.',
    range: '0-3600 s',
    default: '360 s (240 s in FRR 10.5, 120 s from 10.6)',
  },
  'gr-timer:rib-stale-time': {
    title: 'bgp graceful-restart rib-stale-time',
    text: 'How long zebra keeps stale routes in the RIB after bgpd restarts.',
    range: '1-3600 s',
    default: '500 s',
  },
  'gr-preserve-fw-state': {
    title: 'bgp graceful-restart preserve-fw-state',
    text: 'Sets the F bit for every address family in the GR capability: the forwarding state was preserved. Without it the helper flushes the stale routes the moment the session returns. Global or per instance; there is no per-neighbor form. MetalLB and frr-k8s always render it.',
    default: 'off in plain FRR',
  },
  'gr-notification': {
    title: 'bgp graceful-restart notification',
    text: 'Sets the N bit (RFC 8538): graceful restart also covers a NOTIFICATION and hold-timer expiry, not only a TCP close. With it, a dead node\'s routes are kept for the full restart-time.',
    default: 'on since FRR 8.3',
  },
  'gr-disable-eor': { title: 'bgp graceful-restart disable-eor', text: 'Do not send End-of-RIB (testing only).' },
  'llgr-stale-time': {
    title: 'bgp long-lived-graceful-restart stale-time',
    text: 'Long-lived graceful restart (RFC 9494): after the restart-time, routes are kept for this long more, at the lowest preference.',
    range: '1-16777215 s',
    default: '0 (LLGR off)',
  },
  'timers-bgp': {
    title: 'timers bgp KEEPALIVE HOLD',
    text: 'Instance-wide keepalive and hold time. A neighbor or peer-group `timers` line overrides it. The hold time must be 0 or at least 3; FRR silently lowers the keepalive to hold / 3.',
    range: '0-65535 s each',
    default: '60/180 s (traditional), 3/9 s (datacenter)',
  },
  'router-id': { title: 'bgp router-id', text: 'The BGP identifier of the instance; grlint also uses it as one of the router\'s own addresses when pairing sessions.' },
  'listen-range': {
    title: 'bgp listen range PREFIX peer-group PG',
    text: 'Accepts sessions from any address in PREFIX (dynamic neighbors) with the settings of peer-group PG.',
  },
  'neighbor:remote-as': { title: 'neighbor X remote-as', text: 'Defines the neighbor and its AS: a number, `internal` (same AS) or `external` (another AS).' },
  'neighbor:interface': { title: 'neighbor IF interface', text: 'An unnumbered neighbor on interface IF.' },
  'neighbor:peer-group-define': { title: 'neighbor PG peer-group', text: 'Defines peer-group PG; its settings apply to every member unless the member overrides them.' },
  'neighbor:peer-group': { title: 'neighbor X peer-group PG', text: 'Makes X a member of peer-group PG: it inherits the group\'s remote-as, GR mode, timers and BFD settings.' },
  'neighbor:gr-mode:restart': {
    title: 'neighbor X graceful-restart',
    text: 'Restart mode for this neighbor only (overrides the instance mode). MetalLB renders it when `enableGracefulRestart: true`. Since FRR 10.2 a mode change resets the session at once.',
  },
  'neighbor:gr-mode:helper': {
    title: 'neighbor X graceful-restart-helper',
    text: 'Helper-only mode for this neighbor: it keeps a restarting neighbor\'s routes but advertises no address families of its own to preserve.',
  },
  'neighbor:gr-mode:disable': {
    title: 'neighbor X graceful-restart-disable',
    text: 'Disables graceful restart with this neighbor: no GR capability is exchanged and its routes are flushed at once when the session drops.',
  },
  'neighbor:timers': {
    title: 'neighbor X timers KEEPALIVE HOLD',
    text: 'Keepalive and hold time for this neighbor (overrides the peer-group and `timers bgp`). The hold time must be 0 or at least 3; FRR silently lowers the keepalive to hold / 3. The session uses the smaller hold time of both ends.',
    range: '0-65535 s each',
  },
  'neighbor:timers-connect': { title: 'neighbor X timers connect', text: 'Seconds between connection attempts.', range: '1-65535 s', default: '120 s (traditional), 10 s (datacenter)' },
  'neighbor:bfd': { title: 'neighbor X bfd', text: 'Runs BFD on the session. BFD needs both ends to configure it. With graceful restart, the helper also needs `bfd check-control-plane-failure`, or a restart takes BFD down and the session is hard-reset.' },
  'neighbor:bfd-profile': { title: 'neighbor X bfd profile P', text: 'Runs BFD on the session with the timers of profile P (a `bfd` / `profile P` block).' },
  'neighbor:bfd-check-control-plane-failure': {
    title: 'neighbor X bfd check-control-plane-failure',
    text: 'Sets the C bit and lets bgpd ignore BFD Down while the peer restarts gracefully (when the peer\'s C bit is clear, as it is for MetalLB and frr-k8s). Belongs on the helper (router) side.',
    default: 'off',
  },
  'neighbor:update-source': { title: 'neighbor X update-source', text: 'The local address (or interface) of the session; grlint uses it as one of the router\'s own addresses.' },
  'neighbor:password': { title: 'neighbor X password', text: 'TCP MD5 password of the session. grlint never shows its value.' },
};

/** MetalLB / frr-k8s CR fields, keyed by field name. */
export const CR_KNOBS: Readonly<Record<string, KnobDoc>> = {
  enableGracefulRestart: {
    title: 'enableGracefulRestart',
    text: 'Renders `neighbor X graceful-restart`: the speaker restarts gracefully, so the router keeps its routes while the pod restarts (for the restart-time, 120 s unless raw/extras change it). Immutable on a MetalLB BGPPeer (delete and re-create to change it); frr-k8s accepts a change but the session resets.',
    default: 'false',
  },
  holdTime: {
    title: 'holdTime',
    text: 'Go duration; truncated to whole seconds and rendered as `neighbor X timers KEEPALIVE HOLD`. Must be 0 or at least 3 s. MetalLB derives a missing keepaliveTime as holdTime / 3; frr-k8s requires both or neither.',
    default: 'unset (FRR default 180 s)',
  },
  keepaliveTime: {
    title: 'keepaliveTime',
    text: 'Go duration; must not exceed holdTime. MetalLB derives a missing holdTime as keepaliveTime * 3. FRR uses at most hold / 3.',
    default: 'unset (FRR default 60 s)',
  },
  connectTime: { title: 'connectTime', text: 'Go duration, 1-65535 whole seconds; rendered as `neighbor X timers connect N`.' },
  bfdProfile: {
    title: 'bfdProfile',
    text: 'Runs BFD on the session with this BFD profile (`neighbor X bfd profile P`). With graceful restart, the router needs `neighbor <node> bfd check-control-plane-failure`.',
  },
  peerAddress: { title: 'peerAddress', text: 'The router\'s address; grlint pairs the peer with the frr.conf that owns this address.' },
  address: { title: 'address', text: 'The neighbor\'s address; grlint pairs it with the frr.conf that owns this address.' },
  peerASN: { title: 'peerASN', text: 'The router\'s AS number (`neighbor X remote-as`).' },
  asn: { title: 'asn', text: 'An AS number: the router\'s own (router) or the neighbor\'s (neighbor).' },
  myASN: { title: 'myASN', text: 'The speaker\'s AS number (`router bgp ASN`).' },
  rawConfig: { title: 'raw.rawConfig', text: 'frr.conf text appended to what frr-k8s renders; grlint checks it in place and applies its GR settings to the peers it covers.' },
  extras: { title: 'data.extras', text: 'frr.conf text appended to what MetalLB renders (FRR mode); the only way to tune restart-time there.' },
  password: { title: 'password', text: 'TCP MD5 password; prefer passwordSecret. grlint never shows its value.' },
  ebgpMultiHop: { title: 'ebgpMultiHop', text: 'Renders `neighbor X ebgp-multihop`; not allowed when peerASN equals myASN.' },
  routerID: { title: 'routerID', text: 'The speaker\'s BGP router-id; all peers on a node must agree.' },
  nodeSelectors: { title: 'nodeSelectors', text: 'The nodes whose speakers peer with this router; empty means all nodes.' },
};
