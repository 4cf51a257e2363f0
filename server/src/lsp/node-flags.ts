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
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--expose-gc'];
