import type { FrrParseError } from './errors';
import { FRR_PARSE_ERRORS } from './errors';
import type { FrrBlock, FrrBlockKind, FrrLine, FrrToken, FrrTree, FrrWord } from './syntax';

/**
 * Parses frr.conf text into lines and FRR's block model. Never throws; time is linear in the input.
 *
 * Indentation is cosmetic to FRR (`cmd_make_strvec` strips it), so it is never used for structure.
 * Only lines whose first non-blank character is `!` or `#` are comments.
 */
export function parseFrr(text: string): FrrTree {
  const lines = splitLines(text);
  const errors: FrrParseError[] = [];
  const root: FrrBlock = { kind: 'root', children: [], lines: [], range: { start: 0, end: text.length } };
  const blockOfLine: FrrBlock[] = new Array(lines.length);
  let current = root;

  // Pops blocks until `target` is the innermost open block.
  const popTo = (target: FrrBlock): void => {
    while (current !== target && current.parent) current = current.parent;
  };

  for (const line of lines) {
    if (line.kind !== 'command') {
      current.lines.push(line);
      blockOfLine[line.index] = current;
      extend(current, line);
      continue;
    }
    const w = line.words.map((x) => x.text);
    const first = w[0]!;

    // Closers.
    const closerKinds = CLOSERS[first];
    if (closerKinds !== undefined && w.length === 1) {
      if (first === 'end') {
        blockOfLine[line.index] = current;
        current.lines.push(line);
        extend(current, line);
        popTo(root);
        continue;
      }
      if (first === 'exit') {
        if (current === root) {
          root.lines.push(line);
          blockOfLine[line.index] = root;
          continue;
        }
        current.closer = line;
        blockOfLine[line.index] = current;
        extend(current, line);
        current = current.parent ?? root;
        continue;
      }
      // exit-address-family, exit-vrf, exit-vni, exit-link-params: close the nearest matching block.
      let b: FrrBlock | undefined = current;
      while (b && !closerKinds.includes(b.kind)) b = b.parent;
      if (!b) {
        errors.push({
          code: 'stray-closer',
          message: `"${first}" with no open ${closerKinds.join(' or ')} block`,
          range: { start: line.words[0]!.start, end: line.words[0]!.end },
        });
        current.lines.push(line);
        blockOfLine[line.index] = current;
        extend(current, line);
        continue;
      }
      popTo(b);
      b.closer = line;
      blockOfLine[line.index] = b;
      extend(b, line);
      current = b.parent ?? root;
      continue;
    }

    // Openers: the innermost block where this line opens a child wins (FRR tries the current node,
    // then walks up to its parents).
    let opened = false;
    for (let b: FrrBlock | undefined = current; b; b = b.parent) {
      if (isCommandOf(b.kind, w)) break; // a command of this node, not an opener
      const kind = openerKind(b.kind, w);
      if (kind) {
        popTo(b);
        const child: FrrBlock = {
          kind,
          opener: line,
          parent: b,
          children: [],
          lines: [],
          range: { start: line.start, end: line.end },
        };
        b.children.push(child);
        extend(b, line);
        current = child;
        blockOfLine[line.index] = child;
        opened = true;
        if (kind === 'router-bgp') checkRouterBgpAsn(line, errors);
        break;
      }
    }
    if (opened) continue;

    if (first === 'address-family' && !withinKind(current, ['router-bgp', 'address-family', 'vni', 'other'])) {
      errors.push({
        code: 'misplaced-address-family',
        message: '"address-family" outside a router bgp block',
        range: { start: line.words[0]!.start, end: line.words[w.length - 1]!.end },
      });
    }
    if (current !== root && isTopLevelOnly(w) && !(current.kind === 'vrf' && isVrfCommand(w))) popTo(root);
    current.lines.push(line);
    blockOfLine[line.index] = current;
    extend(current, line);
  }
  root.range = { start: 0, end: text.length };
  return { text, lines, root, errors, blockOfLine };
}

/** Extends a block and its ancestors so that their range covers `line`. */
function extend(block: FrrBlock, line: FrrLine): void {
  for (let b: FrrBlock | undefined = block; b && b.kind !== 'root'; b = b.parent) {
    if (b.range.end < line.end) b.range = { start: b.range.start, end: line.end };
  }
}

function withinKind(block: FrrBlock, kinds: FrrBlockKind[]): boolean {
  for (let b: FrrBlock | undefined = block; b; b = b.parent) if (kinds.includes(b.kind)) return true;
  return false;
}

const CLOSERS: Record<string, FrrBlockKind[]> = {
  exit: [],
  end: [],
  'exit-address-family': ['address-family'],
  'exit-vrf': ['vrf'],
  'exit-vni': ['vni'],
  'exit-link-params': ['link-params'],
  'exit-vnc': ['bgp-other'],
  'exit-vrf-policy': ['bgp-other'],
};

/** Lines that look like openers but are plain commands in that node. */
function isCommandOf(kind: FrrBlockKind, w: string[]): boolean {
  // In a BFD peer node, `profile NAME` selects the peer's profile; it does not open a profile block.
  if (kind === 'bfd-peer' && w[0] === 'profile') return true;
  return false;
}

/** The kind of block `w` opens when it appears directly in a block of kind `parent`, if any. */
function openerKind(parent: FrrBlockKind, w: string[]): FrrBlockKind | undefined {
  const [a, b] = w;
  switch (parent) {
    case 'root':
      if (a === 'router') return b === 'bgp' ? 'router-bgp' : w.length >= 2 ? 'router-other' : undefined;
      if (a === 'interface' && w.length >= 2) return 'interface';
      if (a === 'vrf' && w.length === 2) return 'vrf';
      if (a === 'bfd' && w.length === 1) return 'bfd';
      if (a === 'route-map' && w.length >= 3) return 'route-map';
      if (ROOT_OTHER_OPENERS.some((p) => startsWith(w, p))) return 'other';
      return undefined;
    case 'router-bgp':
      if (a === 'address-family' && w.length >= 2) return 'address-family';
      if (BGP_OTHER_OPENERS.some((p) => startsWith(w, p))) return 'bgp-other';
      return undefined;
    case 'address-family':
      if (a === 'vni' && w.length === 2) return 'vni';
      return undefined;
    case 'interface':
      if (a === 'link-params' && w.length === 1) return 'link-params';
      return undefined;
    case 'bfd':
      if (a === 'peer' && w.length >= 2) return 'bfd-peer';
      if (a === 'profile' && w.length === 2) return 'bfd-profile';
      return undefined;
    case 'other':
      if (OTHER_NESTED_OPENERS.some((p) => startsWith(w, p))) return 'other';
      return undefined;
    default:
      return undefined;
  }
}

const ROOT_OTHER_OPENERS: string[][] = [
  ['line'],
  ['key', 'chain'],
  ['mpls', 'ldp'],
  ['segment-routing'],
  ['nexthop-group'],
  ['pbr-map'],
  ['l2vpn'],
  ['rpki'],
  ['srv6'],
  ['affinity-map'],
];

const BGP_OTHER_OPENERS: string[][] = [
  ['bmp', 'targets'],
  ['vnc', 'defaults'],
  ['vnc', 'nve-group'],
  ['vnc', 'l2-group'],
  ['vrf-policy'],
  ['segment-routing', 'srv6'],
];

/** Openers nested inside generic blocks (key chains, LDP, segment routing, l2vpn). */
const OTHER_NESTED_OPENERS: string[][] = [
  ['key'],
  ['address-family'],
  ['interface'],
  ['traffic-eng'],
  ['segment-list'],
  ['policy'],
  ['pcep'],
  ['pce-config'],
  ['pce'],
  ['pcc'],
  ['srv6'],
  ['locators'],
  ['locator'],
  ['member', 'pseudowire'],
  ['rpki', 'cache'],
];

function startsWith(w: string[], prefix: string[]): boolean {
  if (w.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (w[i] !== prefix[i]) return false;
  return true;
}

/** Commands that exist only at the top level: FRR runs them there even without a preceding `exit`. */
function isTopLevelOnly(w: string[]): boolean {
  const [a, b] = w;
  switch (a) {
    case 'hostname':
    case 'frr':
    case 'log':
    case 'service':
    case 'debug':
    case 'agentx':
    case 'access-list':
    case 'enable':
      return true;
    case 'ip':
    case 'ipv6':
      return b === 'prefix-list' || b === 'route' || b === 'forwarding' || b === 'as-path';
    case 'bgp':
      return (
        b === 'community-list' ||
        b === 'extcommunity-list' ||
        b === 'large-community-list' ||
        (b === 'as-path' && w[2] === 'access-list')
      );
    default:
      return false;
  }
}

function isVrfCommand(w: string[]): boolean {
  return (w[0] === 'ip' || w[0] === 'ipv6') && w[1] === 'route';
}

const ASN_RE = /^(?:\d+|\d+\.\d+)$/;

function checkRouterBgpAsn(line: FrrLine, errors: FrrParseError[]): void {
  const asn = line.words[2];
  if (!asn) return; // `router bgp` without an AS number refers to the only instance.
  if (!ASN_RE.test(asn.text) || !isValidAsn(asn.text)) {
    errors.push({
      code: 'router-bgp-asn',
      message: `"${asn.text}" is not a valid AS number`,
      range: { start: asn.start, end: asn.end },
    });
  }
}

/** True for a plain (1-4294967295) or asdot (1-65535.0-65535) AS number. */
export function isValidAsn(text: string): boolean {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 4294967295 && text.length <= 10;
  }
  const m = /^(\d+)\.(\d+)$/.exec(text);
  if (!m) return false;
  const hi = Number(m[1]);
  const lo = Number(m[2]);
  return m[1]!.length <= 5 && m[2]!.length <= 5 && hi <= 65535 && lo <= 65535 && hi * 65536 + lo >= 1;
}

/** Parses a plain or asdot AS number to its 32-bit value, or undefined. */
export function asnValue(text: string): number | undefined {
  if (!isValidAsn(text)) return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(text);
  return m ? Number(m[1]) * 65536 + Number(m[2]) : Number(text);
}

/** Splits text into lines and words. Handles a BOM, CRLF, lone CR, tabs and a missing final newline. */
export function splitLines(text: string): FrrLine[] {
  const lines: FrrLine[] = [];
  let pos = 0;
  const n = text.length;
  let index = 0;
  if (n === 0) return [{ index: 0, start: 0, contentStart: 0, contentEnd: 0, end: 0, kind: 'blank', words: [] }];
  for (;;) {
    const start = pos;
    let i = pos;
    if (index === 0 && text.charCodeAt(0) === 0xfeff) i = 1;
    // Find the end of content.
    let contentEnd = i;
    while (contentEnd < n) {
      const c = text.charCodeAt(contentEnd);
      if (c === 10 || c === 13) break;
      contentEnd++;
    }
    let end = contentEnd;
    if (end < n) {
      if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end += 2;
      else end += 1;
    }
    // Words.
    const words: FrrWord[] = [];
    let j = i;
    while (j < contentEnd) {
      while (j < contentEnd && isBlank(text.charCodeAt(j))) j++;
      if (j >= contentEnd) break;
      const ws = j;
      while (j < contentEnd && !isBlank(text.charCodeAt(j))) j++;
      words.push({ text: text.slice(ws, j), start: ws, end: j });
    }
    let contentStart = i;
    while (contentStart < contentEnd && isBlank(text.charCodeAt(contentStart))) contentStart++;
    let trimmedEnd = contentEnd;
    while (trimmedEnd > contentStart && isBlank(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
    const firstChar = text[contentStart];
    const kind = words.length === 0 ? 'blank' : firstChar === '!' || firstChar === '#' ? 'comment' : 'command';
    lines.push({
      index,
      start,
      contentStart,
      contentEnd: trimmedEnd,
      end,
      kind,
      words: kind === 'command' ? words : [],
    });
    index++;
    pos = end;
    if (pos >= n) break;
  }
  // A text ending with a terminator has a final empty line, as editors show it.
  if (n > 0 && lineEndsWithTerminator(text, n)) {
    lines.push({ index, start: n, contentStart: n, contentEnd: n, end: n, kind: 'blank', words: [] });
  }
  return lines;
}

function lineEndsWithTerminator(text: string, n: number): boolean {
  const c = text.charCodeAt(n - 1);
  return c === 10 || c === 13;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** The lexical tokens of a tree, in order; their texts joined give back the input exactly. */
export function frrTokens(tree: FrrTree): FrrToken[] {
  const out: FrrToken[] = [];
  const { text } = tree;
  for (const line of tree.lines) {
    let p = line.start;
    if (line.index === 0 && text.charCodeAt(0) === 0xfeff) {
      out.push({ kind: 'bom', start: 0, end: 1 });
      p = 1;
    }
    // Content region [p, rawContentEnd).
    let rawEnd = line.end;
    while (rawEnd > p && (text.charCodeAt(rawEnd - 1) === 10 || text.charCodeAt(rawEnd - 1) === 13)) rawEnd--;
    if (line.kind === 'comment') {
      if (line.contentStart > p) out.push({ kind: 'whitespace', start: p, end: line.contentStart });
      out.push({ kind: 'comment', start: line.contentStart, end: rawEnd });
    } else {
      let q = p;
      for (const w of line.words) {
        if (w.start > q) out.push({ kind: 'whitespace', start: q, end: w.start });
        out.push({ kind: 'word', start: w.start, end: w.end });
        q = w.end;
      }
      if (rawEnd > q) out.push({ kind: 'whitespace', start: q, end: rawEnd });
    }
    if (line.end > rawEnd) out.push({ kind: 'newline', start: rawEnd, end: line.end });
  }
  return out;
}

export { FRR_PARSE_ERRORS };
