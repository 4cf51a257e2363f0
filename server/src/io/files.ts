/** File-system IO shared by the CLI and the language server: discovery, config lookup, git base texts, atomic writes. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { classifyFile } from '../core/project';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** Expands paths (files and folders, recursively) into the files grlint reads, sorted. */
export function discoverFiles(paths: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const out = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else if (st.isFile() && st.size < 16 * 1024 * 1024 && wanted(p)) out.add(p);
    }
  };
  for (const raw of paths) {
    const p = resolve(cwd, raw);
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(raw);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.add(p);
  }
  return { files: [...out].sort(), missing };
}

/** Whether a file found in a folder is one grlint reads (by name; `*.conf` and `*.json` by content). */
function wanted(path: string): boolean {
  const base = path.split(sep).pop() ?? path;
  if (/\.ya?ml$/i.test(base) || base === 'frr.conf' || base === 'bgpd.conf' || base.endsWith('.frr') || base.startsWith('frr.conf.')) {
    return !base.startsWith('.grlint.');
  }
  if (/\.(conf|json)$/i.test(base)) {
    try {
      const head = readFileSync(path, 'utf8').slice(0, 65536);
      return classifyFile(path, head) !== undefined;
    } catch {
      return false;
    }
  }
  return false;
}

/** The nearest `.grlint.yaml` (or `.grlint.yml`) in `dir` or its ancestors. */
export function findConfig(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    for (const n of ['.grlint.yaml', '.grlint.yml']) {
      const p = join(d, n);
      if (existsSync(p)) return p;
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** The deepest folder that contains all `paths` (for config discovery). */
export function commonDir(paths: readonly string[]): string {
  if (paths.length === 0) return process.cwd();
  const split = paths.map((p) => dirname(resolve(p)).split(sep));
  const first = split[0]!;
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && i < s.length && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/**
 * Texts of `files` at git revision `rev`, for those inside a git work tree and present at that revision.
 * Returns undefined when no file is in a work tree (GR113 stays silent then).
 */
export function gitBaseTexts(files: readonly string[], rev: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const tops = new Map<string, string | null>();
  let inTree = false;
  for (const f of files) {
    const dir = dirname(f);
    let top = tops.get(dir);
    if (top === undefined) {
      try {
        top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        top = null;
      }
      tops.set(dir, top);
    }
    if (!top) continue;
    inTree = true;
    const rel = relative(top, f).split(sep).join('/');
    try {
      out.set(f, execFileSync('git', ['show', `${rev}:${rel}`], { cwd: top, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }));
    } catch {
      // Not present at that revision: a new object, nothing to compare.
    }
  }
  return inTree ? out : undefined;
}

/** Writes a file atomically (temp file in the same folder, then rename). */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.grlint-${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
