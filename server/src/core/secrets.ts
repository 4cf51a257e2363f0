/**
 * Masks password values in a line of source text before it is shown anywhere (CLI snippets, hovers,
 * rendered configs). Matches `password VALUE` (frr.conf: neighbor, top-level, enable password) and
 * `password: VALUE` / `"password": VALUE` (YAML, JSON), not `passwordSecret`.
 */
export function redactSecrets(line: string): string {
  return line.replace(/(\bpassword\b["']?\s*[:=]?\s*)(\S.*?)(\s*)$/i, (_m, head: string, value: string, tail: string) => {
    return head + '*'.repeat(Math.max(8, Math.min(value.length, 8))) + tail;
  });
}
