/**
 * The grlint language server: wires the core's lint, model and fixes onto an LSP connection.
 * Diagnostics are pushed for every file of the workspace grlint reads (open buffers and files on disk),
 * recomputed after any change, so that editing one end of a session updates the other end's file.
 */
import type { Connection, Diagnostic, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { CodeActionKind, CodeLensRefreshRequest, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { relative, sep } from 'node:path';
import type { Finding } from '../core/finding';
import type { ParsedFile } from '../core/project';
import { parseFile } from '../core/project';
import { renderReport } from '../core/report/render';
import { sessionsMarkdown } from '../core/report/sessions';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { complete } from './completion';
import { sameDiagnostics, toDiagnostic } from './convert';
import { collectWhenSent, IdleScavenger } from './idle-gc';
import { codeLenses, definition, documentSymbols, hover, lensInputs, sameLensInputs } from './features';
import type { EditorSettings, Snapshot } from './workspace';
import { DEFAULT_SETTINGS, uriToPath, Workspace } from './workspace';

/**
 * How long after an edit's diagnostics the other files' follow, if no change comes in meanwhile (ms):
 * shorter than a pause between keystrokes, longer than the time an editor takes to send the next change
 * of a burst (a paste, an undo, fast typing).
 */
export const OTHER_FILES_DELAY_MS = 50;

/** Starts the server on a connection (stdio, IPC, or a stream pair in tests). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string): void => connection.console.log(m);
  const ws = new Workspace(log);
  let supportsWatch = false;
  let supportsConfig = false;
  let supportsLensRefresh = false;
  /** What the code lens titles were made of after the last lint (see `lensInputs`). */
  let lastLenses: readonly unknown[] | undefined;
  /**
   * Last published diagnostics per uri, to publish only changes: a new version of an open document is
   * always answered (so that the client, and a benchmark, knows which version the diagnostics are for);
   * for a file whose version did not change, they are published again only when they differ as data
   * (`sameDiagnostics`).
   */
  const published = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
  let scheduled: NodeJS.Immediate | undefined;
  /** The pending publication of the files other than the edited ones (see `publish`). */
  let others: NodeJS.Timeout | undefined;
  const scavenger = IdleScavenger.fromProcess();
  const guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...a: A) => R) => (...a: A): R => {
    try {
      return fn(...a);
    } catch (e) {
      log(`grlint: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };

  /**
   * Converts the findings of `uri` and publishes them when they are new to the client (see `published`).
   * `snapOf` gives the text the findings' offsets refer to (that of the lint they come from).
   */
  const publishFile = (uri: string, findings: readonly Finding[] | undefined, snapOf: (u: string) => Snapshot | undefined, sent: Promise<void>[]): void => {
    const diags = findings ? findings.map((f) => toDiagnostic(f, snapOf)) : [];
    const version = documents.get(uri)?.version;
    const last = published.get(uri);
    // A file on disk with nothing to report is not published; an open document's version always is.
    if (!last && diags.length === 0 && version === undefined) return;
    if (last && last.version === version && sameDiagnostics(last.diagnostics, diags)) return;
    published.set(uri, { version, diagnostics: diags });
    // A failed write (the client is gone) is logged by the connection; it must not end the server here.
    sent.push(connection.sendDiagnostics({ uri, diagnostics: diags, ...(version !== undefined ? { version } : {}) }).catch(() => undefined));
    if (diags.length === 0 && version === undefined) published.delete(uri);
  };

  /**
   * Lints the workspace and publishes its diagnostics. The documents just edited come first: their
   * diagnostics are the ones the user waits for, and nothing else is converted before they are sent.
   * The other files' diagnostics and the code lens refresh follow once no change has come in for
   * OTHER_FILES_DELAY_MS: while the user types, each edit is answered without the work of the files they
   * do not look at, and those catch up from the latest lint when typing pauses.
   */
  const publish = guard('diagnostics', undefined, (): void => {
    scheduled = undefined;
    clearTimeout(others);
    others = undefined;
    const byUri = new Map<string, Finding[]>();
    if (ws.enabled) {
      const result = ws.lint();
      for (const ie of result.internalErrors) log(`grlint: internal error in ${ie.code}: ${ie.error instanceof Error ? (ie.error.stack ?? ie.error.message) : String(ie.error)}`);
      for (const f of [...result.findings, ...ws.configErrors]) {
        const list = byUri.get(f.loc.uri);
        if (list) list.push(f);
        else byUri.set(f.loc.uri, [f]);
      }
    }
    const uris = new Set([...ws.knownUris(), ...published.keys()]);
    const cfg = ws.configFileUri;
    if (cfg) uris.add(cfg);
    const snapOf = (u: string): Snapshot | undefined => ws.snapshot(u);
    const edited = (u: string): boolean => {
      const v = documents.get(u)?.version;
      return v !== undefined && published.get(u)?.version !== v;
    };
    const first = new Set([...uris].filter(edited));
    const rest = [...uris].filter((u) => !first.has(u));
    const sent: Promise<void>[] = [];
    for (const uri of first) publishFile(uri, byUri.get(uri), snapOf, sent);
    const finish = (): void => {
      others = undefined;
      for (const uri of rest) publishFile(uri, byUri.get(uri), snapOf, sent);
      // A change in one file can change the verdict shown above a neighbor or BGPPeer in another file,
      // which the editor does not know to ask for again.
      if (supportsLensRefresh && ws.enabled) {
        const lenses = lensInputs(ws);
        if (lastLenses !== undefined && !sameLensInputs(lenses, lastLenses)) void connection.sendRequest(CodeLensRefreshRequest.type);
        lastLenses = lenses;
      }
    };
    // The next lint cancels this one's, and a change waiting for its lint skips it: every change
    // schedules a lint, so while none is scheduled the lint above is the latest.
    if (first.size === 0) finish();
    else others = setTimeout(guard('diagnostics', undefined, () => scheduled === undefined && finish()), OTHER_FILES_DELAY_MS);
    // Once these diagnostics are written: collect the young generation if the next edit would (idle-gc.ts).
    collectWhenSent(scavenger, sent, () => scheduled !== undefined);
  });

  /** Coalesces bursts of changes into one lint, as soon as the event loop is free. */
  const schedule = (): void => {
    if (scheduled === undefined) scheduled = setImmediate(publish);
  };

  const parsedOf = (uri: string): ParsedFile | undefined => {
    const snap = ws.snapshot(uri);
    if (!snap) return undefined;
    const doc = documents.get(uri);
    return parseFile({ uri, text: snap.text, ...(doc ? { languageId: doc.languageId } : {}) });
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders.push(p);
    }
    supportsWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    supportsConfig = !!params.capabilities.workspace?.configuration;
    supportsLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    const init = params.initializationOptions as { settings?: Partial<EditorSettings> } | undefined;
    if (init?.settings) ws.setSettings({ ...DEFAULT_SETTINGS, ...init.settings });
    ws.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', ':'], resolveProvider: false },
        documentSymbolProvider: true,
        definitionProvider: true,
        executeCommandProvider: { commands: [] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'grlint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (supportsWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,conf,frr,json}' }, { globPattern: '**/frr.conf.*' }, { globPattern: '**/.grlint.{yaml,yml}' }],
      });
    }
    if (supportsConfig) void refreshSettings();
    schedule();
  });

  const refreshSettings = async (): Promise<void> => {
    try {
      const s = (await connection.workspace.getConfiguration('grlint')) as Partial<EditorSettings> | null;
      if (s) ws.setSettings({ ...DEFAULT_SETTINGS, ...s, rules: s.rules ?? {}, metallb: s.metallb ?? {} });
      schedule();
    } catch (e) {
      log(`grlint: cannot read settings: ${String(e)}`);
    }
  };
  connection.onDidChangeConfiguration(() => void refreshSettings());

  documents.onDidOpen((e) => {
    // The document's line table, which applying an incremental change needs, is built now rather than
    // by the first edit (for a 20,000-line file, 10-15 ms taken off the first edit's latency).
    void e.document.lineCount;
    ws.didOpen(e.document);
    schedule();
  });
  documents.onDidChangeContent((e) => {
    ws.didChange(e.document);
    schedule();
  });
  documents.onDidClose((e) => {
    ws.didClose(e.document.uri);
    schedule();
  });
  connection.onDidChangeWatchedFiles((p) => {
    for (const c of p.changes) ws.diskChanged(c.uri, c.type === FileChangeType.Deleted);
    schedule();
  });

  connection.onCodeAction(guard('codeAction', [], (params) => codeActions(params, ws)));
  connection.onHover(guard('hover', null, (params) => hover(ws, params.textDocument.uri, params.position, parsedOf(params.textDocument.uri))));
  connection.onCodeLens(guard('codeLens', [], (params) => codeLenses(ws, params.textDocument.uri)));
  connection.onDocumentSymbol(guard('documentSymbol', [], (params) => documentSymbols(ws, params.textDocument.uri, parsedOf(params.textDocument.uri))));
  connection.onCompletion(guard('completion', [], (params) => complete(parsedOf(params.textDocument.uri), ws.snapshot(params.textDocument.uri), params.position)));
  connection.onDefinition(
    guard('definition', [], (params) => {
      const all = ws.knownUris().map((u) => parsedOf(u)).filter((p): p is ParsedFile => !!p);
      return definition(ws, params.textDocument.uri, params.position, parsedOf(params.textDocument.uri), all);
    }),
  );

  connection.onRequest(
    'grlint/sessions',
    guard('sessions', null, (): string | null => {
      const result = ws.lint();
      if (result.model.sessions.length === 0 && result.model.pairing.length === 0) return null;
      const where = (loc: { uri: string; range: { start: number } }): string => {
        const snap = ws.snapshot(loc.uri);
        return `${workspaceRelative(loc.uri)}:${snap ? snap.index.positionAt(loc.range.start).line + 1 : 1}`;
      };
      return sessionsMarkdown(result.model, where);
    }),
  );
  connection.onRequest(
    'grlint/render',
    guard('render', null, (params: { uri?: string } | undefined): string | null => {
      const result = ws.lint();
      const where = (loc: { uri: string; range: { start: number } }): string => {
        const snap = ws.snapshot(loc.uri);
        return `${workspaceRelative(loc.uri)}:${snap ? snap.index.positionAt(loc.range.start).line + 1 : 1}`;
      };
      const uris = params?.uri ? [params.uri] : [...new Set(result.model.docs.filter((d) => d.kind === 'rendered').map((d) => d.uri))];
      const text = uris.map((u) => renderReport(result.model, u, where)).join('');
      return text || null;
    }),
  );

  /** A uri as a path relative to the first workspace folder, for reports. */
  function workspaceRelative(uri: string): string {
    const p = uriToPath(uri);
    const root = ws.folderPaths[0];
    if (!p || !root) return uri.split('/').pop() ?? uri;
    const rel = relative(root, p);
    return rel.startsWith('..') ? p : rel.split(sep).join('/');
  }

  documents.listen(connection);
  connection.listen();
}
