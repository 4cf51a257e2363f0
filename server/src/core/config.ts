/**
 * `.grlint.yaml`: rule severities and options, FRR versions per file glob, MetalLB mode and namespace,
 * topology hints. Parsed here (pure); found and read by the CLI and the language server.
 */
import { minimatch } from 'minimatch';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { SeveritySetting } from './finding';
import type { NodeHint } from './project';
import type { Rule } from './rules/define';
import type { Range } from './text/range';

export interface RuleConfig {
  readonly severity?: SeveritySetting;
  readonly options?: Readonly<Record<string, number | string | boolean>>;
}

export interface GrlintConfig {
  readonly rules: Readonly<Record<string, RuleConfig>>;
  /** Default FRR version of every frr.conf without a `frr version` line. */
  readonly frrVersion?: string;
  readonly frrVersions: readonly { readonly files: readonly string[]; readonly version: string }[];
  readonly metallb: { readonly mode?: 'frr' | 'frr-k8s' | 'native'; readonly namespace: string };
  readonly topology: {
    readonly routers: readonly { readonly files: readonly string[]; readonly addresses: readonly string[] }[];
    readonly nodes: readonly NodeHint[];
  };
}

export interface ConfigError {
  readonly message: string;
  readonly range: Range;
}

export const DEFAULT_CONFIG: GrlintConfig = {
  rules: {},
  frrVersions: [],
  metallb: { namespace: 'metallb-system' },
  topology: { routers: [], nodes: [] },
};

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = ['rules', 'frrVersion', 'frrVersions', 'metallb', 'topology', 'restartBudgetSeconds'];

/**
 * Parses `.grlint.yaml` text. Unknown keys, rule codes and options, and values of the wrong type are
 * errors (GRL902); the returned config holds everything that was valid. Never throws.
 */
export function parseConfig(text: string, rules: readonly Rule[]): { config: GrlintConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  for (const e of doc.errors) errors.push({ message: `YAML syntax: ${e.message.split('\n')[0]}`, range: { start: e.pos[0], end: e.pos[1] } });
  const rangeOf = (n: unknown): Range => {
    const r = (n as { range?: [number, number, number] } | null)?.range;
    return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
  };
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const ruleCfg: Record<string, RuleConfig> = {};
  let frrVersion: string | undefined;
  const frrVersions: { files: string[]; version: string }[] = [];
  let mode: GrlintConfig['metallb']['mode'];
  let namespace = 'metallb-system';
  const routers: { files: string[]; addresses: string[] }[] = [];
  const nodes: NodeHint[] = [];

  const root = doc.contents;
  if (root === null || root === undefined) return { config: DEFAULT_CONFIG, errors };
  if (!isMap(root)) {
    errors.push({ message: 'the configuration must be a mapping', range: rangeOf(root) });
    return { config: DEFAULT_CONFIG, errors };
  }
  const str = (n: unknown, what: string): string | undefined => {
    if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value);
    errors.push({ message: `${what} must be a string`, range: rangeOf(n) });
    return undefined;
  };
  const strList = (n: unknown, what: string): string[] => {
    if (isScalar(n)) {
      const s = str(n, what);
      return s === undefined ? [] : [s];
    }
    if (isSeq(n)) return n.items.map((i) => str(i, what)).filter((s): s is string => s !== undefined);
    errors.push({ message: `${what} must be a string or a list of strings`, range: rangeOf(n) });
    return [];
  };
  const setOption = (code: string, name: string, valueNode: unknown, keyNode: unknown): void => {
    const rule = byCode.get(code)!;
    const spec = rule.options?.[name];
    if (!spec) {
      const known = Object.keys(rule.options ?? {});
      errors.push({
        message: `${code} has no option "${name}"${known.length ? ` (options: ${known.join(', ')})` : ''}`,
        range: rangeOf(keyNode),
      });
      return;
    }
    const v = isScalar(valueNode) ? valueNode.value : undefined;
    if (typeof v !== spec.type || (spec.type === 'number' && spec.minimum !== undefined && (v as number) < spec.minimum)) {
      errors.push({
        message: `option ${code}.${name} must be a ${spec.type}${spec.minimum !== undefined ? ` >= ${spec.minimum}` : ''}`,
        range: rangeOf(valueNode),
      });
      return;
    }
    const prev = ruleCfg[code] ?? {};
    ruleCfg[code] = { ...prev, options: { ...(prev.options ?? {}), [name]: v as number | string | boolean } };
  };

  for (const pair of root.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'rules': {
        if (!isMap(value)) {
          errors.push({ message: 'rules must be a mapping of rule code to severity', range: rangeOf(value) });
          break;
        }
        for (const rp of value.items as Pair<YamlNode, YamlNode>[]) {
          const code = isScalar(rp.key) ? String(rp.key.value) : '';
          if (!byCode.has(code)) {
            errors.push({ message: `unknown rule "${code}"${suggest(code, [...byCode.keys()])}`, range: rangeOf(rp.key) });
            continue;
          }
          const v = rp.value;
          if (isScalar(v)) {
            const sev = String(v.value);
            if (!SEVERITIES.includes(sev)) errors.push({ message: `severity of ${code} must be one of ${SEVERITIES.join(', ')}`, range: rangeOf(v) });
            else ruleCfg[code] = { ...(ruleCfg[code] ?? {}), severity: sev as SeveritySetting };
          } else if (isMap(v)) {
            for (const p of v.items as Pair<YamlNode, YamlNode>[]) {
              const k = isScalar(p.key) ? String(p.key.value) : '';
              if (k === 'severity') {
                const sev = isScalar(p.value) ? String(p.value.value) : '';
                if (!SEVERITIES.includes(sev)) errors.push({ message: `severity of ${code} must be one of ${SEVERITIES.join(', ')}`, range: rangeOf(p.value) });
                else ruleCfg[code] = { ...(ruleCfg[code] ?? {}), severity: sev as SeveritySetting };
              } else if (k === 'options') {
                if (!isMap(p.value)) errors.push({ message: `options of ${code} must be a mapping`, range: rangeOf(p.value) });
                else for (const op of p.value.items as Pair<YamlNode, YamlNode>[]) setOption(code, isScalar(op.key) ? String(op.key.value) : '', op.value, op.key);
              } else errors.push({ message: `unknown key "${k}" for rule ${code} (expected severity, options)`, range: rangeOf(p.key) });
            }
          } else errors.push({ message: `rule ${code} must be a severity or a mapping`, range: rangeOf(v) });
        }
        break;
      }
      case 'restartBudgetSeconds':
        if (byCode.has('GR105')) setOption('GR105', 'restartBudgetSeconds', value, pair.key);
        break;
      case 'frrVersion':
        frrVersion = str(value, 'frrVersion');
        break;
      case 'frrVersions':
        if (!isSeq(value)) {
          errors.push({ message: 'frrVersions must be a list of {files, version}', range: rangeOf(value) });
          break;
        }
        for (const item of value.items) {
          if (!isMap(item)) {
            errors.push({ message: 'each frrVersions entry must be a mapping with files and version', range: rangeOf(item) });
            continue;
          }
          const files = item.get('files', true);
          const version = item.get('version', true);
          if (!files || !version) {
            errors.push({ message: 'each frrVersions entry needs files and version', range: rangeOf(item) });
            continue;
          }
          const v = str(version, 'version');
          if (v !== undefined) frrVersions.push({ files: strList(files, 'files'), version: v });
        }
        break;
      case 'metallb':
        if (!isMap(value)) {
          errors.push({ message: 'metallb must be a mapping with mode and namespace', range: rangeOf(value) });
          break;
        }
        for (const p of value.items as Pair<YamlNode, YamlNode>[]) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          if (k === 'mode') {
            const m = str(p.value, 'metallb.mode');
            if (m === 'frr' || m === 'frr-k8s' || m === 'native') mode = m;
            else if (m !== undefined) errors.push({ message: 'metallb.mode must be one of frr-k8s, frr, native', range: rangeOf(p.value) });
          } else if (k === 'namespace') namespace = str(p.value, 'metallb.namespace') ?? namespace;
          else errors.push({ message: `unknown key "metallb.${k}" (expected mode, namespace)`, range: rangeOf(p.key) });
        }
        break;
      case 'topology':
        if (!isMap(value)) {
          errors.push({ message: 'topology must be a mapping with routers and nodes', range: rangeOf(value) });
          break;
        }
        for (const p of value.items as Pair<YamlNode, YamlNode>[]) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          if ((k !== 'routers' && k !== 'nodes') || !isSeq(p.value)) {
            errors.push({ message: `topology.${k || '?'} must be a list (topology has routers and nodes)`, range: rangeOf(p.key) });
            continue;
          }
          for (const item of p.value.items) {
            if (!isMap(item)) {
              errors.push({ message: `each topology.${k} entry must be a mapping`, range: rangeOf(item) });
              continue;
            }
            const addresses = item.get('addresses', true) ? strList(item.get('addresses', true), 'addresses') : [];
            if (k === 'routers') {
              const files = item.get('files', true);
              if (!files) errors.push({ message: 'each topology.routers entry needs files (a glob)', range: rangeOf(item) });
              else routers.push({ files: strList(files, 'files'), addresses });
            } else {
              const name = item.get('name', true);
              const n = name ? str(name, 'name') : undefined;
              if (!n) {
                errors.push({ message: 'each topology.nodes entry needs a name', range: rangeOf(item) });
                continue;
              }
              const labelsNode = item.get('labels', true);
              const labels: Record<string, string> = {};
              if (isMap(labelsNode)) for (const lp of labelsNode.items as Pair<YamlNode, YamlNode>[]) labels[String(isScalar(lp.key) ? lp.key.value : '')] = String(isScalar(lp.value) ? lp.value.value : '');
              nodes.push({ name: n, addresses, labels });
            }
          }
        }
        break;
      default:
        errors.push({ message: `unknown key "${key}"${suggest(key, TOP_KEYS)} (known: ${TOP_KEYS.join(', ')})`, range: rangeOf(pair.key) });
    }
  }
  return {
    config: {
      rules: ruleCfg,
      ...(frrVersion !== undefined ? { frrVersion } : {}),
      frrVersions,
      metallb: { ...(mode ? { mode } : {}), namespace },
      topology: { routers, nodes },
    },
    errors,
  };
}

/** True when `relPath` (forward slashes, relative to the config's folder) matches one of the globs. */
export function matchesAny(relPath: string, globs: readonly string[]): boolean {
  return globs.some((g) => minimatch(relPath, g, { dot: true, matchBase: !g.includes('/') }));
}

/** The FRR version configured for a file (first matching frrVersions entry, else frrVersion). */
export function frrVersionForPath(config: GrlintConfig, relPath: string): string | undefined {
  for (const e of config.frrVersions) if (matchesAny(relPath, e.files)) return e.version;
  return config.frrVersion;
}

/** Topology-hint addresses of a router file. */
export function routerAddressesForPath(config: GrlintConfig, relPath: string): string[] {
  return config.topology.routers.filter((r) => matchesAny(relPath, r.files)).flatMap((r) => r.addresses);
}

/** ` (did you mean "x"?)` when a close spelling exists. */
export function suggest(word: string, candidates: readonly string[]): string {
  const best = nearest(word, candidates);
  return best ? ` (did you mean "${best}"?)` : '';
}

/** The candidate with the smallest edit distance, if it is close enough (at most a third of the length). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD > 0 && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
