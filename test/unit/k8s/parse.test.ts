import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { parseK8sYaml } from '../../../server/src/core/k8s/parse';
import type { K8sObject, Val } from '../../../server/src/core/k8s/types';
import { nodeAt } from '../../../server/src/core/k8s/ynode';

/** The range of the `n`-th (0-based) occurrence of `needle` in `text`. */
function at(text: string, needle: string, n = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} #${n} not found`);
  }
  return { start: i, end: i + needle.length };
}

/** The expected Val for `key: value` written once in `text` (the `n`-th occurrence of the key). */
function val<T>(text: string, key: string, value: T, source: string = String(value), n = 0): Val<T> {
  const keyRange = at(text, `${key}:`, n);
  const k = { start: keyRange.start, end: keyRange.end - 1 };
  const v = text.indexOf(source, keyRange.end);
  return { value, range: { start: v, end: v + source.length }, keyRange: k };
}

function only<K extends K8sObject['kind']>(text: string, kind: K): Extract<K8sObject, { kind: K }> {
  const r = parseK8sYaml(text);
  assert.deepEqual(r.errors, []);
  assert.equal(r.objects.length, 1);
  const o = r.objects[0]!;
  assert.equal(o.kind, kind);
  return o as Extract<K8sObject, { kind: K }>;
}

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

describe('parseK8sYaml: BGPPeer', () => {
  const doc = lines(
    'apiVersion: metallb.io/v1beta2',
    'kind: BGPPeer',
    'metadata:',
    '  name: rack1-tor',
    '  namespace: metallb-system',
    '  labels:',
    '    zone: a',
    'spec:',
    '  myASN: 64512',
    '  peerASN: 64513',
    '  localASN: 65000',
    '  peerAddress: 10.0.0.1',
    '  sourceAddress: 10.0.0.2',
    '  peerPort: 180',
    '  holdTime: 90s',
    '  keepaliveTime: 30s',
    '  connectTime: 1.5s',
    '  routerID: 10.10.10.10',
    '  nodeSelectors:',
    '  - matchLabels:',
    '      rack: r1',
    '    matchExpressions:',
    '    - key: kubernetes.io/hostname',
    '      operator: In',
    '      values: [node-a, node-b]',
    '  passwordSecret:',
    '    name: peer-secret',
    '    namespace: metallb-system',
    '  bfdProfile: fast',
    '  enableGracefulRestart: true',
    '  ebgpMultiHop: false',
    '  vrf: red',
    '  disableMP: false',
    '  dualStackAddressFamily: yes',
  );

  it('reads every v1beta2 field with its value and key ranges', () => {
    const p = only(doc, 'BGPPeer');
    assert.equal(p.version, 'v1beta2');
    assert.deepEqual(p.apiVersion, val(doc, 'apiVersion', 'metallb.io/v1beta2'));
    assert.deepEqual(p.kindField, val(doc, 'kind', 'BGPPeer'));
    assert.deepEqual(p.name, val(doc, 'name', 'rack1-tor'));
    assert.deepEqual(p.namespace, val(doc, 'namespace', 'metallb-system'));
    assert.deepEqual(p.labels, [{ key: 'zone', keyRange: at(doc, 'zone'), ...val(doc, 'zone', 'a') }]);
    assert.equal(p.docIndex, 0);
    assert.deepEqual(p.docRange, { start: 0, end: doc.length });
    assert.deepEqual(p.range, { start: 0, end: doc.length - 1 });
    assert.equal(p.hasErrors, false);
    assert.deepEqual(p.invalid, []);
    const s = p.spec;
    assert.deepEqual(s.myASN, val(doc, 'myASN', 64512));
    assert.deepEqual(s.peerASN, val(doc, 'peerASN', 64513));
    assert.deepEqual(s.localASN, val(doc, 'localASN', 65000));
    assert.deepEqual(s.peerAddress, val(doc, 'peerAddress', '10.0.0.1'));
    assert.deepEqual(s.sourceAddress, val(doc, 'sourceAddress', '10.0.0.2'));
    assert.deepEqual(s.peerPort, val(doc, 'peerPort', 180));
    assert.deepEqual(s.holdTime, { ...val(doc, 'holdTime', '90s'), duration: { ok: true, nanos: 90_000_000_000n } });
    assert.deepEqual(s.keepaliveTime, { ...val(doc, 'keepaliveTime', '30s'), duration: { ok: true, nanos: 30_000_000_000n } });
    assert.deepEqual(s.connectTime, { ...val(doc, 'connectTime', '1.5s'), duration: { ok: true, nanos: 1_500_000_000n } });
    assert.deepEqual(s.routerID, val(doc, 'routerID', '10.10.10.10'));
    assert.deepEqual(s.bfdProfile, val(doc, 'bfdProfile', 'fast'));
    assert.deepEqual(s.enableGracefulRestart, val(doc, 'enableGracefulRestart', true));
    assert.deepEqual(s.ebgpMultiHop, val(doc, 'ebgpMultiHop', false));
    assert.deepEqual(s.vrf, val(doc, 'vrf', 'red'));
    assert.deepEqual(s.disableMP, val(doc, 'disableMP', false));
    // YAML 1.1, as kubectl reads it: `yes` is true.
    assert.deepEqual(s.dualStackAddressFamily, val(doc, 'dualStackAddressFamily', true, 'yes'));
    assert.equal(s.password, undefined);
    assert.equal(s.dynamicASN, undefined);
    assert.equal(s.interface, undefined);
  });

  it('reads node selectors and the password secret reference with ranges', () => {
    const s = only(doc, 'BGPPeer').spec;
    const sels = s.nodeSelectors;
    assert.ok(sels);
    assert.deepEqual(sels.keyRange, { start: at(doc, 'nodeSelectors').start, end: at(doc, 'nodeSelectors').end });
    assert.equal(sels.value.length, 1);
    const sel = sels.value[0]!;
    assert.deepEqual(sel.range, { start: at(doc, 'matchLabels').start, end: at(doc, 'node-b]').end });
    assert.deepEqual(sel.matchLabels, [{ key: 'rack', keyRange: at(doc, 'rack', 1), value: 'r1', range: at(doc, 'r1') }]);
    assert.equal(sel.matchExpressions.length, 1);
    const ex = sel.matchExpressions[0]!;
    assert.deepEqual(ex.key, { value: 'kubernetes.io/hostname', range: at(doc, 'kubernetes.io/hostname'), keyRange: at(doc, 'key') });
    assert.deepEqual(ex.operator, { value: 'In', range: at(doc, 'In'), keyRange: at(doc, 'operator') });
    assert.deepEqual(ex.values?.value, [
      { value: 'node-a', range: at(doc, 'node-a') },
      { value: 'node-b', range: at(doc, 'node-b') },
    ]);
    assert.deepEqual(ex.values?.range, at(doc, '[node-a, node-b]'));
    assert.deepEqual(s.passwordSecret?.value.name, { value: 'peer-secret', range: at(doc, 'peer-secret'), keyRange: { start: at(doc, 'name: peer-secret').start, end: at(doc, 'name: peer-secret').start + 4 } });
    assert.deepEqual(s.passwordSecret?.value.namespace?.value, 'metallb-system');
    assert.deepEqual(s.passwordSecret?.keyRange, at(doc, 'passwordSecret'));
  });

  it('reads a deprecated v1beta1 peer, and dynamicASN and interface', () => {
    const d = lines('apiVersion: metallb.io/v1beta1', 'kind: BGPPeer', 'metadata: {name: old}', 'spec: {myASN: 1, dynamicASN: external, interface: eth0}');
    const p = only(d, 'BGPPeer');
    assert.equal(p.version, 'v1beta1');
    assert.deepEqual(p.name, { value: 'old', range: at(d, 'old'), keyRange: at(d, 'name') });
    assert.deepEqual(p.spec.dynamicASN, { value: 'external', range: at(d, 'external'), keyRange: at(d, 'dynamicASN') });
    assert.deepEqual(p.spec.interface, { value: 'eth0', range: at(d, 'eth0'), keyRange: at(d, 'interface') });
    assert.deepEqual(p.spec.node?.range, at(d, '{myASN: 1, dynamicASN: external, interface: eth0}'));
  });

  it('keeps only the presence and ranges of a password, never its value', () => {
    const secret = 's3cr3t-Value';
    const d = lines('apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec:', `  password: ${secret}`, '  myASN: 1');
    const r = parseK8sYaml(d);
    const p = r.objects[0];
    assert.ok(p?.kind === 'BGPPeer');
    assert.equal(p.spec.password?.present, true);
    assert.equal(p.spec.password?.empty, false);
    assert.deepEqual(p.spec.password?.range, at(d, secret));
    assert.deepEqual(p.spec.password?.keyRange, at(d, 'password'));
    const dumps = [JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)), inspect(r, { depth: Infinity, showHidden: true })];
    for (const dump of dumps) assert.ok(!dump.includes(secret), 'the password appears in a dump of the result');
    const pw = nodeAt(p.node, ['spec', 'password']);
    assert.ok(pw?.kind === 'scalar');
    assert.equal(pw.redacted, true);
    assert.equal(pw.value, '');
  });

  it('keeps password text out of YAML error messages', () => {
    for (const line of ['  password: "s3cr\\qet"', '  password: "s3cr\\xZZet"', '  password: s3cr%et\n\t\u0001x', '  password: "s3cret']) {
      const d = lines('apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec:', line);
      const r = parseK8sYaml(d);
      assert.ok(r.errors.length > 0, line);
      for (const e of r.errors) assert.ok(!e.message.includes('s3cr') && !e.message.includes('\\q') && !e.message.includes('ZZ'), e.message);
    }
  });

  it('compares two passwords without exposing them', () => {
    const d = (pw: string): string => lines('apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec:', `  password: "${pw}"`);
    const get = (text: string) => {
      const o = parseK8sYaml(text).objects[0];
      assert.ok(o?.kind === 'BGPPeer' && o.spec.password);
      return o.spec.password;
    };
    assert.equal(get(d('a')).sameValueAs(get(d('a'))), true);
    assert.equal(get(d('a')).sameValueAs(get(d('b'))), false);
    assert.equal(get(d('')).empty, true);
  });

  it('leaves fields of the wrong type out of the view and lists them as invalid', () => {
    const d = lines(
      'apiVersion: metallb.io/v1beta2',
      'kind: BGPPeer',
      'spec:',
      '  myASN: "64512"',
      '  peerASN: 1.5',
      '  holdTime: 90',
      '  enableGracefulRestart: "true"',
      '  nodeSelectors: {a: b}',
      '  vrf: [x]',
      '  peerAddress:',
      '  bfdProfile: ~',
    );
    const p = only(d, 'BGPPeer');
    for (const k of ['myASN', 'peerASN', 'holdTime', 'enableGracefulRestart', 'nodeSelectors', 'vrf', 'peerAddress', 'bfdProfile'] as const) {
      assert.equal(p.spec[k], undefined, k);
    }
    assert.deepEqual(
      p.invalid.map((f) => [f.path, f.expected, f.keyRange]),
      [
        ['spec.myASN', 'integer', at(d, 'myASN')],
        ['spec.peerASN', 'integer', at(d, 'peerASN')],
        ['spec.holdTime', 'string', at(d, 'holdTime')],
        ['spec.nodeSelectors', 'array', at(d, 'nodeSelectors')],
        ['spec.enableGracefulRestart', 'boolean', at(d, 'enableGracefulRestart')],
        ['spec.vrf', 'string', at(d, 'vrf')],
      ].sort((a, b) => (a[2] as { start: number }).start - (b[2] as { start: number }).start),
    );
    const hold = p.invalid.find((f) => f.path === 'spec.holdTime');
    assert.ok(hold?.node.kind === 'scalar');
    assert.equal(hold.node.value, 90);
  });

  it('keeps a duration that Go rejects, with the reason', () => {
    const d = lines('apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec:', '  holdTime: "90"', '  keepaliveTime: 5x');
    const s = only(d, 'BGPPeer').spec;
    assert.equal(s.holdTime?.value, '90');
    assert.deepEqual(s.holdTime?.range, at(d, '"90"'));
    assert.equal(s.holdTime?.duration.ok === false && s.holdTime.duration.error, 'missing-unit');
    assert.equal(s.keepaliveTime?.duration.ok === false && s.keepaliveTime.duration.error, 'unknown-unit');
  });

  it('follows aliases and keeps the alias range', () => {
    const d = lines('apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'metadata: {name: &n p1}', 'spec:', '  myASN: &asn 64512', '  peerASN: *asn', '  bfdProfile: *n');
    const s = only(d, 'BGPPeer').spec;
    assert.deepEqual(s.peerASN, { value: 64512, range: at(d, '*asn'), keyRange: at(d, 'peerASN') });
    assert.deepEqual(s.bfdProfile, { value: 'p1', range: at(d, '*n'), keyRange: at(d, 'bfdProfile') });
  });
});

describe('parseK8sYaml: FRRConfiguration', () => {
  const doc = lines(
    'apiVersion: frrk8s.metallb.io/v1beta1',
    'kind: FRRConfiguration',
    'metadata:',
    '  name: test',
    '  namespace: frr-k8s-system',
    'spec:',
    '  nodeSelector:',
    '    matchLabels:',
    '      kubernetes.io/hostname: kind-worker',
    '  bgp:',
    '    routers:',
    '    - asn: 64512',
    '      id: 192.0.2.1',
    '      vrf: red',
    '      prefixes: [192.168.2.0/24]',
    '      imports: [{vrf: blue}]',
    '      neighbors:',
    '      - address: 172.30.0.3',
    '        asn: 4200000000',
    '        sourceaddress: 172.30.0.1',
    '        port: 180',
    '        password: hunter2',
    '        holdTime: 9s',
    '        keepaliveTime: 3s',
    '        connectTime: 5s',
    '        ebgpMultiHop: true',
    '        bfdProfile: fast',
    '        enableGracefulRestart: true',
    '        dualStackAddressFamily: true',
    '        addressFamilies: [unicast]',
    '        toReceive:',
    '          allowed:',
    '            mode: all',
    '      - interface: eth1',
    '        dynamicASN: internal',
    '    bfdProfiles:',
    '    - name: fast',
    '      receiveInterval: 100',
    '      echoMode: true',
    '  raw:',
    '    priority: 5',
    '    rawConfig: |',
    '      router bgp 64512',
    '       bgp graceful-restart restart-time 60',
  );

  it('reads routers, neighbors (with the lowercase sourceaddress), BFD profiles and raw config', () => {
    const c = only(doc, 'FRRConfiguration');
    assert.equal(c.version, 'v1beta1');
    assert.deepEqual(c.namespace, val(doc, 'namespace', 'frr-k8s-system'));
    const sel = c.spec.nodeSelector?.value;
    assert.deepEqual(sel?.matchLabels, [{ key: 'kubernetes.io/hostname', keyRange: at(doc, 'kubernetes.io/hostname'), value: 'kind-worker', range: at(doc, 'kind-worker') }]);
    const routers = c.spec.bgp?.value.routers?.value;
    assert.equal(routers?.length, 1);
    const r = routers[0]!;
    assert.deepEqual(r.asn, val(doc, 'asn', 64512));
    assert.deepEqual(r.id, val(doc, 'id', '192.0.2.1'));
    assert.deepEqual(r.vrf, val(doc, 'vrf', 'red'));
    assert.deepEqual(r.prefixes?.value, [{ value: '192.168.2.0/24', range: at(doc, '192.168.2.0/24') }]);
    assert.deepEqual(r.imports?.value.map((i) => i.vrf?.value), ['blue']);
    const [n1, n2] = r.neighbors?.value ?? [];
    assert.ok(n1 && n2);
    assert.deepEqual(n1.address, val(doc, 'address', '172.30.0.3'));
    assert.deepEqual(n1.asn, val(doc, 'asn', 4200000000, '4200000000', 1));
    assert.deepEqual(n1.sourceaddress, val(doc, 'sourceaddress', '172.30.0.1'));
    assert.deepEqual(n1.port, val(doc, 'port', 180));
    assert.deepEqual(n1.password && { present: n1.password.present, range: n1.password.range, keyRange: n1.password.keyRange }, {
      present: true,
      range: at(doc, 'hunter2'),
      keyRange: at(doc, 'password'),
    });
    assert.deepEqual(n1.holdTime, { ...val(doc, 'holdTime', '9s'), duration: { ok: true, nanos: 9_000_000_000n } });
    assert.deepEqual(n1.keepaliveTime?.value, '3s');
    assert.deepEqual(n1.connectTime?.value, '5s');
    assert.deepEqual(n1.ebgpMultiHop, val(doc, 'ebgpMultiHop', true));
    assert.deepEqual(n1.bfdProfile, val(doc, 'bfdProfile', 'fast'));
    assert.deepEqual(n1.enableGracefulRestart, val(doc, 'enableGracefulRestart', true));
    assert.deepEqual(n1.dualStackAddressFamily, val(doc, 'dualStackAddressFamily', true));
    assert.deepEqual(n1.addressFamilies?.value.map((v) => v.value), ['unicast']);
    assert.ok(n1.toReceive && n1.toReceive.kind === 'map');
    assert.deepEqual(n1.range, { start: at(doc, 'address').start, end: at(doc, 'mode: all').end });
    assert.deepEqual(n2.interface, val(doc, 'interface', 'eth1'));
    assert.deepEqual(n2.dynamicASN, val(doc, 'dynamicASN', 'internal'));
    const profiles = c.spec.bgp?.value.bfdProfiles?.value ?? [];
    assert.deepEqual(profiles.map((p) => [p.name?.value, p.receiveInterval?.value, p.echoMode?.value]), [['fast', 100, true]]);
    const raw = c.spec.raw?.value;
    assert.deepEqual(raw?.priority, val(doc, 'priority', 5));
    assert.equal(raw?.rawConfig?.value, 'router bgp 64512\n bgp graceful-restart restart-time 60\n');
    assert.deepEqual(raw?.rawConfig?.range, { start: at(doc, '|').start, end: at(doc, 'restart-time 60').end });
    assert.deepEqual(raw?.rawConfig?.node.block, { parentIndent: 4, sourceEnd: doc.length });
  });

  it('reads MetalLB\'s JSON golden FRRConfigurations, which have no apiVersion or kind', () => {
    const json = JSON.stringify({ metadata: { name: 'n', namespace: 'ns' }, spec: { bgp: { routers: [{ asn: 100, neighbors: [{ asn: 200, address: '10.2.2.254', holdTime: '1s' }] }] }, raw: {} }, status: {} }, null, 4);
    const r = parseK8sYaml(json);
    assert.deepEqual(r.errors, []);
    assert.equal(r.isK8s, true);
    const c = r.objects[0];
    assert.ok(c?.kind === 'FRRConfiguration');
    assert.equal(c.inferred, true);
    assert.equal(c.apiVersion, undefined);
    assert.deepEqual(c.name?.range, at(json, '"n"'));
    const nb = c.spec.bgp?.value.routers?.value[0]?.neighbors?.value[0];
    assert.deepEqual(nb?.address, { value: '10.2.2.254', range: at(json, '"10.2.2.254"'), keyRange: at(json, '"address"') });
    assert.deepEqual(nb?.holdTime?.range, at(json, '"1s"'));
  });

  it('does not infer an FRRConfiguration from an arbitrary JSON object', () => {
    const r = parseK8sYaml('{"spec": {"bgp": {}, "other": 1}}');
    assert.deepEqual(r.objects, []);
    assert.equal(r.isK8s, false);
  });
});

describe('parseK8sYaml: other MetalLB kinds, bgpextras and Node', () => {
  it('reads BFDProfile settings', () => {
    const d = lines('apiVersion: metallb.io/v1beta1', 'kind: BFDProfile', 'metadata: {name: fast}', 'spec:', '  receiveInterval: 10', '  transmitInterval: 20', '  detectMultiplier: 3', '  echoInterval: 50', '  echoMode: true', '  passiveMode: false', '  minimumTtl: 254');
    const s = only(d, 'BFDProfile').spec;
    assert.deepEqual(s.receiveInterval, val(d, 'receiveInterval', 10));
    assert.deepEqual(s.transmitInterval, val(d, 'transmitInterval', 20));
    assert.deepEqual(s.detectMultiplier, val(d, 'detectMultiplier', 3));
    assert.deepEqual(s.echoInterval, val(d, 'echoInterval', 50));
    assert.deepEqual(s.echoMode, val(d, 'echoMode', true));
    assert.deepEqual(s.passiveMode, val(d, 'passiveMode', false));
    assert.deepEqual(s.minimumTtl, val(d, 'minimumTtl', 254));
  });

  it('reads IPAddressPool, BGPAdvertisement, L2Advertisement and Community', () => {
    const d = lines(
      'apiVersion: metallb.io/v1beta1',
      'kind: IPAddressPool',
      'spec:',
      '  addresses: [192.168.10.0/24, 10.0.0.1-10.0.0.9]',
      '  autoAssign: false',
      '---',
      'apiVersion: metallb.io/v1beta1',
      'kind: BGPAdvertisement',
      'spec:',
      '  peers: [peer1]',
      '  ipAddressPools: [pool1]',
      '  communities: [65535:65282, mycommunity]',
      '  aggregationLength: 32',
      '  localPref: 50',
      '  nodeSelectors: [{matchLabels: {a: b}}]',
      '---',
      'apiVersion: metallb.io/v1beta1',
      'kind: L2Advertisement',
      'spec:',
      '  ipAddressPools: [pool2]',
      '  interfaces: [eth0]',
      '---',
      'apiVersion: metallb.io/v1beta1',
      'kind: Community',
      'spec:',
      '  communities:',
      '  - name: mycommunity',
      '    value: 65535:65282',
    );
    const r = parseK8sYaml(d);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.objects.map((o) => [o.kind, o.docIndex]), [['IPAddressPool', 0], ['BGPAdvertisement', 1], ['L2Advertisement', 2], ['Community', 3]]);
    const [pool, adv, l2, com] = r.objects;
    assert.ok(pool?.kind === 'IPAddressPool' && adv?.kind === 'BGPAdvertisement' && l2?.kind === 'L2Advertisement' && com?.kind === 'Community');
    assert.deepEqual(pool.spec.addresses?.value, [
      { value: '192.168.10.0/24', range: at(d, '192.168.10.0/24') },
      { value: '10.0.0.1-10.0.0.9', range: at(d, '10.0.0.1-10.0.0.9') },
    ]);
    assert.equal(pool.spec.autoAssign?.value, false);
    assert.deepEqual(pool.docRange, { start: 0, end: at(d, '---').start });
    assert.deepEqual(adv.docRange, { start: at(d, '---').start, end: at(d, '---', 1).start });
    assert.deepEqual(adv.spec.peers?.value, [{ value: 'peer1', range: at(d, 'peer1') }]);
    assert.deepEqual(adv.spec.ipAddressPools?.value.map((v) => v.value), ['pool1']);
    assert.deepEqual(adv.spec.communities?.value.map((v) => [v.value, v.range]), [['65535:65282', at(d, '65535:65282')], ['mycommunity', at(d, 'mycommunity')]]);
    assert.equal(adv.spec.aggregationLength?.value, 32);
    assert.equal(adv.spec.localPref?.value, 50);
    assert.deepEqual(adv.spec.nodeSelectors?.value[0]?.matchLabels.map((l) => [l.key, l.value]), [['a', 'b']]);
    assert.deepEqual(l2.spec.ipAddressPools?.value.map((v) => v.value), ['pool2']);
    assert.deepEqual(l2.spec.interfaces?.value.map((v) => v.value), ['eth0']);
    const alias = com.spec.communities?.value[0];
    assert.deepEqual(alias?.name, { value: 'mycommunity', range: at(d, 'mycommunity', 1), keyRange: at(d, 'name') });
    assert.deepEqual(alias?.value, { value: '65535:65282', range: at(d, '65535:65282', 1), keyRange: at(d, 'value') });
  });

  it('reads the bgpextras ConfigMap and ignores other ConfigMaps', () => {
    const d = lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: bgpextras, namespace: metallb-system}',
      'data:',
      '  extras: |',
      '    router bgp 64512',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: config}',
      'data: {extras: x}',
    );
    const r = parseK8sYaml(d);
    assert.equal(r.objects.length, 1);
    const cm = r.objects[0];
    assert.ok(cm?.kind === 'ConfigMap');
    assert.equal(cm.extras?.value, 'router bgp 64512\n');
    assert.deepEqual(cm.extras?.keyRange, at(d, 'extras', 1));
    assert.equal(r.isK8s, true);
  });

  it('reads Node addresses and labels', () => {
    const d = lines('apiVersion: v1', 'kind: Node', 'metadata:', '  name: kind-worker', '  labels: {rack: r1}', 'status:', '  addresses:', '  - type: InternalIP', '    address: 172.18.0.3');
    const n = only(d, 'Node');
    assert.deepEqual(n.name, val(d, 'name', 'kind-worker'));
    assert.deepEqual(n.labels.map((l) => [l.key, l.value]), [['rack', 'r1']]);
    assert.deepEqual(n.addresses?.value, [{ range: { start: at(d, 'type').start, end: at(d, '172.18.0.3').end }, type: val(d, 'type', 'InternalIP'), address: val(d, 'address', '172.18.0.3') }]);
  });

  it('unpacks kind: List documents', () => {
    const d = lines('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: metallb.io/v1beta2', '  kind: BGPPeer', '  metadata: {name: a}', '- apiVersion: v1', '  kind: Service', '- apiVersion: metallb.io/v1beta1', '  kind: BFDProfile', '  metadata: {name: b}');
    const r = parseK8sYaml(d);
    assert.deepEqual(r.objects.map((o) => [o.kind, o.name?.value, o.listIndex, o.docIndex]), [['BGPPeer', 'a', 0, 0], ['BFDProfile', 'b', 2, 0]]);
    assert.deepEqual(r.objects[0]?.range, { start: at(d, 'apiVersion: metallb.io/v1beta2').start, end: at(d, '{name: a}').end });
  });
});

describe('parseK8sYaml: streams, errors and other YAML', () => {
  it('ignores other kinds and non-Kubernetes YAML quietly', () => {
    const d = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: x}', '---', 'foo: bar', '---', '- a', '---', 'just text');
    const r = parseK8sYaml(d);
    assert.deepEqual(r.objects, []);
    assert.deepEqual(r.errors, []);
    assert.equal(r.isK8s, true);
    const plain = parseK8sYaml('name: value\nlist: [1, 2]\n');
    assert.deepEqual(plain, { objects: [], errors: [], isK8s: false });
    assert.deepEqual(parseK8sYaml(''), { objects: [], errors: [], isK8s: false });
  });

  it('reports YAML syntax errors with codes and ranges, and still reads the objects', () => {
    const d = lines('apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec:', '  myASN: 1', '  peerASN: [2', '---', 'apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec: {myASN: 3}');
    const r = parseK8sYaml(d);
    assert.ok(r.errors.length > 0);
    for (const e of r.errors) {
      assert.equal(e.code, 'yaml-syntax');
      assert.equal(e.severity, 'error');
      assert.ok(typeof e.yamlCode === 'string');
      assert.ok(e.range.start >= 0 && e.range.end <= d.length && e.range.start <= e.range.end);
    }
    assert.deepEqual(r.objects.map((o) => [o.kind, o.hasErrors]), [['BGPPeer', true], ['BGPPeer', false]]);
    const second = r.objects[1];
    assert.ok(second?.kind === 'BGPPeer');
    assert.equal(second.spec.myASN?.value, 3);
  });

  it('reports a duplicate key at the repeated key and keeps the last value', () => {
    const d = lines('apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec:', '  myASN: 1', '  myASN: 2');
    const r = parseK8sYaml(d);
    assert.deepEqual(r.errors, [{ code: 'yaml-duplicate-key', message: 'duplicate key "myASN"', range: at(d, 'myASN', 1), severity: 'error' }]);
    const p = r.objects[0];
    assert.ok(p?.kind === 'BGPPeer');
    assert.deepEqual(p.spec.myASN, { value: 2, range: { start: d.length - 2, end: d.length - 1 }, keyRange: at(d, 'myASN', 1) });
  });

  it('reads CRLF text with exact ranges', () => {
    const d = 'apiVersion: metallb.io/v1beta2\r\nkind: BGPPeer\r\nspec:\r\n  myASN: 64512\r\n  holdTime: 9s\r\n';
    const p = only(d, 'BGPPeer');
    assert.deepEqual(p.spec.myASN, { value: 64512, range: at(d, '64512'), keyRange: at(d, 'myASN') });
    assert.deepEqual(p.spec.holdTime?.range, at(d, '9s'));
  });

  it('survives deep nesting without throwing', () => {
    const deep = 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const r = parseK8sYaml(deep);
    assert.ok(r.errors.length > 0);
    const deepBlock = Array.from({ length: 400 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n';
    const r2 = parseK8sYaml('apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nspec:\n' + deepBlock.replace(/^/gm, '  '));
    assert.ok(r2.errors.some((e) => e.code === 'yaml-too-deep'));
    assert.equal(r2.objects.length, 1);
  });
});

describe('generic tree: collection flags', () => {
  it('tells block, flow, tagged and anchored mappings and sequences apart', () => {
    const text = [
      'apiVersion: metallb.io/v1beta2',
      'kind: BGPPeer',
      'metadata: {name: p, labels: {a: b}}',
      'spec:',
      '  block: {}',
      '  nested:',
      '    k: v',
      '  list:',
      '  - x',
      '  flowList: [1, 2]',
      '  tagged: !!map',
      '    k: v',
      '  anchored: &a',
      '    - y',
      '',
    ].join('\n');
    const r = parseK8sYaml(text);
    const root = r.objects[0]!.node;
    const flags = (path: (string | number)[]): unknown => {
      const n = nodeAt(root, path)!;
      assert.ok(n.kind === 'map' || n.kind === 'seq', path.join('.'));
      return { kind: n.kind, flow: n.flow, tag: n.tag, anchor: n.anchor, truncated: n.truncated, range: text.slice(n.range.start, n.range.end).split('\n')[0] };
    };
    assert.deepEqual(flags(['metadata']), { kind: 'map', flow: true, tag: undefined, anchor: undefined, truncated: undefined, range: '{name: p, labels: {a: b}}' });
    assert.deepEqual(flags(['spec', 'nested']), { kind: 'map', flow: false, tag: undefined, anchor: undefined, truncated: undefined, range: 'k: v' });
    assert.deepEqual(flags(['spec', 'list']), { kind: 'seq', flow: false, tag: undefined, anchor: undefined, truncated: undefined, range: '- x' });
    assert.deepEqual(flags(['spec', 'flowList']), { kind: 'seq', flow: true, tag: undefined, anchor: undefined, truncated: undefined, range: '[1, 2]' });
    assert.deepEqual(flags(['spec', 'tagged']), { kind: 'map', flow: false, tag: 'tag:yaml.org,2002:map', anchor: undefined, truncated: undefined, range: 'k: v' });
    assert.deepEqual(flags(['spec', 'anchored']), { kind: 'seq', flow: false, tag: undefined, anchor: 'a', truncated: undefined, range: '- y' });
  });
});
