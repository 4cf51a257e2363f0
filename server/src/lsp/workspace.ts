/**
 * The language server's view of the workspace: open buffers plus the files on disk that grlint reads,
 * a parse cache keyed by uri and version (or disk text), the configuration, and the latest lint result.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GrlintConfig } from '../core/config';
import { DEFAULT_CONFIG, parseConfig } from '../core/config';
import type { SeveritySetting } from '../core/finding';
import type { LintResult } from '../core/lint';
import { configFindings, lint } from '../core/lint';
import type { ParsedFile } from '../core/project';
import { classifyFile } from '../core/project';
import { lineIndexOf, reparseFile } from '../core/reparse';
import { RULES } from '../core/rules';
import { LineIndex } from '../core/text/line-index';
import { discoverFiles, findConfig } from '../io/files';

/** Settings from the editor (`grlint.*`); `.grlint.yaml` wins where it says something. */
export interface EditorSettings {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly restartBudgetSeconds?: number;
  readonly frrVersion?: string;
  readonly metallb: { readonly mode?: 'frr' | 'frr-k8s' | 'native' | 'auto'; readonly namespace?: string };
  /** Topology hints, shaped like `topology` in `.grlint.yaml`. */
  readonly topology?: { readonly routers?: readonly { files: readonly string[]; addresses: readonly string[] }[]; readonly nodes?: readonly { name: string; addresses: readonly string[]; labels?: Record<string, string> }[] };
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, rules: {}, metallb: {} };

/** One analysed file: its text as linted and its line index. */
export interface Snapshot {
  readonly uri: string;
  readonly text: string;
  /** The open document's version, or null for a file read from disk. */
  readonly version: number | null;
  readonly index: LineIndex;
}

interface CacheEntry {
  /** `v<version>:<languageId>` for an open document, `d` for a file read from disk. */
  readonly key: string;
  /** The text parsed (compared by identity first, so an unchanged file costs no hashing). */
  readonly text: string;
  readonly parsed: ParsedFile;
  readonly snapshot: Snapshot;
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}

export class Workspace {
  private folders: string[] = [];
  /** Files on disk grlint reads (uri → text). */
  private readonly disk = new Map<string, string>();
  private readonly open = new Map<string, TextDocument>();
  private readonly cache = new Map<string, CacheEntry>();
  private settings: EditorSettings = DEFAULT_SETTINGS;
  private configUri: string | undefined;
  /** The config file's text and line index, made when it is read (its findings' offsets refer to it). */
  private configSnapshot: Snapshot | undefined;
  private result: LintResult | undefined;
  private snapshots = new Map<string, Snapshot>();
  /** GRL902 findings of the config file. */
  configErrors: ReturnType<typeof configFindings> = [];
  config: GrlintConfig = DEFAULT_CONFIG;

  constructor(private readonly log: (msg: string) => void) {}

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  setFolders(folderPaths: readonly string[]): void {
    this.folders = [...folderPaths];
    this.rescan();
  }

  /** Re-reads the list of files on disk and the config. */
  rescan(): void {
    this.disk.clear();
    if (this.folders.length) {
      const { files } = discoverFiles(this.folders, this.folders[0]!);
      for (const f of files) {
        try {
          this.disk.set(pathToUri(f), readFileSync(f, 'utf8'));
        } catch (e) {
          this.log(`cannot read ${f}: ${String(e)}`);
        }
      }
    }
    this.loadConfig();
    this.invalidate();
  }

  /** A file on disk was created, changed or deleted. */
  diskChanged(uri: string, deleted: boolean): void {
    const path = uriToPath(uri);
    if (!path) return;
    if (/\.grlint\.ya?ml$/.test(path)) {
      this.loadConfig();
      this.invalidate();
      return;
    }
    if (deleted) this.disk.delete(uri);
    else {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        this.disk.delete(uri);
        this.invalidate();
        return;
      }
      if (!this.inFolders(path) || classifyFile(path, text) === undefined) return;
      this.disk.set(uri, text);
    }
    this.invalidate();
  }

  private inFolders(path: string): boolean {
    return this.folders.some((f) => {
      const r = relative(f, path);
      return r !== '' && !r.startsWith('..') && !r.split(sep).some((p) => p === 'node_modules' || p === '.git');
    });
  }

  setSettings(s: EditorSettings): void {
    this.settings = s;
    this.loadConfig();
    this.invalidate();
  }

  get enabled(): boolean {
    return this.settings.enable;
  }

  private loadConfig(): void {
    const path = this.folders.length ? findConfig(this.folders[0]!) : undefined;
    this.configUri = path ? pathToUri(path) : undefined;
    this.configSnapshot = undefined;
    this.configErrors = [];
    let base: GrlintConfig = DEFAULT_CONFIG;
    if (path) {
      try {
        const text = readFileSync(path, 'utf8');
        this.configSnapshot = { uri: this.configUri!, text, version: null, index: new LineIndex(text) };
        const parsed = parseConfig(text, RULES);
        base = parsed.config;
        this.configErrors = configFindings(this.configUri!, parsed.errors);
      } catch (e) {
        this.log(`cannot read ${path}: ${String(e)}`);
      }
    }
    // Editor settings fill what the file does not say.
    const s = this.settings;
    const rules: Record<string, { severity?: SeveritySetting; options?: Record<string, number | string | boolean> }> = {};
    for (const [code, sev] of Object.entries(s.rules)) rules[code] = { severity: sev };
    if (s.restartBudgetSeconds !== undefined) rules['GR105'] = { ...(rules['GR105'] ?? {}), options: { restartBudgetSeconds: s.restartBudgetSeconds } };
    for (const [code, rc] of Object.entries(base.rules)) rules[code] = { ...(rules[code] ?? {}), ...rc, options: { ...(rules[code]?.options ?? {}), ...(rc.options ?? {}) } };
    const mode = base.metallb.mode ?? (s.metallb.mode === 'auto' ? undefined : s.metallb.mode);
    const hinted = base.topology.routers.length + base.topology.nodes.length > 0;
    this.config = {
      ...base,
      topology: hinted ? base.topology : { routers: [...(s.topology?.routers ?? [])], nodes: [...(s.topology?.nodes ?? [])] },
      rules,
      ...(base.frrVersion ?? s.frrVersion ? { frrVersion: base.frrVersion ?? s.frrVersion } : {}),
      metallb: {
        ...(mode ? { mode } : {}),
        namespace: path && this.configSnapshot && /namespace:/.test(this.configSnapshot.text) ? base.metallb.namespace : (s.metallb.namespace ?? base.metallb.namespace),
      },
    };
  }

  didOpen(doc: TextDocument): void {
    this.open.set(doc.uri, doc);
    this.invalidate();
  }

  didChange(doc: TextDocument): void {
    this.open.set(doc.uri, doc);
    this.invalidate();
  }

  didClose(uri: string): void {
    this.open.delete(uri);
    this.invalidate();
  }

  private invalidate(): void {
    this.result = undefined;
  }

  /** Whether grlint reads this document (frr, or YAML/JSON; the lint decides if it holds objects it knows). */
  handles(uri: string, languageId?: string): boolean {
    const doc = this.open.get(uri);
    return classifyFile(uri, doc?.getText() ?? this.disk.get(uri) ?? '', languageId ?? doc?.languageId) !== undefined;
  }

  /** Lints the whole workspace (open buffers win over disk), reusing parses of unchanged files. */
  lint(): LintResult {
    if (this.result) return this.result;
    const snapshots = new Map<string, Snapshot>();
    const parsed: ParsedFile[] = [];
    const uris = new Set<string>([...this.disk.keys(), ...this.open.keys()]);
    for (const uri of uris) {
      const doc = this.open.get(uri);
      const text = doc ? doc.getText() : this.disk.get(uri)!;
      const languageId = doc?.languageId;
      if (classifyFile(uri, text, languageId) === undefined) continue;
      const key = doc ? `v${doc.version}:${languageId}` : 'd';
      let entry = this.cache.get(uri);
      if (!entry || entry.key !== key || entry.text !== text) {
        // A new version of a file parsed before reuses that parse (an frr.conf re-splits only the edited lines).
        const parsed = reparseFile(entry?.parsed, { uri, text, ...(doc ? { version: doc.version, languageId: doc.languageId } : {}) });
        const snapshot: Snapshot = { uri, text, version: doc ? doc.version : null, index: lineIndexOf(parsed) };
        entry = { key, text, parsed, snapshot };
        this.cache.set(uri, entry);
      }
      parsed.push(entry.parsed);
      snapshots.set(uri, entry.snapshot);
    }
    for (const k of this.cache.keys()) if (!uris.has(k)) this.cache.delete(k);
    const cfgDir = this.configUri ? dirname(uriToPath(this.configUri)!) : this.folders[0];
    const relPath = (uri: string): string => {
      const p = uriToPath(uri);
      return p && cfgDir ? relative(cfgDir, p).split(sep).join('/') : uri;
    };
    this.result = lint(parsed, { config: this.config, relPath });
    if (this.configSnapshot) {
      snapshots.set(this.configSnapshot.uri, this.configSnapshot);
    }
    this.snapshots = snapshots;
    return this.result;
  }

  /** The text a finding's offsets refer to (as linted). */
  snapshot(uri: string): Snapshot | undefined {
    if (!this.result) this.lint();
    return this.snapshots.get(uri);
  }

  /** Every uri that has (or may need cleared) diagnostics. */
  knownUris(): string[] {
    if (!this.result) this.lint();
    return [...this.snapshots.keys()];
  }

  openDocument(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  get configFileUri(): string | undefined {
    return this.configUri;
  }
}

