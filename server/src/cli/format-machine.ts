/** Machine-readable outputs: JSON (documented in docs/cli.md), SARIF 2.1.0, GitHub workflow commands. */
import type { Finding } from '../core/finding';
import type { Rule } from '../core/rules/define';
import { ruleDocUrl } from '../core/rules/define';
import { LineIndex } from '../core/text/line-index';
import type { Range } from '../core/text/range';

export interface MachineFormatOptions {
  readonly displayPath: (uri: string) => string;
  readonly textOf: (uri: string) => string | undefined;
  readonly version: string;
}

/** JSON output schema version. */
export const JSON_SCHEMA_VERSION = 1;

function regionOf(index: LineIndex, r: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const s = index.positionAt(r.start);
  const e = index.positionAt(r.end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function indexer(opts: MachineFormatOptions): (uri: string) => LineIndex {
  const cache = new Map<string, LineIndex>();
  return (uri) => {
    let i = cache.get(uri);
    if (!i) cache.set(uri, (i = new LineIndex(opts.textOf(uri) ?? '')));
    return i;
  };
}

/** `grlint --format json`. */
export function formatJson(findings: readonly Finding[], opts: MachineFormatOptions, filesChecked: number): string {
  const idx = indexer(opts);
  const loc = (uri: string, range: Range): { file: string } & ReturnType<typeof regionOf> => ({ file: opts.displayPath(uri), ...regionOf(idx(uri), range) });
  const data = {
    version: JSON_SCHEMA_VERSION,
    tool: { name: 'grlint', version: opts.version },
    findings: findings.map((f) => ({
      code: f.code,
      name: f.name,
      severity: f.severity,
      message: f.message,
      messageId: f.messageId,
      location: loc(f.loc.uri, f.loc.range),
      related: f.related.map((r) => ({ ...loc(r.loc.uri, r.loc.range), message: r.message })),
      fixes: f.fixes.map((x) => ({
        title: x.title,
        applicability: x.applicability,
        edits: x.edits.map((e) => ({ ...loc(e.uri, e.range), newText: e.newText })),
      })),
      helpUri: ruleDocUrl(f.code),
    })),
    summary: {
      files: filesChecked,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    },
  };
  return JSON.stringify(data, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** `grlint --format sarif`: SARIF 2.1.0 with rules, related locations and fixes. */
export function formatSarif(findings: readonly Finding[], rules: readonly Rule[], opts: MachineFormatOptions): string {
  const idx = indexer(opts);
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  const physical = (uri: string, range: Range): object => ({
    artifactLocation: { uri: encodeURI(opts.displayPath(uri)), uriBaseId: '%SRCROOT%' },
    region: regionOf(idx(uri), range),
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'grlint',
            version: opts.version,
            informationUri: 'https://github.com/grlint/grlint',
            rules: rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              helpUri: ruleDocUrl(r.code),
              defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : SARIF_LEVEL[r.defaultSeverity], enabled: r.defaultSeverity !== 'off' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: physical(f.loc.uri, f.loc.range) }],
          ...(f.related.length
            ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.loc.uri, r.loc.range), message: { text: r.message } })) }
            : {}),
          ...(f.fixes.length
            ? {
                fixes: f.fixes.map((x) => ({
                  description: { text: `${x.title} (${x.applicability})` },
                  artifactChanges: groupByUri(x.edits).map(([uri, edits]) => ({
                    artifactLocation: { uri: encodeURI(opts.displayPath(uri)), uriBaseId: '%SRCROOT%' },
                    replacements: edits.map((e) => ({ deletedRegion: regionOf(idx(uri), e.range), insertedContent: { text: e.newText } })),
                  })),
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function groupByUri<T extends { uri: string }>(edits: readonly T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const e of edits) {
    const l = m.get(e.uri) ?? [];
    l.push(e);
    m.set(e.uri, l);
  }
  return [...m];
}

/** GitHub Actions workflow commands (annotations). */
export function formatGithub(findings: readonly Finding[], opts: MachineFormatOptions): string {
  const idx = indexer(opts);
  const esc = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return findings
    .map((f) => {
      const r = regionOf(idx(f.loc.uri), f.loc.range);
      const cmd = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${prop(opts.displayPath(f.loc.uri))}`,
        `line=${r.startLine}`,
        `col=${r.startColumn}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${prop(`${f.code} ${f.name}`)}`,
      ].join(',');
      return `::${cmd} ${props}::${esc(f.message)}\n`;
    })
    .join('');
}
