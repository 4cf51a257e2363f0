// Test-only oracle: real FRR checks a frr.conf text and reports the lines it rejects.
//
//  * `vtysh -C -f FILE` (grammar dry run). stderr lines look like
//      line N: % Unknown command[NODE]: <raw line>
//      line N: % Command incomplete[NODE]: <raw line>
//      line N: % Ambiguous command[NODE]: <raw line>
//    Exit code: 0 clean, otherwise the code of the LAST error (2 unknown, 3 ambiguous, 4 incomplete,
//    11 file not readable). Unknown lines are retried in the parent nodes (an address-family line that
//    only exists at `router bgp` level is accepted and leaves the address family). `end` lines are skipped.
//    No daemon is contacted in dry-run mode; only the grammar (keywords, number ranges) is checked.
//    A top-level `exit` leaves configuration mode (every later line fails at node 3, ENABLE_NODE) and a
//    second one makes vtysh exit 0 at once, silently skipping the rest of the file: vtyshCheck appends a
//    sentinel line to detect that (`complete`).
//
//  * `bgpd -S -C -p 0 -Z -f FILE` (daemon dry run: executes every line against a scratch bgpd, so
//    semantics are checked too, e.g. "% Specify remote-as or peer-group commands first"). It ALWAYS
//    exits 0; rejected lines are reported only as log lines at the end of stderr:
//      2026/11/26 07:54:18 BGP: [SHWNK-NWT5S][EC 100663304] No such command on config line 2:  timers bgp 2 1
//    The category ("No such command", "Command returned Warning Config Failed", ...) is that of the LAST
//    failing line, repeated for every line (FRR 8.4 lib/vty.c vty_read_file), so it says nothing per line.
//    The "% ..." explanations go to stderr without a line number; they are attributed to lines here by
//    interleaving a marker command (`find [`, which prints "% Regex syntax error" in every bgpd node and
//    changes nothing) after each line, and the attribution is only kept when the marked run rejects
//    exactly the same lines as a plain run. bgpd knows only bgpd's commands: zebra/bfdd/staticd lines
//    (`ip address`, the `bfd` block, ...) are rejected by it, so callers filter on the lines they care
//    about. Unlike vtysh, bgpd does not skip `end` (everything after it fails), so `end` lines are
//    replaced by `!` here to mimic how `vtysh -b` applies an integrated frr.conf.
//    -S: run as the invoking user (as root without -S, bgpd drops to user frr before reading the file
//    and silently accepts an unreadable file); -p 0: no BGP listen socket; -Z: no zebra.
//    Each run leaves an empty /var/tmp/frr/bgpd.<pid> directory; it is removed after the run.
//
// Never cached anywhere; every call runs FRR again. Used by test/oracle only.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VTYSH_BIN = process.env['GRLINT_VTYSH'] ?? 'vtysh';
export const BGPD_BIN = process.env['GRLINT_BGPD'] ?? '/usr/lib/frr/bgpd';

/** FRR 8.4.4 `enum node_type` (lib/command.h), index = the number vtysh prints in `[NODE]`. */
export const FRR_8_4_NODE_NAMES: readonly string[] = [
  'AUTH_NODE', 'VIEW_NODE', 'AUTH_ENABLE_NODE', 'ENABLE_NODE', 'CONFIG_NODE', 'DEBUG_NODE',
  'VRF_DEBUG_NODE', 'NORTHBOUND_DEBUG_NODE', 'DEBUG_VNC_NODE', 'RMAP_DEBUG_NODE', 'RESOLVER_DEBUG_NODE',
  'AAA_NODE', 'EXTLOG_NODE', 'KEYCHAIN_NODE', 'KEYCHAIN_KEY_NODE', 'IP_NODE', 'VRF_NODE', 'INTERFACE_NODE',
  'NH_GROUP_NODE', 'ZEBRA_NODE', 'TABLE_NODE', 'RIP_NODE', 'RIPNG_NODE', 'BABEL_NODE', 'EIGRP_NODE',
  'BGP_NODE', 'BGP_VPNV4_NODE', 'BGP_VPNV6_NODE', 'BGP_IPV4_NODE', 'BGP_IPV4M_NODE', 'BGP_IPV4L_NODE',
  'BGP_IPV6_NODE', 'BGP_IPV6M_NODE', 'BGP_IPV6L_NODE', 'BGP_VRF_POLICY_NODE', 'BGP_VNC_DEFAULTS_NODE',
  'BGP_VNC_NVE_GROUP_NODE', 'BGP_VNC_L2_GROUP_NODE', 'RFP_DEFAULTS_NODE', 'BGP_EVPN_NODE', 'BGP_SRV6_NODE',
  'OSPF_NODE', 'OSPF6_NODE', 'LDP_NODE', 'LDP_IPV4_NODE', 'LDP_IPV6_NODE', 'LDP_IPV4_IFACE_NODE',
  'LDP_IPV6_IFACE_NODE', 'LDP_L2VPN_NODE', 'LDP_PSEUDOWIRE_NODE', 'ISIS_NODE', 'ACCESS_NODE', 'PREFIX_NODE',
  'ACCESS_IPV6_NODE', 'ACCESS_MAC_NODE', 'PREFIX_IPV6_NODE', 'AS_LIST_NODE', 'COMMUNITY_LIST_NODE',
  'COMMUNITY_ALIAS_NODE', 'RMAP_NODE', 'PBRMAP_NODE', 'SMUX_NODE', 'DUMP_NODE', 'FORWARDING_NODE',
  'PROTOCOL_NODE', 'MPLS_NODE', 'PW_NODE', 'SEGMENT_ROUTING_NODE', 'SR_TRAFFIC_ENG_NODE',
  'SR_SEGMENT_LIST_NODE', 'SR_POLICY_NODE', 'SR_CANDIDATE_DYN_NODE', 'PCEP_NODE', 'PCEP_PCE_CONFIG_NODE',
  'PCEP_PCE_NODE', 'PCEP_PCC_NODE', 'SRV6_NODE', 'SRV6_LOCS_NODE', 'SRV6_LOC_NODE', 'VTY_NODE', 'FPM_NODE',
  'LINK_PARAMS_NODE', 'BGP_EVPN_VNI_NODE', 'RPKI_NODE', 'BGP_FLOWSPECV4_NODE', 'BGP_FLOWSPECV6_NODE',
  'BFD_NODE', 'BFD_PEER_NODE', 'BFD_PROFILE_NODE', 'OPENFABRIC_NODE', 'VRRP_NODE', 'BMP_NODE',
];

export type VtyshRejectionKind = 'unknown' | 'incomplete' | 'ambiguous' | 'warning' | 'daemon';

export interface VtyshRejection {
  /** 1-based line number in the checked text. */
  readonly line: number;
  /** vtysh's node number at that line (see FRR_8_4_NODE_NAMES); -1 when not printed. */
  readonly node: number;
  readonly nodeName: string;
  /** The line of the checked text (without its line break). */
  readonly text: string;
  /** vtysh's message without the line prefix and text, e.g. "% Unknown command". */
  readonly message: string;
  readonly kind: VtyshRejectionKind;
}

export interface VtyshResult {
  /** Exit code (null when killed). With the sentinel line it is 2 when vtysh read the whole text, 0 when it quit early. */
  readonly exitCode: number | null;
  /**
   * False when vtysh stopped before the end of the text: an `exit` (or `quit`) read while already out of
   * configuration mode (a second stray top-level `exit`) makes vtysh exit 0 on the spot, so the lines after
   * it are never checked. Detected with a sentinel line appended to the text (see VTYSH_SENTINEL);
   * undefined when the check ran without the sentinel.
   */
  readonly complete: boolean | undefined;
  readonly rejections: readonly VtyshRejection[];
  /** stderr lines that are not `line N:` reports (e.g. "% Can't open configuration file /etc/frr/vtysh.conf"). */
  readonly other: readonly string[];
}

export interface BgpdRejection {
  readonly line: number;
  readonly text: string;
  /** "% ..." lines bgpd printed while executing this line (empty when none or when not attributable). */
  readonly messages: readonly string[];
  /** Category from the log line; FRR 8.4 prints the LAST failing line's category for every line. */
  readonly category: string;
}

export interface BgpdNote {
  readonly line: number;
  readonly messages: readonly string[];
}

export interface BgpdResult {
  readonly exitCode: number | null;
  readonly rejections: readonly BgpdRejection[];
  /** "% ..." output of lines that bgpd accepted (warnings that did not fail the line). */
  readonly notes: readonly BgpdNote[];
  /** True when "% ..." output could be tied to lines (marker run agreed with the plain run). */
  readonly attributed: boolean;
  /** "% ..." output that could not be tied to a line, plus unexpected stderr lines. */
  readonly other: readonly string[];
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

const VTYSH_LINE = /^line (\d+): (?:% (Unknown command|Command incomplete|Ambiguous command)\[(\d+)\]|(Warning)\[(\d+)\]\.\.\.|(Failure to communicate)\[(\d+)\] to \S+, line)/;

/** Pure: turns vtysh -C stderr into rejections, taking each line's text from the checked text. */
export function parseVtyshStderr(stderr: string, text: string): { rejections: VtyshRejection[]; other: string[] } {
  const lines = splitLines(text);
  const rejections: VtyshRejection[] = [];
  const other: string[] = [];
  for (const raw of stderr.split('\n')) {
    if (raw.trim() === '') continue;
    const m = VTYSH_LINE.exec(raw);
    if (!m) {
      other.push(raw);
      continue;
    }
    const line = Number(m[1]);
    let kind: VtyshRejectionKind;
    let message: string;
    let node = -1;
    if (m[2] !== undefined) {
      message = `% ${m[2]}`;
      kind = m[2] === 'Unknown command' ? 'unknown' : m[2] === 'Command incomplete' ? 'incomplete' : 'ambiguous';
      node = Number(m[3]);
    } else if (m[4] !== undefined) {
      message = 'Warning';
      kind = 'warning';
      node = Number(m[5]);
    } else {
      message = `Failure to communicate[${m[7]}]`;
      kind = 'daemon';
    }
    rejections.push({
      line,
      node,
      nodeName: FRR_8_4_NODE_NAMES[node] ?? (node < 0 ? '' : `NODE_${node}`),
      text: lines[line - 1] ?? '',
      message,
      kind,
    });
  }
  return { rejections, other };
}

interface RunOutput {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  pid: number | undefined;
}

function run(bin: string, args: string[], timeoutMs = 20000): Promise<RunOutput> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout: '', stderr: String(e), pid: undefined });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        exitCode: code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        pid: child.pid,
      });
    });
  });
}

let scratchDir: string | undefined;
let scratchCount = 0;

function scratchFile(text: string): string {
  if (scratchDir === undefined) {
    scratchDir = mkdtempSync(join(tmpdir(), 'grlint-oracle-'));
    chmodSync(scratchDir, 0o755);
    process.once('exit', () => {
      if (scratchDir !== undefined) rmSync(scratchDir, { recursive: true, force: true });
    });
  }
  const path = join(scratchDir, `c${process.pid}-${scratchCount++}.conf`);
  writeFileSync(path, text, { mode: 0o644 });
  return path;
}

function dropFile(path: string): void {
  rmSync(path, { force: true });
}

/** Version string of the installed vtysh (from `vtysh -h`), or undefined when vtysh cannot run. */
export function vtyshVersion(): string | undefined {
  const r = spawnSync(VTYSH_BIN, ['-h'], { encoding: 'utf8' });
  if (r.error) return undefined;
  const m = /\(version ([^)]+)\)/.exec(`${r.stdout}${r.stderr}`);
  return m ? m[1] : 'unknown';
}

/** Version of the installed bgpd (`bgpd -v`), or undefined when it cannot run. */
export function bgpdVersion(): string | undefined {
  const r = spawnSync(BGPD_BIN, ['-v'], { encoding: 'utf8' });
  if (r.error) return undefined;
  const m = /bgpd version (\S+)/.exec(`${r.stdout}${r.stderr}`);
  return m ? m[1] : undefined;
}

/** A line no FRR node knows; appended after the text so that its report proves vtysh read to the end. */
export const VTYSH_SENTINEL = 'grlint-oracle-end-of-file-sentinel';

/**
 * Runs `vtysh -C -f` on the text. With `sentinel` (default) a line VTYSH_SENTINEL is appended after the text
 * (and a line break before it when the text lacks one); its own rejection is removed from the result and
 * sets `complete`. Without it, the exit code is vtysh's own (0 clean, else the code of the last error).
 */
export async function vtyshCheck(text: string, options: { sentinel?: boolean } = {}): Promise<VtyshResult> {
  const sentinel = options.sentinel ?? true;
  const body = sentinel ? `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${VTYSH_SENTINEL}\n` : text;
  const sentinelLine = sentinel ? splitLines(body).length : -1;
  const path = scratchFile(body);
  try {
    const r = await run(VTYSH_BIN, ['-C', '-f', path]);
    const parsed = parseVtyshStderr(r.stderr, body);
    const complete = sentinel ? parsed.rejections.some((x) => x.line === sentinelLine) : undefined;
    const rejections = sentinel ? parsed.rejections.filter((x) => x.line !== sentinelLine) : parsed.rejections;
    return { exitCode: r.exitCode, complete, rejections, other: parsed.other };
  } finally {
    dropFile(path);
  }
}

/** Runs `check` over all items, `concurrency` at a time, keeping the input order. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, check: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.max(1, concurrency); w++) {
    workers.push((async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        results[i] = await check(items[i] as T, i);
      }
    })());
  }
  await Promise.all(workers);
  return results;
}

/** Runs `vtysh -C` over many texts (one process per text), two at a time by default. */
export function vtyshCheckMany(texts: readonly string[], concurrency = 2, options: { sentinel?: boolean } = {}): Promise<VtyshResult[]> {
  return mapPool(texts, concurrency, (t) => vtyshCheck(t, options));
}

/** Lines put before every text of a batch: they bring vtysh back to CONFIG_NODE from any node. */
export const VTYSH_BATCH_RESET: readonly string[] = [
  // At ENABLE_NODE (after a top-level `exit`) this re-enters configuration mode; anywhere else it is
  // unknown, rejected, and changes nothing.
  'configure terminal',
  // Known only at CONFIG_NODE: from any child node vtysh walks up to CONFIG_NODE to run it, and stays there.
  'hostname grlint-oracle-reset',
];
/** Rejected in every node; its report before a text proves the reset reached CONFIG_NODE (node 4). */
export const VTYSH_BATCH_START = 'grlint-oracle-start-of-file-sentinel';
const CONFIG_NODE = 4;

/**
 * `vtysh -C` on several texts with ONE vtysh process (vtysh spends ~40 ms starting and microseconds per
 * line). Each text is preceded by VTYSH_BATCH_RESET and a start sentinel and followed by VTYSH_SENTINEL,
 * so that every text starts in CONFIG_NODE, as it does alone (vtysh -C keeps no state between lines but
 * the node), and its end proves it was read. A text is checked alone (vtyshCheck) when the start sentinel
 * was not rejected at CONFIG_NODE, when it has a line vtysh would split (4,096-byte buffer), or when an
 * earlier text of the batch made vtysh quit (a text that makes vtysh quit gets `complete: false`, as alone).
 * Results are those of vtyshCheck with the sentinel, except that `exitCode` is null.
 */
export async function vtyshCheckBatch(texts: readonly string[]): Promise<VtyshResult[]> {
  const results: (VtyshResult | undefined)[] = new Array<VtyshResult | undefined>(texts.length).fill(undefined);
  const alone: number[] = [];
  let pending = texts.map((_, i) => i).filter((i) => {
    if (splitLines(texts[i]!).some((l) => Buffer.byteLength(l) >= 4000)) {
      alone.push(i);
      return false;
    }
    return true;
  });
  while (pending.length > 0) {
    const body: string[] = [];
    const spans: { index: number; start: number; first: number; last: number; end: number }[] = [];
    for (const i of pending) {
      body.push(...VTYSH_BATCH_RESET, VTYSH_BATCH_START);
      const start = body.length; // 1-based line of the start sentinel
      const lines = splitLines(texts[i]!);
      body.push(...lines, VTYSH_SENTINEL);
      spans.push({ index: i, start, first: start + 1, last: start + lines.length, end: body.length });
    }
    const text = `${body.join('\n')}\n`;
    const path = scratchFile(text);
    let r: RunOutput;
    try {
      r = await run(VTYSH_BIN, ['-C', '-f', path], 60000);
    } finally {
      dropFile(path);
    }
    const parsed = parseVtyshStderr(r.stderr, text);
    const byLine = new Map(parsed.rejections.map((x) => [x.line, x]));
    const next: number[] = [];
    let quit = false;
    for (const s of spans) {
      if (quit) {
        next.push(s.index);
        continue;
      }
      const startReport = byLine.get(s.start);
      if (startReport === undefined || startReport.node !== CONFIG_NODE) {
        // vtysh quit inside the previous text (cannot happen: it is handled below) or the reset failed.
        alone.push(s.index);
        continue;
      }
      const complete = byLine.has(s.end);
      const rejections = parsed.rejections
        .filter((x) => x.line >= s.first && x.line <= s.last)
        .map((x) => ({ ...x, line: x.line - s.start }));
      results[s.index] = { exitCode: null, complete, rejections, other: parsed.other };
      if (!complete) quit = true; // vtysh quit in this text: the rest of the batch was never read
    }
    pending = next;
  }
  for (const i of alone) {
    const r = await vtyshCheck(texts[i]!);
    results[i] = { ...r, exitCode: null };
  }
  return results as VtyshResult[];
}

/** `vtysh -C` over many texts in batches of `batchSize`, `concurrency` vtysh processes at a time. */
export async function vtyshCheckBatched(texts: readonly string[], concurrency = 2, batchSize = 50): Promise<VtyshResult[]> {
  const batches: number[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize).map((_, j) => i + j));
  const out: VtyshResult[] = new Array<VtyshResult>(texts.length);
  await mapPool(batches, concurrency, async (b) => {
    const r = await vtyshCheckBatch(b.map((i) => texts[i]!));
    b.forEach((i, j) => (out[i] = r[j]!));
  });
  return out;
}

const BGPD_LOG = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? BGP: \[[A-Z0-9-]+\](?:\[EC \d+\])? (.*)$/;
const BGPD_REJECT = /^(.*) on config line (\d+): /;
/** Marker line interleaved after every line; `find` is installed in every bgpd node and an invalid regex prints one line. */
export const BGPD_MARKER = 'find [';
export const BGPD_MARKER_OUTPUT = '% Regex syntax error';

interface BgpdRaw {
  exitCode: number | null;
  rejected: Map<number, string>; // line -> category
  vtyOut: string[]; // non-log stderr lines, in order
  logs: string[]; // log lines that are not rejections
}

function parseBgpdRaw(r: RunOutput): BgpdRaw {
  const rejected = new Map<number, string>();
  const vtyOut: string[] = [];
  const logs: string[] = [];
  for (const raw of `${r.stdout}\n${r.stderr}`.split('\n')) {
    if (raw.trim() === '') continue;
    const log = BGPD_LOG.exec(raw);
    if (log) {
      const body = log[1] ?? '';
      const rej = BGPD_REJECT.exec(body);
      if (rej) rejected.set(Number(rej[2]), rej[1] ?? '');
      else logs.push(body);
      continue;
    }
    vtyOut.push(raw);
  }
  return { exitCode: r.exitCode, rejected, vtyOut, logs };
}

async function runBgpd(text: string): Promise<RunOutput> {
  const path = scratchFile(text);
  try {
    const r = await run(BGPD_BIN, ['-S', '-C', '-p', '0', '-Z', '-f', path]);
    if (r.pid !== undefined) {
      try {
        rmdirSync(`/var/tmp/frr/bgpd.${r.pid}`);
      } catch {
        // not created or not empty: leave it
      }
    }
    return r;
  } finally {
    dropFile(path);
  }
}

/** Runs `bgpd -C` on the text (after turning `end` lines into `!`), attributing "% ..." output to lines. */
export async function bgpdCheck(text: string): Promise<BgpdResult> {
  const lines = splitLines(text).map((l) => (l.trim() === 'end' ? '!' : l));
  const plainText = lines.map((l) => `${l}\n`).join('');
  const markedText = lines.map((l) => `${l}\n${BGPD_MARKER}\n`).join('');
  const [plainRun, markedRun] = await Promise.all([runBgpd(plainText), runBgpd(markedText)]);
  const plain = parseBgpdRaw(plainRun);
  const marked = parseBgpdRaw(markedRun);
  const unreadable = plain.logs.some((l) => /can't open configuration file/.test(l));
  const other: string[] = [...plain.logs];
  if (unreadable) other.unshift('bgpd could not read the configuration file');

  // Marked line 2k-1 is original line k; a marker (even line) must never be rejected.
  let attributed = !unreadable;
  const markedRejected = new Set<number>();
  for (const l of marked.rejected.keys()) {
    if (l % 2 === 0) attributed = false;
    markedRejected.add((l + 1) / 2);
  }
  if (markedRejected.size !== plain.rejected.size || [...plain.rejected.keys()].some((l) => !markedRejected.has(l))) attributed = false;
  const perLine = new Map<number, string[]>();
  if (attributed) {
    let current = 1;
    let markers = 0;
    for (const out of marked.vtyOut) {
      if (out === BGPD_MARKER_OUTPUT) {
        markers++;
        current++;
        continue;
      }
      const list = perLine.get(current) ?? [];
      list.push(out);
      perLine.set(current, list);
    }
    if (markers !== lines.length) {
      attributed = false;
      perLine.clear();
    }
  }
  if (!attributed) other.push(...plain.vtyOut);

  const rejections: BgpdRejection[] = [...plain.rejected.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, category]) => ({ line, text: lines[line - 1] ?? '', messages: perLine.get(line) ?? [], category }));
  const notes: BgpdNote[] = [...perLine.entries()]
    .filter(([line]) => !plain.rejected.has(line))
    .sort((a, b) => a[0] - b[0])
    .map(([line, messages]) => ({ line, messages }));
  return { exitCode: plain.exitCode, rejections, notes, attributed, other };
}

/** Runs `bgpd -C` over many texts, `concurrency` texts at a time (each text costs two bgpd runs). */
export function bgpdCheckMany(texts: readonly string[], concurrency = 2): Promise<BgpdResult[]> {
  return mapPool(texts, concurrency, (t) => bgpdCheck(t));
}
