/**
 * A project is a set of source files. This module classifies and parses each file (cacheable per
 * uri@version), then builds the session model over all of them.
 */
import { analyzeFrr } from './frr';
import type { FrrConfigView } from './frr/views';
import { parseK8sYaml } from './k8s/parse';
import type {
  BFDProfileView,
  BGPExtrasView,
  BGPPeerView,
  FRRConfigurationView,
  K8sObject,
  K8sParseResult,
  LabelSelectorView,
  NodeView,
  TextVal,
} from './k8s/types';
import { normalizeAddress } from './model/address';
import { embeddedDoc, frrFileDoc } from './model/docs';
import { endsOf } from './model/effective';
import { NodeIndex, selectorIsEmpty, selectorMatches } from './model/node-index';
import { pairEnds } from './model/pairing';
import type { AppendedText, DecodedText, DecodeText } from './model/render';
import { objectAnchor, renderBgpPeer, renderFrrConfiguration } from './model/render';
import type { Effective, End, Model, ModelDoc, NodeSelection, PairingNote, Session } from './model/types';
import { decodeEmbedded } from './k8s/embedded';
import { flat } from './model/texts';

/** One input file. `uri` is opaque to the core (a path for the CLI, a URI for the LSP). */
export interface SourceFile {
  readonly uri: string;
  readonly text: string;
  readonly version?: number;
  /** The editor's language id, when known (`frr`, `yaml`). */
  readonly languageId?: string;
}

/** Embedded frr.conf text found in a YAML file. */
export interface EmbeddedFrr {
  readonly id: string;
  readonly value: TextVal;
  readonly decoded: DecodedText;
  readonly frr: FrrConfigView;
  readonly object: K8sObject;
  readonly field: 'spec.raw.rawConfig' | 'data.extras';
}

export type ParsedFile =
  | { readonly kind: 'frr'; readonly file: SourceFile; readonly frr: FrrConfigView }
  | { readonly kind: 'k8s'; readonly file: SourceFile; readonly k8s: K8sParseResult; readonly embedded: readonly EmbeddedFrr[] }
  | { readonly kind: 'other'; readonly file: SourceFile };

/** The kind of content a file holds, from its language id, name and (for `*.conf`) its first lines. */
export function classifyFile(uri: string, text: string, languageId?: string): 'frr' | 'yaml' | undefined {
  if (languageId === 'frr') return 'frr';
  const base = uri.split(/[\\/]/).pop() ?? uri;
  if (base === 'frr.conf' || base === 'bgpd.conf' || base.endsWith('.frr') || base.startsWith('frr.conf.')) return 'frr';
  if (languageId === 'yaml' || /\.ya?ml$/i.test(base)) return 'yaml';
  if (/\.conf$/i.test(base) && /^(?:router bgp|frr version)\b/m.test(text)) return 'frr';
  if (/\.json$/i.test(base) && /metallb\.io/.test(text)) return 'yaml';
  return undefined;
}

/** Parses one file. Never throws. */
export function parseFile(file: SourceFile): ParsedFile {
  const kind = classifyFile(file.uri, file.text, file.languageId);
  if (kind === 'frr') return { kind: 'frr', file, frr: analyzeFrr(file.text) };
  if (kind === 'yaml') {
    const k8s = parseK8sYaml(file.text);
    const embedded: EmbeddedFrr[] = [];
    for (const o of k8s.objects) {
      const value =
        o.kind === 'FRRConfiguration' ? o.spec.raw?.value.rawConfig : o.kind === 'ConfigMap' ? (o as BGPExtrasView).extras : undefined;
      if (!value) continue;
      const decoded = decodeText(file.text, value);
      if (!decoded) continue;
      embedded.push({
        id: `${file.uri}#${o.docIndex}${o.listIndex !== undefined ? `.${o.listIndex}` : ''}:${o.kind === 'ConfigMap' ? 'extras' : 'raw'}`,
        value,
        decoded,
        frr: analyzeFrr(decoded.text),
        object: o,
        field: o.kind === 'ConfigMap' ? 'data.extras' : 'spec.raw.rawConfig',
      });
    }
    return { kind: 'k8s', file, k8s, embedded };
  }
  return { kind: 'other', file };
}

function decodeText(host: string, value: TextVal): DecodedText | undefined {
  const e = decodeEmbedded(host, value.node);
  if (!e) return undefined;
  return {
    text: e.text,
    toHostOffset: (o) => e.toHostOffset(o),
    toHostRange: (r) => e.toHostRange(r),
    toHostEdit: (ed) => e.toHostEdit(ed),
  };
}

/** Addresses and labels of a node, from `.grlint.yaml` topology hints. */
export interface NodeHint {
  readonly name: string;
  readonly addresses: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
}

/** What the model needs from the configuration. */
export interface ModelOptions {
  /** FRR version configured for a file (from `.grlint.yaml` globs). */
  readonly frrVersionFor?: (uri: string) => string | undefined;
  /** MetalLB mode; undefined when not configured (then both bgpextras and raw configs apply). */
  readonly metallbMode?: 'frr' | 'frr-k8s' | 'native';
  /** Extra addresses of router files (topology hints), by file uri. */
  readonly routerAddressesFor?: (uri: string) => readonly string[];
  readonly nodes?: readonly NodeHint[];
}

/** Builds the session model of a project. Never throws on bad input. */
export function buildModel(files: readonly ParsedFile[], opts: ModelOptions = {}): Model {
  const docs: ModelDoc[] = [];
  const endLists: (readonly End[])[] = [];

  // Router files.
  for (const f of files) {
    if (f.kind !== 'frr') continue;
    const extra = (opts.routerAddressesFor?.(f.file.uri) ?? []).map((a) => normalizeAddress(a) ?? a);
    const version = opts.frrVersionFor?.(f.file.uri);
    const { doc, ends } = memo(f.frr, [f.file.uri, f.file.text, version, ...extra], () => {
      const d = frrFileDoc(f.file.uri, f.file.text, f.frr, versionOf(f.file.uri, f.frr, version));
      return { doc: d, ends: endsOf(d, { side: 'frr', extraAddresses: extra }) };
    });
    docs.push(doc);
    endLists.push(ends);
  }

  const cluster = clusterSide(files, opts);
  const { ends, sessions, notes } = paired(endLists, cluster.ends);
  return { docs: docs.concat(cluster.docs), ends, sessions, pairing: notes };
}

/**
 * The last pairing, with the lists of ends it paired (compared by identity). Ends are immutable and
 * pairing reads nothing else, so the same lists give the same sessions: a second build from the same
 * parse results (with the same options) does not pair again.
 */
let lastPairing: { readonly inputs: readonly (readonly End[])[]; readonly value: { ends: readonly End[]; sessions: Session[]; notes: PairingNote[] } } | undefined;

function paired(frrEndLists: readonly (readonly End[])[], clusterEnds: readonly End[]): { ends: readonly End[]; sessions: Session[]; notes: PairingNote[] } {
  const inputs = [...frrEndLists, clusterEnds];
  if (lastPairing && sameInputs(lastPairing.inputs, inputs)) return lastPairing.value;
  const frrEnds = frrEndLists.length === 1 ? frrEndLists[0]! : frrEndLists.flat();
  const { sessions, notes } = pairEnds(frrEnds, clusterEnds);
  const value = { ends: frrEnds.concat(clusterEnds), sessions, notes };
  lastPairing = { inputs, value };
  return value;
}

/** The FRR version of a document: its `frr version` line, else the one configured for its file. */
function versionOf(uri: string, frr: FrrConfigView | undefined, configured: string | undefined): Effective<string> | undefined {
  if (frr?.version) return { value: frr.version.value, origin: { kind: 'config', loc: { uri, range: frr.version.range }, scope: 'instance' } };
  return configured ? { value: configured, origin: { kind: 'default', detail: `.grlint.yaml frrVersion ${configured}` } } : undefined;
}

/** The documents and ends of the Kubernetes files: embedded frr.conf texts, renderings, cluster-side ends. */
interface ClusterSide {
  readonly docs: readonly ModelDoc[];
  readonly ends: readonly End[];
}

/**
 * The last cluster side built, with its inputs. The cluster side depends on the YAML files (their parse
 * results, compared by identity), the MetalLB mode, the node hints and the FRR version configured for
 * each YAML file, and on nothing in any frr.conf; so a re-lint after an edit of a router file returns
 * the same documents and ends. Ranges in them are offsets into YAML files that did not change.
 */
let lastCluster: { readonly inputs: readonly unknown[]; readonly value: ClusterSide } | undefined;

function clusterSide(files: readonly ParsedFile[], opts: ModelOptions): ClusterSide {
  const yaml = files.filter((f): f is Extract<ParsedFile, { kind: 'k8s' }> => f.kind === 'k8s');
  const versions = new Map(yaml.map((f) => [f.file.uri, opts.frrVersionFor?.(f.file.uri)]));
  const inputs: unknown[] = [opts.metallbMode, hintsOf(opts)];
  for (const f of yaml) inputs.push(f, versions.get(f.file.uri));
  if (lastCluster && sameInputs(lastCluster.inputs, inputs)) return lastCluster.value;
  const value = buildClusterSide(yaml, opts, (uri) => versions.get(uri));
  lastCluster = { inputs, value };
  return value;
}

function buildClusterSide(
  files: readonly Extract<ParsedFile, { kind: 'k8s' }>[],
  opts: ModelOptions,
  frrVersionFor: (uri: string) => string | undefined,
): ClusterSide {
  const docs: ModelDoc[] = [];
  const clusterEnds: End[] = [];

  // Kubernetes objects across all YAML files.
  const all: { uri: string; o: K8sObject }[] = [];
  for (const f of files) for (const o of f.k8s.objects) all.push({ uri: f.file.uri, o });
  const knownNodes = nodeIndexOf(all, hintsOf(opts));
  const bfdProfiles = all.filter((x): x is { uri: string; o: BFDProfileView } => x.o.kind === 'BFDProfile').map((x) => x.o);
  const extras = all.filter((x): x is { uri: string; o: BGPExtrasView } => x.o.kind === 'ConfigMap' && !!(x.o as BGPExtrasView).extras);
  const frrConfigs = all.filter((x): x is { uri: string; o: FRRConfigurationView } => x.o.kind === 'FRRConfiguration');

  for (const f of files) {
    for (const e of f.embedded) {
      docs.push(embeddedDoc(f.file.uri, e.id, e.decoded.text, e.frr, e.decoded, versionOf(f.file.uri, e.frr, frrVersionFor(f.file.uri))));
    }
  }

  // Texts that MetalLB / frr-k8s append to what they render, and the decoder for them.
  const decoders = new Map<TextVal, DecodedText | undefined>();
  for (const f of files) for (const e of f.embedded) decoders.set(e.value, e.decoded);
  const decode: DecodeText = (v) => decoders.get(v);
  // The FRRConfigurations with raw text, and the names of the nodes each selects (computed once each).
  const raws = frrConfigs.filter((x) => !!x.o.spec.raw?.value.rawConfig);
  const rawNodeNames = new Map<FRRConfigurationView, ReadonlySet<string>>();
  const namesSelectedBy = (o: FRRConfigurationView): ReadonlySet<string> => {
    let names = rawNodeNames.get(o);
    if (!names) rawNodeNames.set(o, (names = new Set(knownNodes.select([o.spec.nodeSelector?.value]).map((n) => n.name))));
    return names;
  };
  const rawFor = (selection: NodeSelection, self?: FRRConfigurationView): AppendedText[] => {
    if (opts.metallbMode === 'frr') return [];
    const out: { p: number; a: AppendedText }[] = [];
    for (const { uri, o } of raws) {
      const raw = o.spec.raw!.value.rawConfig!;
      const sel = o.spec.nodeSelector?.value;
      const covers = o === self || selectorIsEmpty(sel) || (knownNodes.nodes.length > 0 && coversNodes(namesSelectedBy(o), selection));
      if (!covers) continue;
      out.push({ p: o.spec.raw?.value.priority?.value ?? 0, a: { value: raw, detail: `spec.raw.rawConfig of FRRConfiguration ${nameOf(o)}`, uri } });
    }
    return out.sort((x, y) => x.p - y.p).map((x) => x.a);
  };
  const extrasFor = (): AppendedText[] =>
    opts.metallbMode === 'frr-k8s' ? [] : extras.map((x) => ({ value: x.o.extras!, detail: `data.extras of ConfigMap ${nameOf(x.o)}`, uri: x.uri }));

  // Renderings of objects that differ only in what the text does not show (YAML ranges, names in notes)
  // have the same text, and so the same parse tree: one tree per text (trees are immutable and hold no
  // document; what is per document, such as instances and ends, is kept by the document).
  const trees = new Map<string, { text: string; frr: FrrConfigView }>();
  const analyzeRendered = (text: string): { text: string; frr: FrrConfigView } => {
    let t = trees.get(text);
    if (!t) trees.set(text, (t = { text, frr: analyzeFrr(text) }));
    return t;
  };

  for (const { uri, o } of all) {
    if (o.kind === 'BGPPeer') {
      const selection = selectionOf(o.spec.nodeSelectors?.value ?? NO_SELECTORS, o.spec.nodeSelectors?.value ?? [], knownNodes);
      const appended = [...extrasFor(), ...rawFor(selection)];
      const version = frrVersionFor(uri);
      const rendered = memo(o, [uri, version, ...bfdProfiles, ...appendedInputs(appended, decode)], () => {
        const r = renderBgpPeer(uri, o, bfdProfiles, appended, decode);
        const { text, frr } = analyzeRendered(r.builder.text);
        const id = flat(`${uri}#BGPPeer/${o.namespace?.value ?? ''}/${o.name?.value ?? o.docIndex}`);
        const info = objectInfo(uri, o);
        const doc = r.builder.toDoc(id, text, frr, versionOf(uri, undefined, version), info);
        // Not the builder: its text pieces would stay in memory as long as the parse result.
        return { neighbors: r.neighbors, doc, ends: endsOf(doc, { side: 'metallb' }), info };
      });
      docs.push(rendered.doc);
      // The cluster-side end, kept with the rendering for the same node selection.
      const ends = memo(rendered, [selection], () => {
        const { neighbors, ends } = rendered;
        const first = ends.find((e) => e.label === `neighbor ${neighbors[0]?.target}`) ?? ends[0];
        if (!first) return [];
        const who = flat(`BGPPeer ${nameOf(o)}`);
        return [
          {
            ...first,
            label: who,
            speaker: who,
            decl: rendered.info.loc,
            localAddresses: [],
            nodes: selection,
            object: rendered.info,
          },
        ];
      });
      clusterEnds.push(...ends);
    } else if (o.kind === 'FRRConfiguration') {
      const selector = o.spec.nodeSelector?.value;
      const selection = selectionOf(selector ?? NO_SELECTORS, selector ? [selector] : [], knownNodes);
      const appended = rawFor(selection, o);
      const version = frrVersionFor(uri);
      const rendered = memo(o, [uri, version, ...appendedInputs(appended, decode)], () => {
        const r = renderFrrConfiguration(uri, o, appended, decode);
        const { text, frr } = analyzeRendered(r.builder.text);
        const id = flat(`${uri}#FRRConfiguration/${o.namespace?.value ?? ''}/${o.name?.value ?? o.docIndex}`);
        const info = objectInfo(uri, o);
        const doc = r.builder.toDoc(id, text, frr, versionOf(uri, undefined, version), info);
        return { neighbors: r.neighbors, doc, ends: endsOf(doc, { side: 'frrk8s' }), info };
      });
      docs.push(rendered.doc);
      const ends = memo(rendered, [selection], () => {
        const out: End[] = [];
        const who = flat(`FRRConfiguration ${nameOf(o)}`);
        for (const n of rendered.neighbors) {
          const e = rendered.ends.find((x) => x.label === `neighbor ${n.target}`);
          if (!e) continue;
          out.push({
            ...e,
            label: flat(`${who} neighbor ${n.target}`),
            speaker: who,
            decl: { uri, range: n.decl },
            localAddresses: [],
            nodes: selection,
            object: rendered.info,
          });
        }
        return out;
      });
      clusterEnds.push(...ends);
    }
  }
  return { docs, ends: clusterEnds };
}

/**
 * Model documents and their ends, memoized per parse result (a file's FrrConfigView, a Kubernetes object's
 * view) and the other inputs they are built from, compared by identity. Parse results are immutable and
 * the language server keeps them for unchanged files, so a re-lint after an edit renders, analyses and
 * lowers only what the edit can affect. Entries go away with the parse results (WeakMap).
 */
const MEMO = new WeakMap<object, { readonly inputs: readonly unknown[]; readonly value: unknown }>();

function memo<T>(key: object, inputs: readonly unknown[], build: () => T): T {
  const hit = MEMO.get(key);
  if (hit && sameInputs(hit.inputs, inputs)) return hit.value as T;
  const value = build();
  MEMO.set(key, { inputs, value });
  return value;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What an appended text contributes to a rendering: the scalar, its label and file, and its decoding. */
function appendedInputs(appended: readonly AppendedText[], decode: DecodeText): unknown[] {
  return appended.flatMap((a) => [a.value, a.detail, a.uri, decode(a.value)]);
}

function nameOf(o: { name?: { value: string } }): string {
  return o.name ? `"${o.name.value}"` : '(unnamed)';
}

function objectInfo(uri: string, o: K8sObject): NonNullable<End['object']> {
  return { kind: o.kind, name: o.name?.value, namespace: o.namespace?.value, loc: { uri, range: objectAnchor(o) } };
}

interface KnownNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly addresses: readonly string[];
}

function nodeInventory(views: readonly NodeView[], hints: readonly NodeHint[]): KnownNode[] {
  const out = new Map<string, KnownNode>();
  for (const v of views) {
    const name = v.name?.value;
    if (!name) continue;
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name };
    for (const l of v.labels) labels[l.key] = l.value;
    const addresses = (v.addresses?.value ?? [])
      .filter((a) => a.type?.value === 'InternalIP' || a.type?.value === 'ExternalIP')
      .map((a) => normalizeAddress(a.address?.value ?? ''))
      .filter((a): a is string => !!a);
    out.set(name, { name, labels, addresses });
  }
  for (const h of hints) {
    const prev = out.get(h.name);
    const labels = { 'kubernetes.io/hostname': h.name, ...(prev?.labels ?? {}), ...(h.labels ?? {}) };
    const addresses = [...new Set([...(prev?.addresses ?? []), ...h.addresses.map((a) => normalizeAddress(a) ?? a)])];
    out.set(h.name, { name: h.name, labels, addresses });
  }
  return [...out.values()];
}

/** Kubernetes label-selector semantics (matchLabels AND matchExpressions). */
export { selectorMatches };

const NO_HINTS: readonly NodeHint[] = [];

/** The node hints of the options; no hints and an empty list are the same input. */
function hintsOf(opts: ModelOptions): readonly NodeHint[] {
  return opts.nodes && opts.nodes.length > 0 ? opts.nodes : NO_HINTS;
}

/**
 * The known nodes (Node objects and topology hints), indexed for selection. Kept for the Node views and
 * hints it was built from (compared by identity), so that the selections computed through it, and the
 * cluster-side ends kept with them, stay the same objects across re-lints that do not change them.
 */
let lastNodes: { readonly inputs: readonly unknown[]; readonly index: NodeIndex<KnownNode> } | undefined;

function nodeIndexOf(all: readonly { o: K8sObject }[], hints: readonly NodeHint[]): NodeIndex<KnownNode> {
  const views = all.filter((x): x is { o: NodeView } => x.o.kind === 'Node').map((x) => x.o);
  const inputs = [hints, ...views];
  if (lastNodes && sameInputs(lastNodes.inputs, inputs)) return lastNodes.index;
  const index = new NodeIndex(nodeInventory(views, hints));
  lastNodes = { inputs, index };
  return index;
}

/** The selections made through each node index, by the selector list (part of a parse result) they come from. */
const SELECTIONS = new WeakMap<NodeIndex<KnownNode>, WeakMap<object, NodeSelection>>();
/** The key of the selection of an object without selectors. */
const NO_SELECTORS = {};

/**
 * The nodes selected by `selectors`, whose parse result `key` is (the selector list, or the one selector):
 * the same object for the same key and node index.
 */
function selectionOf(key: object, selectors: readonly LabelSelectorView[], nodes: NodeIndex<KnownNode>): NodeSelection {
  let byKey = SELECTIONS.get(nodes);
  if (!byKey) SELECTIONS.set(nodes, (byKey = new WeakMap()));
  let sel = byKey.get(key);
  if (!sel) byKey.set(key, (sel = computeSelection(selectors, nodes)));
  return sel;
}

function computeSelection(selectors: readonly LabelSelectorView[], nodes: NodeIndex<KnownNode>): NodeSelection {
  const all = selectors.length === 0 || selectors.every(selectorIsEmpty);
  if (nodes.nodes.length === 0) return { all, addresses: undefined, names: undefined };
  const selected = nodes.select(selectors);
  return { all, addresses: selected.flatMap((n) => n.addresses), names: selected.map((n) => n.name) };
}

/** True when the nodes named `names` include every node of `selection` (known selections only). */
function coversNodes(names: ReadonlySet<string>, selection: NodeSelection): boolean {
  if (!selection.names) return false;
  return selection.names.every((n) => names.has(n));
}

export type { BGPPeerView };
