import * as os from 'node:os';

/**
 * Node flags the language server runs with: the VS Code client passes them when it starts the server,
 * `grlint lsp` re-starts itself with them, and `npm run bench:lsp` starts the server with them.
 *
 * `--max-semi-space-size=32` (MB; Node 20's default is 16): every edit re-parses and re-lints the
 * edited document, and the previous version's parse, model and findings die at the next edit. With the
 * default young generation about every second edit ran a scavenge that copied the live version, and
 * objects surviving two scavenges were promoted and later paid for by full collections; with 32 MB most
 * versions die young. Measured on `npm run bench:lsp` (docs/performance.md): server CPU per edit p50
 * about a third lower. The cost is up to 3 x 16 MB more young-generation memory, committed only when used.
 *
 * `--expose-gc`: lets the server collect the young generation between edits when the next edit would
 * otherwise do it in the middle of its work (`idle-gc.ts`).
 *
 * `--v8-pool-size=N` (Node's default is 4): V8's background threads, which compile hot functions and
 * help the garbage collector, are kept to one fewer than the CPUs (at least one, at most four), so that
 * the server's main thread, which does the edit's work, keeps a CPU. The first edits after a large file
 * is opened make V8 compile the incremental paths; with four compiling threads on a 2-CPU machine the
 * main thread got about half of a CPU (wall time twice its CPU time) during those edits. Measured on
 * `npm run bench:lsp` (docs/performance.md).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--expose-gc', `--v8-pool-size=${backgroundThreads(cpuCount())}`];

/** V8's background threads for `cpus` CPUs: one CPU left to the main thread, at least one, at most Node's default of four. */
export function backgroundThreads(cpus: number): number {
  return Math.max(1, Math.min(4, Math.floor(cpus) - 1));
}

/** The CPUs this process may use (`availableParallelism` where the Node running the client has it). */
function cpuCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
