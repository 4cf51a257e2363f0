/** Runs the CLI in-process over a temporary workspace. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../server/src/cli/run';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Creates a temp folder with the given files (name → text) and returns its path. */
export function workspace(files: ReadonlyMap<string, string> | Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'grlint-test-'));
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  for (const [name, text] of entries) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

export function read(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** Runs `grlint args...` with `cwd`; `stdin` is what the process would read. */
export async function cli(cwd: string, args: readonly string[], opts: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    env: opts.env ?? {},
    stdout: { write: (s) => void (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s) => void (stderr += s) },
    readStdin: async () => opts.stdin ?? '',
  });
  return { code, stdout, stderr };
}
