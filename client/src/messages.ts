// What the commands tell the user when a grlint request fails. No vscode import: unit-tested in node.

/** JSON-RPC error codes the commands tell apart (vscode-jsonrpc `ErrorCodes`). */
export const METHOD_NOT_FOUND = -32601;
export const CONNECTION_INACTIVE = -32096;

/** The notification text for a failed custom request `method` (e.g. `grlint/sessions`). */
export function requestFailureMessage(method: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === METHOD_NOT_FOUND) return `grlint: this grlint language server does not implement ${method} yet; update grlint.`;
  if (code === CONNECTION_INACTIVE) return 'grlint: the language server is not running; see the "grlint" output for why.';
  return `grlint: ${method} failed: ${error instanceof Error ? error.message : String(error)}`;
}
