import type { Range } from '../text/range';
import { asnValue } from './parser';
import type { FrrBlock, FrrLine, FrrTree, FrrWord } from './syntax';

/** A value read from the text, with the range of the token(s) it came from. */
export interface Val<T> {
  readonly value: T;
  readonly range: Range;
}

/** A number token: `value` is undefined when the text is not a decimal number. */
export interface NumVal {
  readonly text: string;
  readonly value: number | undefined;
  readonly range: Range;
}

/** What every recognised statement carries: its line and whether it was written with `no`. */
export interface StatementBase {
  readonly line: FrrLine;
  /** The whole command, from its first to its last word. */
  readonly range: Range;
  readonly negated: boolean;
}

export type GrTimerName = 'restart-time' | 'stalepath-time' | 'select-defer-time' | 'rib-stale-time';

/** Instance-level (or BGP-wide) graceful-restart statements, in file order. */
export type GrStatement =
  | (StatementBase & { readonly kind: 'gr-mode'; readonly mode: 'restart' | 'disable' })
  | (StatementBase & { readonly kind: 'gr-timer'; readonly name: GrTimerName; readonly value: NumVal | undefined })
  | (StatementBase & { readonly kind: 'gr-preserve-fw-state' })
  | (StatementBase & { readonly kind: 'gr-notification' })
  | (StatementBase & { readonly kind: 'gr-disable-eor' })
  | (StatementBase & { readonly kind: 'llgr-stale-time'; readonly value: NumVal | undefined });

export type RemoteAs = number | 'internal' | 'external' | 'auto';

/** The command part of a `neighbor X ...` line. */
export type NeighborCommand =
  | { readonly kind: 'remote-as'; readonly value: Val<RemoteAs> | undefined; readonly asText: Val<string> | undefined; readonly interface: boolean }
  | { readonly kind: 'interface'; readonly v6only: boolean; readonly peerGroup?: Val<string> }
  | { readonly kind: 'peer-group-define' }
  | { readonly kind: 'peer-group'; readonly group: Val<string> | undefined }
  | { readonly kind: 'gr-mode'; readonly mode: 'restart' | 'helper' | 'disable' }
  | { readonly kind: 'timers'; readonly keepalive: NumVal | undefined; readonly hold: NumVal | undefined }
  | { readonly kind: 'timers-connect'; readonly value: NumVal | undefined }
  | { readonly kind: 'bfd' }
  | { readonly kind: 'bfd-profile'; readonly profile: Val<string> | undefined }
  | { readonly kind: 'bfd-check-control-plane-failure' }
  | { readonly kind: 'bfd-other' }
  | { readonly kind: 'update-source'; readonly source: Val<string> | undefined }
  | { readonly kind: 'password'; readonly valueRange: Range | undefined }
  | { readonly kind: 'other'; readonly words: readonly string[] };

export type NeighborTargetKind = 'ipv4' | 'ipv6' | 'word';

export interface NeighborStatement extends StatementBase {
  readonly kind: 'neighbor';
  readonly target: Val<string>;
  readonly targetKind: NeighborTargetKind;
  readonly command: NeighborCommand;
}

export interface TimersBgpStatement extends StatementBase {
  readonly kind: 'timers-bgp';
  readonly keepalive: NumVal | undefined;
  readonly hold: NumVal | undefined;
}

export interface ListenRangeStatement extends StatementBase {
  readonly kind: 'listen-range';
  readonly prefix: Val<string> | undefined;
  readonly peerGroup: Val<string> | undefined;
}

export interface RouterIdStatement extends StatementBase {
  readonly kind: 'router-id';
  readonly value: Val<string> | undefined;
}

export type BgpStatement = GrStatement | NeighborStatement | TimersBgpStatement | ListenRangeStatement | RouterIdStatement;

/** One `router bgp` block as written (blocks with the same ASN and VRF are merged by the model). */
export interface RouterBgpView {
  readonly block: FrrBlock;
  readonly opener: FrrLine;
  /** Undefined for `router bgp` without a number (it refers to the single instance). */
  readonly asn: Val<number> | undefined;
  readonly asnText: Val<string> | undefined;
  readonly vrf: Val<string> | undefined;
  readonly view: Val<string> | undefined;
  /** Every modelled statement of the block (also those inside address-family blocks), in order. */
  readonly statements: readonly BgpStatement[];
}

export interface InterfaceAddress {
  readonly family: 4 | 6;
  readonly address: string;
  readonly prefixLength: number | undefined;
  readonly range: Range;
  readonly line: FrrLine;
}

export interface InterfaceView {
  readonly block: FrrBlock;
  readonly name: Val<string>;
  readonly vrf: Val<string> | undefined;
  readonly addresses: readonly InterfaceAddress[];
}

export interface BfdProfileView {
  readonly block: FrrBlock;
  readonly name: Val<string>;
}

/** The structured view of one frr.conf: what grlint models, with ranges. */
export interface FrrConfigView {
  readonly tree: FrrTree;
  readonly version: Val<string> | undefined;
  /** `frr defaults traditional|datacenter|...`. */
  readonly defaults: Val<string> | undefined;
  readonly hostname: Val<string> | undefined;
  readonly routers: readonly RouterBgpView[];
  readonly interfaces: readonly InterfaceView[];
  readonly bfdProfiles: readonly BfdProfileView[];
  /** BGP-wide graceful-restart statements at the top level (FRR 10.2+). */
  readonly globalGr: readonly GrStatement[];
  /**
   * Ranges whose text must never be printed: password and key values anywhere in the file (see
   * `secretRange`), in line order. A range may cover more than the secret itself.
   */
  readonly sensitiveRanges: readonly Range[];
}

const IPV4_RE = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True when `s` is a dotted-quad IPv4 address. */
export function isIpv4(s: string): boolean {
  return IPV4_RE.test(s);
}

/** True when `s` is an IPv6 address in text form (RFC 4291 §2.2, optional `%zone`), as inet_pton reads it. */
export function isIpv6(s: string): boolean {
  const pct = s.indexOf('%');
  const base = pct >= 0 ? s.slice(0, pct) : s;
  if (pct >= 0 && pct === s.length - 1) return false;
  const halves = base.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] | undefined => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (i === all.length - 1 && g.includes('.')) {
      if (!isIpv4(g)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Builds the structured view of a parsed frr.conf. Never throws. */
export function viewFrr(tree: FrrTree, known?: { readonly noSecrets?: boolean }): FrrConfigView {
  const routers: RouterBgpView[] = [];
  const interfaces: InterfaceView[] = [];
  const bfdProfiles: BfdProfileView[] = [];
  const globalGr: GrStatement[] = [];
  const sensitiveRanges: Range[] = [];
  let version: Val<string> | undefined;
  let defaults: Val<string> | undefined;
  let hostname: Val<string> | undefined;

  const walk = (block: FrrBlock): void => {
    for (const child of block.children) {
      if (child.kind === 'router-bgp') routers.push(viewRouter(child));
      else if (child.kind === 'interface') interfaces.push(viewInterface(child));
      else if (child.kind === 'bfd') {
        for (const p of child.children) {
          if (p.kind === 'bfd-profile' && p.opener) {
            const w = p.opener.words[1]!;
            bfdProfiles.push({ block: p, name: { value: w.text, range: wordRange(w) } });
          }
        }
      }
    }
  };
  walk(tree.root);

  for (const line of tree.root.lines) {
    if (line.kind !== 'command') continue;
    // Only these top-level commands are modelled; most top-level lines (prefix lists) are none of them.
    const head = line.texts[0];
    if (head !== 'frr' && head !== 'hostname' && head !== 'bgp' && head !== 'no') continue;
    const w = line.words;
    const t = line.texts;
    if (t[0] === 'frr' && t[1] === 'version' && w[2]) version = { value: t.slice(2).join(' '), range: span(w[2], w[w.length - 1]!) };
    else if (t[0] === 'frr' && t[1] === 'defaults' && w[2]) defaults = { value: w[2].text, range: wordRange(w[2]) };
    else if (t[0] === 'hostname' && w[1]) hostname = { value: w[1].text, range: wordRange(w[1]) };
    else {
      const neg = t[0] === 'no';
      const gr = parseGrStatement(line, neg ? 1 : 0, neg);
      if (gr) globalGr.push(gr);
    }
  }
  // Every secret keyword contains one of these; a text without any of them has no secret.
  if (!known?.noSecrets && SECRET_HINT.test(tree.text)) {
    for (const line of tree.lines) {
      const r = secretRange(line);
      if (r) sensitiveRanges.push(r);
    }
  }
  return { tree, version, defaults, hostname, routers, interfaces, bfdProfiles, globalGr, sensitiveRanges };
}

function viewRouter(block: FrrBlock): RouterBgpView {
  // Secrets are collected for the whole file in viewFrr.
  const sensitive: Range[] = [];
  const opener = block.opener!;
  const w = opener.words;
  const asnWord = w[2];
  let asn: Val<number> | undefined;
  let asnText: Val<string> | undefined;
  let vrf: Val<string> | undefined;
  let view: Val<string> | undefined;
  if (asnWord) {
    asnText = { value: asnWord.text, range: wordRange(asnWord) };
    const v = asnValue(asnWord.text);
    if (v !== undefined) asn = { value: v, range: wordRange(asnWord) };
  }
  for (let i = 3; i + 1 < w.length; i++) {
    if (w[i]!.text === 'vrf') vrf = { value: w[i + 1]!.text, range: wordRange(w[i + 1]!) };
    if (w[i]!.text === 'view') view = { value: w[i + 1]!.text, range: wordRange(w[i + 1]!) };
  }
  const statements: BgpStatement[] = [];
  const visit = (b: FrrBlock): void => {
    // Lines and child blocks interleave; collect lines of this block and its address families in order.
    const items: { at: number; line?: FrrLine; block?: FrrBlock }[] = [];
    for (const l of b.lines) items.push({ at: l.start, line: l });
    for (const c of b.children) items.push({ at: c.range.start, block: c });
    items.sort((x, y) => x.at - y.at);
    for (const it of items) {
      if (it.line) {
        const s = parseBgpStatement(it.line, sensitive);
        if (s) statements.push(s);
      } else if (it.block && (it.block.kind === 'address-family' || it.block.kind === 'vni')) {
        visit(it.block);
      }
    }
  };
  visit(block);
  return { block, opener, asn, asnText, vrf, view, statements };
}

function viewInterface(block: FrrBlock): InterfaceView {
  const w = block.opener!.words;
  const name = { value: w[1]!.text, range: wordRange(w[1]!) };
  let vrf: Val<string> | undefined;
  if (w[2]?.text === 'vrf' && w[3]) vrf = { value: w[3].text, range: wordRange(w[3]) };
  const addresses: InterfaceAddress[] = [];
  for (const line of block.lines) {
    if (line.kind !== 'command') continue;
    const t = line.words.map((x) => x.text);
    if ((t[0] === 'ip' || t[0] === 'ipv6') && t[1] === 'address' && line.words[2]) {
      const word = line.words[2];
      const [addr, len] = word.text.split('/');
      const family = t[0] === 'ip' ? 4 : 6;
      if (addr && (family === 4 ? isIpv4(addr) : isIpv6(addr))) {
        addresses.push({
          family,
          address: addr,
          prefixLength: len !== undefined && /^\d+$/.test(len) ? Number(len) : undefined,
          range: wordRange(word),
          line,
        });
      }
    }
  }
  return { block, name, vrf, addresses };
}

/** Keywords whose next word starts a secret that runs to the end of the line. */
const SECRET_KEYWORDS: ReadonlySet<string> = new Set([
  'password', // password, enable password, neighbor X password (bgpd, ldpd), isis/openfabric password
  'secret',
  'area-password',
  'domain-password',
  'key-string',
  'authentication-key', // ip ospf authentication-key
  'message-digest-key', // ip ospf message-digest-key N md5 KEY (the range starts at the key id)
  'tcp-md5-auth', // pathd pce
]);

/** Matches every text that `secretRange` can find a secret in (each keyword and word it looks for). */
const SECRET_HINT = /password|secret|key|string|authentication|tcp-md5-auth/;

/**
 * True when `text`, a new version of the text `prev` was built from, may have a secret: false only when
 * `prev` had none and the lines of `text` around the edit (from the line before the first changed
 * character to the end of the line of the last one, at LF boundaries, which hold every line the edit can
 * touch) have no hint of one. The lines outside are the old lines, moved, with the same words.
 */
export function mayHaveSecretsAfterEdit(prev: FrrConfigView, text: string, changed: { readonly prefix: number; readonly suffix: number }): boolean {
  if (prev.sensitiveRanges.length > 0) return true;
  const p = changed.prefix;
  const lineStart = p > 0 ? text.lastIndexOf('\n', p - 1) : -1;
  const from = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 1) + 1 : 0;
  const lineEnd = text.indexOf('\n', text.length - changed.suffix);
  const to = lineEnd < 0 ? text.length : lineEnd;
  return SECRET_HINT.test(text.slice(from, to));
}

/**
 * The range of a secret on `line` (a password, key string or authentication key value), from its
 * first word to the end of the line, or undefined. Errs on the side of hiding too much.
 */
export function secretRange(line: FrrLine): Range | undefined {
  if (line.kind !== 'command') return undefined;
  // The texts are read first; the word objects (made on each read) only for a line that has a secret.
  const t = line.texts;
  for (let i = 0; i + 1 < t.length; i++) {
    const x = t[i]!;
    if (
      SECRET_KEYWORDS.has(x) ||
      // ipv6 ospf6 authentication key-id N hash-algo A key KEY; ip rip authentication string KEY
      ((x === 'key' || x === 'string') && hasWord(t, 'authentication', i)) ||
      // ip nhrp authentication KEY
      (x === 'authentication' && i === 2 && t[1] === 'nhrp')
    ) {
      const w = line.words;
      return span(w[i + 1]!, w[w.length - 1]!);
    }
  }
  return undefined;
}

function hasWord(t: readonly string[], text: string, before: number): boolean {
  for (let i = 0; i < before; i++) if (t[i] === text) return true;
  return false;
}

/** Recognises a modelled statement of a `router bgp` block, or returns undefined. */
export function parseBgpStatement(line: FrrLine, sensitive: Range[] = []): BgpStatement | undefined {
  if (line.kind !== 'command') return undefined;
  const t = line.texts;
  // `o` is the index of the command's first word: 1 after a leading `no`.
  const neg = t[0] === 'no';
  const o = neg ? 1 : 0;
  if (t.length === o) return undefined;
  const head = t[o];
  if (head === 'neighbor') return t.length > o + 1 ? parseNeighbor(line, o, neg, sensitive) : undefined;
  if (head === 'timers') {
    if (t[o + 1] !== 'bgp') return undefined;
    const w = line.words;
    return { line, range: lineRange(line), negated: neg, kind: 'timers-bgp', keepalive: num(w[o + 2]), hold: num(w[o + 3]) };
  }
  if (head !== 'bgp') return undefined;
  if (t[o + 1] === 'router-id') return { line, range: lineRange(line), negated: neg, kind: 'router-id', value: val(line.words[o + 2]) };
  if (t[o + 1] === 'listen' && t[o + 2] === 'range') {
    const w = line.words;
    const pgIndex = t.indexOf('peer-group', o + 3);
    return { line, range: lineRange(line), negated: neg, kind: 'listen-range', prefix: val(w[o + 3]), peerGroup: pgIndex > 0 ? val(w[pgIndex + 1]) : undefined };
  }
  return parseGrStatement(line, o, neg);
}

/** Recognises a graceful-restart statement (instance or BGP-wide); its command starts at word `o` (after a `no`). */
export function parseGrStatement(line: FrrLine, o: number, neg: boolean): GrStatement | undefined {
  const t = line.texts;
  if (t[o] !== 'bgp') return undefined;
  const n = t.length - o;
  const second = t[o + 1];
  if (second === 'graceful-restart') {
    if (n === 2) return { line, range: lineRange(line), negated: neg, kind: 'gr-mode', mode: 'restart' };
    const sub = t[o + 2];
    if (sub === 'restart-time' || sub === 'stalepath-time' || sub === 'select-defer-time' || sub === 'rib-stale-time') {
      if (n > 4) return undefined;
      return { line, range: lineRange(line), negated: neg, kind: 'gr-timer', name: sub, value: num(line.words[o + 3]) };
    }
    if (n !== 3) return undefined;
    if (sub === 'preserve-fw-state') return { line, range: lineRange(line), negated: neg, kind: 'gr-preserve-fw-state' };
    if (sub === 'notification') return { line, range: lineRange(line), negated: neg, kind: 'gr-notification' };
    if (sub === 'disable-eor') return { line, range: lineRange(line), negated: neg, kind: 'gr-disable-eor' };
    return undefined;
  }
  if (second === 'graceful-restart-disable' && n === 2) return { line, range: lineRange(line), negated: neg, kind: 'gr-mode', mode: 'disable' };
  if (second === 'long-lived-graceful-restart' && t[o + 2] === 'stale-time' && n <= 4) {
    return { line, range: lineRange(line), negated: neg, kind: 'llgr-stale-time', value: num(line.words[o + 3]) };
  }
  return undefined;
}

/** A `neighbor X ...` line; the command starts at word `o` (1 after a `no`). */
function parseNeighbor(line: FrrLine, o: number, neg: boolean, sensitive: Range[]): NeighborStatement {
  const w = line.words;
  const t = line.texts;
  const targetWord = w[o + 1]!;
  const target = { value: targetWord.text, range: wordRange(targetWord) };
  const targetKind: NeighborTargetKind = isIpv4(targetWord.text) ? 'ipv4' : isIpv6(targetWord.text) ? 'ipv6' : 'word';
  // The command after `neighbor X` starts at word `r`; `rest()` is its words.
  const r = o + 2;
  const restLength = t.length - r;
  const rest = (): string[] => t.slice(r);
  let command: NeighborCommand;
  switch (t[r]) {
    case 'remote-as':
      command = { kind: 'remote-as', ...remoteAs(w[r + 1]), interface: false };
      break;
    case 'interface': {
      // neighbor IF interface [v6only] [peer-group PG] [remote-as AS]
      const ra = t.indexOf('remote-as', r + 1);
      const pg = t.indexOf('peer-group', r + 1);
      if (ra > 0) command = { kind: 'remote-as', ...remoteAs(w[ra + 1]), interface: true };
      else {
        const peerGroup = pg > 0 ? val(w[pg + 1]) : undefined;
        const v6only = t.indexOf('v6only', o) >= 0;
        command = peerGroup ? { kind: 'interface', v6only, peerGroup } : { kind: 'interface', v6only };
      }
      break;
    }
    case 'peer-group':
      command = restLength === 1 ? { kind: 'peer-group-define' } : { kind: 'peer-group', group: val(w[r + 1]) };
      break;
    case 'graceful-restart':
      command = restLength === 1 ? { kind: 'gr-mode', mode: 'restart' } : { kind: 'other', words: rest() };
      break;
    case 'graceful-restart-helper':
      command = restLength === 1 ? { kind: 'gr-mode', mode: 'helper' } : { kind: 'other', words: rest() };
      break;
    case 'graceful-restart-disable':
      command = restLength === 1 ? { kind: 'gr-mode', mode: 'disable' } : { kind: 'other', words: rest() };
      break;
    case 'timers':
      if (t[r + 1] === 'connect') command = { kind: 'timers-connect', value: num(w[r + 2]) };
      else if (t[r + 1] === 'delayopen') command = { kind: 'other', words: rest() };
      else command = { kind: 'timers', keepalive: num(w[r + 1]), hold: num(w[r + 2]) };
      break;
    case 'bfd':
      if (restLength === 1) command = { kind: 'bfd' };
      else if (t[r + 1] === 'profile') command = { kind: 'bfd-profile', profile: val(w[r + 2]) };
      else if (t[r + 1] === 'check-control-plane-failure' && restLength === 2) command = { kind: 'bfd-check-control-plane-failure' };
      else command = { kind: 'bfd-other' };
      break;
    case 'update-source':
      command = { kind: 'update-source', source: val(w[r + 1]) };
      break;
    case 'password': {
      const valueRange = w[r + 1] ? span(w[r + 1]!, w[w.length - 1]!) : undefined;
      if (valueRange) sensitive.push(valueRange);
      command = { kind: 'password', valueRange };
      break;
    }
    default:
      command = { kind: 'other', words: rest() };
  }
  return { line, range: lineRange(line), negated: neg, kind: 'neighbor', target, targetKind, command };
}

function remoteAs(word: FrrWord | undefined): { value: Val<RemoteAs> | undefined; asText: Val<string> | undefined } {
  if (!word) return { value: undefined, asText: undefined };
  const asText = { value: word.text, range: wordRange(word) };
  if (word.text === 'internal' || word.text === 'external' || word.text === 'auto') {
    return { value: { value: word.text, range: wordRange(word) }, asText };
  }
  const n = asnValue(word.text);
  return { value: n === undefined ? undefined : { value: n, range: wordRange(word) }, asText };
}

function num(word: FrrWord | undefined): NumVal | undefined {
  if (!word) return undefined;
  return { text: word.text, value: /^\d+$/.test(word.text) ? Number(word.text) : undefined, range: wordRange(word) };
}

function val(word: FrrWord | undefined): Val<string> | undefined {
  return word ? { value: word.text, range: wordRange(word) } : undefined;
}

function wordRange(w: FrrWord): Range {
  return { start: w.start, end: w.end };
}

/** A command line's range, from its first word to its last. */
function lineRange(line: FrrLine): Range {
  return { start: line.contentStart, end: line.contentEnd };
}

function span(a: FrrWord, b: FrrWord): Range {
  return { start: a.start, end: b.end };
}
