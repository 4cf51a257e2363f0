// Entry point of the `grlint` command (server/out/cli.js).
console.log('grlint: not implemented yet');
