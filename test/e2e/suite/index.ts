// The e2e suite's entry point: VS Code's extension host calls run() (extensionTestsPath) and reports its
// outcome to the runner (resolved: exit code 0, rejected: 1). Bundled to test/e2e/out/suite/ by test/e2e/build.mjs.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

/** Runs every `*.test.js` next to this file with mocha (TDD interface); GRLINT_E2E_GREP filters by title. */
export function run(): Promise<void> {
  return runMocha(__dirname);
}

/**
 * Runs the mocha test files of a folder; shared by the suites under test/e2e. Under test/e2e/run.mjs the
 * reporter's lines also go to the runner (hook `log`), in order, so the terminal shows the suite's output.
 */
export async function runMocha(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.GRLINT_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(folder, file));

  const hooks = process.env.GRLINT_E2E_HOOKS;
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  let sent: Promise<unknown> = Promise.resolve();
  if (hooks) {
    base.consoleLog = (...args: unknown[]) => {
      original(...args);
      const text = format(...args);
      sent = sent.then(() => fetch(`${hooks}/log`, { method: 'POST', body: JSON.stringify({ text }) }).catch(() => undefined));
    };
  }
  try {
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    await sent;
    if (failures > 0) throw new Error(`${failures} e2e test(s) failed`);
  } finally {
    base.consoleLog = original;
  }
}
