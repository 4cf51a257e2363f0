/**
 * Test fixtures: a `source` tag that dedents template literals, and multi-file fixtures split by
 * `#- <path>` marker lines.
 */

/** Dedents a template literal by its smallest common indentation and drops the first empty line. */
export function source(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  text = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n');
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim().length > 0).map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join('\n');
}

/** Splits `#- name` marked sections into files (name → text). Text before the first marker is ignored. */
export function splitFixture(text: string): Map<string, string> {
  const files = new Map<string, string>();
  let name: string | undefined;
  let buf: string[] = [];
  const flush = (): void => {
    if (name !== undefined) files.set(name, buf.join('\n').replace(/\n*$/, '\n'));
  };
  for (const line of text.split('\n')) {
    const m = /^#- (\S+)\s*$/.exec(line);
    if (m) {
      flush();
      name = m[1];
      buf = [];
    } else if (name !== undefined) buf.push(line);
  }
  flush();
  return files;
}

/**
 * The BGPPeer `tor1` of the LSP and CLI tests: a speaker in AS 64513 with graceful restart, peering with
 * the router whose router-id is 192.0.2.1 (AS 64512).
 */
export const TOR1_PEER = source`
  apiVersion: metallb.io/v1beta2
  kind: BGPPeer
  metadata:
    name: tor1
    namespace: metallb-system
  spec:
    myASN: 64513
    peerASN: 64512
    peerAddress: 192.0.2.1
    enableGracefulRestart: true
`;
