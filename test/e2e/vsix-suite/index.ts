// Entry point of the packaged-extension check (test/e2e/vsix.mjs): the same runner, the installed .vsix.
import { runMocha } from '../suite/index';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
