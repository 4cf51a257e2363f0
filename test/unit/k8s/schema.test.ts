import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CRD_SCHEMAS, kindSchema, knownVersions, nearestName, schemaAt, type FieldSchema } from '../../../server/src/core/k8s/schema';
import { CORPUS } from './corpus';

const CRD_FILES = [
  'metallb/config/crd/bases/metallb.io_bgppeers.yaml',
  'metallb/config/crd/bases/metallb.io_bfdprofiles.yaml',
  'metallb/config/crd/bases/metallb.io_ipaddresspools.yaml',
  'metallb/config/crd/bases/metallb.io_bgpadvertisements.yaml',
  'metallb/config/crd/bases/metallb.io_l2advertisements.yaml',
  'metallb/config/crd/bases/metallb.io_communities.yaml',
  'frr-k8s/config/crd/bases/frrk8s.metallb.io_frrconfigurations.yaml',
];

interface CrdNode {
  type?: string;
  format?: string;
  enum?: string[];
  allOf?: { enum?: string[] }[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  default?: unknown;
  required?: string[];
  properties?: Record<string, CrdNode>;
  items?: CrdNode;
  additionalProperties?: CrdNode;
  'x-kubernetes-validations'?: { rule: string; message: string }[];
}

// Every difference between the CRD's schema and ours, as readable lines.
function diff(crd: CrdNode, mine: FieldSchema | undefined, path: string, out: string[]): void {
  if (!mine) {
    out.push(`${path}: missing from the table`);
    return;
  }
  const eq = (what: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${what} is ${JSON.stringify(b)} in the table, ${JSON.stringify(a)} in the CRD`);
  };
  eq('type', crd.type, mine.type);
  if (mine.fromKubernetes) return; // ObjectMeta: the CRD only says `type: object`.
  if (mine.open) {
    eq('properties', crd.properties, undefined);
    return;
  }
  // controller-gen writes an enum shared by two markers as allOf: [{enum}, {enum}].
  const crdEnum = crd.enum ?? crd.allOf?.map((a) => a.enum ?? []).reduce((x, y) => x.filter((v) => y.includes(v)));
  eq('enum', crdEnum, mine.enum);
  eq('format', crd.format, mine.format);
  eq('minimum', crd.minimum, mine.minimum);
  eq('maximum', crd.maximum, mine.maximum);
  eq('minItems', crd.minItems, mine.minItems);
  eq('maxItems', crd.maxItems, mine.maxItems);
  eq('maxLength', crd.maxLength, mine.maxLength);
  eq('default', crd.default, mine.default);
  eq('required', crd.required, mine.required);
  eq('rules', crd['x-kubernetes-validations']?.map((r) => ({ rule: r.rule, message: r.message })), mine.rules);
  const crdProps = Object.keys(crd.properties ?? {}).sort();
  const myProps = Object.keys(mine.properties ?? {}).sort();
  if (crd.type === 'object' && !crd.additionalProperties) eq('fields', crdProps, myProps);
  for (const k of crdProps) diff(crd.properties![k]!, mine.properties?.[k], `${path}.${k}`, out);
  if (crd.items) diff(crd.items, mine.items, `${path}[]`, out);
  else eq('items', undefined, mine.items && 'present');
  if (crd.additionalProperties) diff(crd.additionalProperties, mine.additionalProperties, `${path}{}`, out);
  else eq('additionalProperties', undefined, mine.additionalProperties && 'present');
}

interface Crd {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; storage: boolean; deprecationWarning?: string; schema: { openAPIV3Schema: CrdNode } }[];
  };
}

const CRDS: Crd[] = CRD_FILES.map((f) => parse(readFileSync(join(CORPUS, f), 'utf8')) as Crd);

describe('CRD schema table', () => {
  for (const crd of CRDS) {
    for (const v of crd.spec.versions) {
      const id = `${crd.spec.group}/${v.name} ${crd.spec.names.kind}`;
      it(`matches the CRD for ${id} field by field`, () => {
        const k = kindSchema(`${crd.spec.group}/${v.name}`, crd.spec.names.kind);
        assert.ok(k, `${id} is in the table`);
        assert.equal(k.storage, v.storage);
        assert.equal(k.deprecationWarning, v.deprecationWarning);
        const out: string[] = [];
        diff(v.schema.openAPIV3Schema, k.schema, '', out);
        assert.deepEqual(out, []);
      });
    }
  }

  it('catches a changed range, a missing or extra field, a changed required list and a changed rule', () => {
    const crd = CRDS[0]!.spec.versions[1]!.schema.openAPIV3Schema;
    const mine = kindSchema('metallb.io/v1beta2', 'BGPPeer')!.schema;
    const edit = (f: (spec: Record<string, unknown>) => void): string[] => {
      const copy = JSON.parse(JSON.stringify(mine)) as { properties: { spec: Record<string, unknown> } };
      f(copy.properties.spec);
      const out: string[] = [];
      diff(crd, copy as unknown as FieldSchema, '', out);
      return out;
    };
    const props = (s: Record<string, unknown>) => s.properties as Record<string, Record<string, unknown>>;
    assert.deepEqual(edit(() => {}), []);
    assert.deepEqual(edit((s) => (props(s).peerPort!.maximum = 65535)), ['.spec.peerPort: maximum is 65535 in the table, 16384 in the CRD']);
    assert.equal(edit((s) => delete props(s).vrf).length, 2);
    assert.equal(edit((s) => (props(s).gracefulRestart = { type: 'boolean' })).length, 1);
    assert.equal(edit((s) => (s.required = ['myASN', 'peerASN'])).length, 1);
    assert.equal(edit((s) => ((props(s).enableGracefulRestart!.rules as { message: string }[])[0]!.message = 'x')).length, 1);
  });

  it('has exactly the kinds and versions of the CRDs', () => {
    const fromCrds = CRDS.flatMap((c) => c.spec.versions.map((v) => `${c.spec.group}/${v.name} ${c.spec.names.kind}`)).sort();
    assert.deepEqual(CRD_SCHEMAS.map((k) => `${k.group}/${k.version} ${k.kind}`).sort(), fromCrds);
  });

  it('finds the field schema at a path', () => {
    const peer = kindSchema('metallb.io/v1beta2', 'BGPPeer')!.schema;
    assert.deepEqual(schemaAt(peer, ['spec', 'peerPort']), { type: 'integer', default: 179, minimum: 1, maximum: 16384 });
    assert.equal(schemaAt(peer, ['spec', 'holdTime'])?.goDuration, true);
    assert.equal(schemaAt(peer, ['spec', 'nodeSelectors', 0, 'matchLabels', 'any-label'])?.type, 'string');
    assert.equal(schemaAt(peer, ['spec', 'enableGracefullRestart']), undefined);
    assert.equal(schemaAt(peer, ['status', 'anything']), undefined);
    assert.equal(schemaAt(peer, ['metadata', 'labels', 'x'])?.type, 'string');
    const frr = kindSchema('frrk8s.metallb.io/v1beta1', 'FRRConfiguration')!.schema;
    assert.deepEqual(schemaAt(frr, ['spec', 'bgp', 'routers', 3, 'neighbors', 0, 'sourceaddress']), { type: 'string' });
    assert.equal(schemaAt(frr, ['spec', 'bgp', 'routers', 0, 'neighbors', 0, 'sourceAddress']), undefined);
  });

  it('records the webhook one-of groups and the immutable field', () => {
    const spec = schemaAt(kindSchema('metallb.io/v1beta2', 'BGPPeer')!.schema, ['spec'])!;
    assert.deepEqual(spec.oneOf?.map((g) => [g.fields, g.rule]), [
      [['peerASN', 'dynamicASN'], 'exactly-one'],
      [['peerAddress', 'interface'], 'exactly-one'],
      [['password', 'passwordSecret'], 'at-most-one'],
    ]);
    assert.equal(spec.properties?.enableGracefulRestart?.immutable, 'EnableGracefulRestart cannot be changed after creation');
    const nb = schemaAt(kindSchema('frrk8s.metallb.io/v1beta1', 'FRRConfiguration')!.schema, ['spec', 'bgp', 'routers', 0, 'neighbors', 0])!;
    assert.deepEqual(nb.oneOf?.map((g) => g.fields), [['asn', 'dynamicASN'], ['address', 'interface'], ['password', 'passwordSecret']]);
    assert.equal(nb.properties?.enableGracefulRestart?.immutable, undefined);
  });

  it('knows which versions exist, to tell an unknown version from an unknown kind', () => {
    assert.deepEqual(knownVersions('metallb.io', 'BGPPeer'), ['v1beta1', 'v1beta2']);
    assert.deepEqual(knownVersions('metallb.io', 'Service'), []);
    assert.equal(kindSchema('metallb.io/v1beta3', 'BGPPeer'), undefined);
  });
});

describe('nearestName', () => {
  const peerFields = Object.keys(schemaAt(kindSchema('metallb.io/v1beta2', 'BGPPeer')!.schema, ['spec'])!.properties!);
  const cases: ReadonlyArray<readonly [string, string | undefined]> = [
    ['enableGracefullRestart', 'enableGracefulRestart'],
    ['enableGracefulRestrat', 'enableGracefulRestart'],
    ['peerAsn', 'peerASN'],
    ['holdtime', 'holdTime'],
    ['peerAdress', 'peerAddress'],
    ['keepAliveTime', 'keepaliveTime'],
    ['bfdprofile', 'bfdProfile'],
    ['vfr', 'vrf'],
    ['gracefulRestart', undefined],
    ['xyz', undefined],
  ];
  for (const [typo, want] of cases) {
    it(`suggests ${JSON.stringify(want)} for ${JSON.stringify(typo)}`, () => {
      assert.equal(nearestName(typo, peerFields), want);
    });
  }

  it('suggests the lowercase frr-k8s sourceaddress for sourceAddress', () => {
    const nb = schemaAt(kindSchema('frrk8s.metallb.io/v1beta1', 'FRRConfiguration')!.schema, ['spec', 'bgp', 'routers', 0, 'neighbors', 0])!;
    assert.equal(nearestName('sourceAddress', Object.keys(nb.properties!)), 'sourceaddress');
  });
});
