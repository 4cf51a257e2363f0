// A live graceful-restart lab: two FRR routers (a, b), each in a network namespace this process creates,
// joined by a veth pair on TEST-NET-1 (a = 192.0.2.1/30, b = 192.0.2.2/30). Daemons (zebra, bgpd, bfdd)
// run from /usr/lib/frr with every socket, pid file and log inside the lab's own work directory.
//
// Safety rules this module keeps:
// - only TEST-NET and loopback addresses are ever configured (assertTestNet guards every address);
// - every name it creates starts with `grlab-<pid>-` (namespaces, work dirs) or `gl<pid>x` (veth names,
//   which must be at most 15 characters), so leftovers of earlier runs can be found and removed;
// - processes are only ever ended by their id: the pids inside the lab's own namespaces and the pids in
//   its pid files;
// - cleanup runs on destroy(), on process exit, on uncaught errors and on SIGINT/SIGTERM/SIGHUP.
//
// Needs root and Debian's frr package (8.4.4 here).
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, cpSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const FRR_DIR = '/usr/lib/frr';
export const LAB_PREFIX = 'grlab-';
export const WORK_ROOT = '/tmp';
export const ADDRESS = { a: '192.0.2.1', b: '192.0.2.2' } as const;
export const PREFIX_LEN = 30;

export type RouterName = 'a' | 'b';
export type Daemon = 'zebra' | 'bgpd' | 'bfdd';
export type Signal = 'KILL' | 'TERM' | 'STOP';

/** True for an IPv4 address inside 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 or 127.0.0.0/8. */
export function isTestNetOrLoopback(addr: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (!m) return false;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255)) return false;
  const [a, b, c] = o as [number, number, number, number];
  return (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) || a === 127;
}

function assertTestNet(addr: string): void {
  if (!isTestNetOrLoopback(addr)) throw new Error(`lab: refusing address outside TEST-NET/loopback: ${addr}`);
}

/** Every IPv4 address (with or without a prefix length) that appears in a config text must be TEST-NET or loopback. */
export function assertConfigAddresses(text: string): void {
  for (const m of text.matchAll(/\b(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?:\/\d+)?\b/g)) assertTestNet(m[1]!);
}

/** Asynchronous command: used for everything that runs while scenarios are live (never blocks the event loop). */
function runAsync(cmd: string, args: string[], opts: { allowFail?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 20000 }, (err, stdout, stderr) => {
      if (err && !opts.allowFail) reject(new Error(`lab: ${cmd} ${args.join(' ')} failed: ${err.message} ${stderr}`));
      else resolve(stdout ?? '');
    });
  });
}

/** The frr user's uid and gid (daemons drop to it; their folders must be writable by it). */
let frrIds: { uid: number; gid: number } | undefined;
function frrUser(): { uid: number; gid: number } {
  if (!frrIds) {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('frr:'));
    if (!line) throw new Error('lab: no frr user (apt-get install frr)');
    const f = line.split(':');
    frrIds = { uid: Number(f[2]), gid: Number(f[3]) };
  }
  return frrIds;
}

function chownFrr(path: string): void {
  const { uid, gid } = frrUser();
  chownSync(path, uid, gid);
}

/** Synchronous command: only for the exit hooks, leftover removal before the first lab, and listings. */
function run(cmd: string, args: string[], opts: { allowFail?: boolean } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0 && !opts.allowFail) {
    throw new Error(`lab: ${cmd} ${args.join(' ')} failed (rc=${r.status}): ${r.stderr || r.stdout}`);
  }
  return r.stdout ?? '';
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise<void>((res) => setTimeout(res, ms));
}

/** Whether `pid` is a live node process: a lab owner of that pid is still running. */
export function ownerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return false;
  }
}

async function deleteNamespace(ns: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const pids = (await runAsync('ip', ['netns', 'pids', ns], { allowFail: true }))
      .split(/\s+/).filter(Boolean).map(Number).filter((p) => Number.isInteger(p) && p > 1);
    if (pids.length === 0) break;
    for (const p of pids) {
      try { process.kill(p, 'SIGKILL'); } catch { /* already gone */ }
    }
    await sleep(50);
  }
  await runAsync('ip', ['netns', 'del', ns], { allowFail: true });
}

function netnsPids(ns: string): number[] {
  return run('ip', ['netns', 'pids', ns], { allowFail: true })
    .split(/\s+/).filter(Boolean).map(Number).filter((p) => Number.isInteger(p) && p > 1);
}

/** Kills (SIGKILL) every process inside namespace `ns` (all of them were started by a lab), then deletes it. */
function deleteNamespaceSync(ns: string): void {
  for (let i = 0; i < 20; i++) {
    const pids = netnsPids(ns);
    if (pids.length === 0) break;
    for (const p of pids) {
      try { process.kill(p, 'SIGKILL'); } catch { /* already gone */ }
    }
    spawnSync('sleep', ['0.05']);
  }
  run('ip', ['netns', 'del', ns], { allowFail: true });
}

/**
 * Removes what earlier runs left behind: namespaces and work dirs named `grlab-<pid>-...` and root-namespace
 * veths named `gl<pid>x...` whose owning node process is gone. Labs of live processes are left alone.
 * Returns the names it removed.
 */
export function removeLeftovers(): string[] {
  const removed: string[] = [];
  for (const line of run('ip', ['netns', 'list'], { allowFail: true }).split('\n')) {
    const ns = line.split(' ')[0] ?? '';
    const m = /^grlab-(\d+)-/.exec(ns);
    if (m && !ownerAlive(Number(m[1]))) {
      deleteNamespaceSync(ns);
      removed.push(ns);
    }
  }
  for (const line of run('ip', ['-o', 'link', 'show'], { allowFail: true }).split('\n')) {
    const m = /^\d+:\s+(gl(\d+)x\d+[ab])[@:]/.exec(line);
    if (m && !ownerAlive(Number(m[2]))) {
      run('ip', ['link', 'del', m[1]!], { allowFail: true });
      removed.push(m[1]!);
    }
  }
  for (const name of readdirSync(WORK_ROOT)) {
    const m = /^grlab-(\d+)-\d+$/.exec(name);
    if (!m || ownerAlive(Number(m[1]))) continue;
    const dir = join(WORK_ROOT, name);
    // Daemons of a dead run whose namespace was already deleted would be orphans in no namespace we can list;
    // end them by the pids in their pid files (only if the process still names that pid file).
    for (const r of ['a', 'b']) {
      for (const d of ['zebra', 'bgpd', 'bfdd']) {
        const pidFile = join(dir, r, `${d}.pid`);
        const pid = readPid(pidFile);
        if (pid && readCmdline(pid).includes(pidFile)) {
          try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Lists lab resources (namespaces, veths, work dirs, daemons) currently present for any owner. */
export function listLabResources(): string[] {
  const out: string[] = [];
  for (const line of run('ip', ['netns', 'list'], { allowFail: true }).split('\n')) {
    const ns = line.split(' ')[0] ?? '';
    if (ns.startsWith(LAB_PREFIX)) out.push(`netns ${ns}`);
  }
  for (const line of run('ip', ['-o', 'link', 'show'], { allowFail: true }).split('\n')) {
    const m = /^\d+:\s+(gl\d+x\d+[ab])[@:]/.exec(line);
    if (m) out.push(`link ${m[1]}`);
  }
  for (const name of readdirSync(WORK_ROOT)) if (/^grlab-\d+-\d+$/.test(name)) out.push(`dir ${join(WORK_ROOT, name)}`);
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    const cmd = readCmdline(Number(p));
    if (/\/usr\/lib\/frr\/(bgpd|bfdd|zebra) .*\/grlab-\d+-\d+\//.test(cmd)) out.push(`process ${p} ${cmd}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * A persistent connection to one daemon's vty socket, speaking vtysh's protocol: a command is sent as text
 * ending in NUL; the daemon answers with the output followed by three NULs and a status byte. Much cheaper
 * than spawning vtysh (about 2-8 ms per command), which keeps the watcher's sampling regular.
 */
export class VtyClient {
  private sock?: Socket;
  private buf = Buffer.alloc(0);
  private waiter?: { resolve: (s: string) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  private open(): Promise<Socket> {
    if (this.sock && !this.sock.destroyed) return Promise.resolve(this.sock);
    return new Promise((resolve, reject) => {
      const s = connect(this.path);
      s.once('connect', () => resolve(s));
      s.once('error', (e) => { this.fail(e); reject(e); });
      s.on('close', () => this.fail(new Error('vty socket closed')));
      s.on('data', (d) => this.onData(d));
      this.sock = s;
      this.buf = Buffer.alloc(0);
    });
  }

  private fail(e: Error): void {
    this.sock?.destroy();
    this.sock = undefined;
    const w = this.waiter;
    this.waiter = undefined;
    if (w) { clearTimeout(w.timer); w.reject(e); }
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    const n = this.buf.length;
    if (n >= 4 && this.buf[n - 4] === 0 && this.buf[n - 3] === 0 && this.buf[n - 2] === 0 && this.waiter) {
      const out = this.buf.subarray(0, n - 4).toString('utf8');
      this.buf = Buffer.alloc(0);
      const w = this.waiter;
      this.waiter = undefined;
      clearTimeout(w.timer);
      w.resolve(out);
    }
  }

  /** Runs one command; commands are serialised. */
  command(cmd: string, timeoutMs = 3000): Promise<string> {
    const p = this.chain.then(async () => {
      const s = await this.open();
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => this.fail(new Error(`vty command timed out: ${cmd}`)), timeoutMs);
        this.waiter = { resolve, reject, timer };
        s.write(cmd + '\0');
      });
    });
    this.chain = p.catch(() => undefined);
    return p;
  }

  close(): void {
    this.sock?.destroy();
    this.sock = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------

const liveLabs = new Set<Lab>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const lab of [...liveLabs]) lab.destroy();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      for (const lab of [...liveLabs]) lab.destroy();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
    });
  }
}

let labCounter = 0;
let leftoversRemoved = false;

export interface StartOptions {
  /** Daemons to start, in order. Default ['bgpd'] (bgpd then runs with -Z, no zebra). */
  daemons?: Daemon[];
}

export class Router {
  readonly dir: string;
  readonly address: string;
  /** Whether this router runs zebra (then bgpd connects to it; otherwise bgpd runs with -Z). */
  private useZebra = false;
  private client?: VtyClient;

  constructor(readonly lab: Lab, readonly name: RouterName, readonly ns: string) {
    this.dir = join(lab.dir, name);
    this.address = ADDRESS[name];
  }

  /** Writes the config file of one daemon (bgpd's is the scenario's frr.conf). */
  writeConfig(daemon: Daemon, text: string): void {
    assertConfigAddresses(text);
    const file = join(this.dir, `${daemon}.conf`);
    writeFileSync(file, text);
    chownFrr(file);
  }

  pidFile(d: Daemon): string {
    return join(this.dir, `${d}.pid`);
  }

  pid(d: Daemon): number | undefined {
    const pid = readPid(this.pidFile(d));
    return pid && pidAlive(pid) ? pid : undefined;
  }

  /**
   * Starts the given daemons in order (default: bgpd alone) and waits for their vty sockets. Once zebra was
   * started on this router, bgpd always connects to it; without zebra bgpd runs with -Z.
   */
  async start(opts: StartOptions = {}): Promise<void> {
    const daemons = opts.daemons ?? ['bgpd'];
    if (daemons.includes('zebra')) this.useZebra = true;
    const withZebra = this.useZebra;
    for (const d of daemons) {
      if (this.pid(d)) throw new Error(`lab: ${this.name}/${d} already running`);
      const conf = join(this.dir, `${d}.conf`);
      if (!existsSync(conf)) this.writeConfig(d, `hostname r${this.name}-${d}\n`);
      rmSync(this.pidFile(d), { force: true });
      rmSync(join(this.dir, `${d}.vty`), { force: true });
      const args = [FRR_DIR + '/' + d, '-d', '-P', '0', '-f', conf, '-i', this.pidFile(d),
        '--vty_socket', this.dir, '--log', `file:${join(this.dir, d + '.log')}`];
      if (d === 'bgpd') args.push(...(withZebra ? ['-z', join(this.dir, 'zserv.api')] : ['-Z']));
      if (d === 'zebra') args.push('-z', join(this.dir, 'zserv.api'));
      if (d === 'bfdd') args.push('-z', join(this.dir, 'zserv.api'), '--bfdctl', join(this.dir, 'bfdd.sock'));
      await runAsync('ip', ['netns', 'exec', this.ns, ...args]);
      await this.waitUntil(async () => existsSync(join(this.dir, `${d}.vty`)) && this.pid(d) !== undefined, 10000,
        `${d} vty socket`);
      if (d === 'zebra') await this.waitUntil(async () => existsSync(join(this.dir, 'zserv.api')), 10000, 'zserv.api');
    }
  }

  /**
   * Sends `signal` to the given daemons (default bgpd) by their pid-file ids and, for KILL and TERM, waits until
   * they are gone (STOP freezes them: sockets stay open, nothing is sent, as in a hung node).
   * Returns the performance.now() time at which the first signal was sent.
   */
  async kill(signal: Signal = 'KILL', daemons: Daemon[] = ['bgpd']): Promise<number> {
    const pids: number[] = [];
    let t = performance.now();
    let first = true;
    for (const d of daemons) {
      const pid = this.pid(d);
      if (!pid) throw new Error(`lab: ${this.name}/${d} is not running`);
      if (first) { t = performance.now(); first = false; }
      process.kill(pid, `SIG${signal}`);
      pids.push(pid);
    }
    if (signal === 'STOP') return t;
    const deadline = Date.now() + 15000;
    while (pids.some(pidAlive)) {
      if (Date.now() > deadline) throw new Error(`lab: ${this.name} daemons ${daemons.join(',')} did not exit`);
      await sleep(20);
    }
    return t;
  }

  /** Runs vtysh against this router's daemons (only `daemon`, default bgpd). */
  vty(command: string, daemon: Daemon = 'bgpd'): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile('vtysh', ['--vty_socket', this.dir, '-d', daemon, '-c', command], { timeout: 5000 },
        (err, stdout, stderr) => (err ? reject(new Error(`vtysh ${this.name} '${command}': ${err.message} ${stderr}`)) : resolve(stdout)));
    });
  }

  async vtyJson<T = any>(command: string, daemon: Daemon = 'bgpd'): Promise<T> {
    const out = await this.vty(command, daemon);
    return JSON.parse(out) as T;
  }

  /** A bgpd command over the persistent vty socket connection (reconnects after a bgpd restart). */
  async bgpdJson<T = any>(command: string): Promise<T> {
    this.client ??= new VtyClient(join(this.dir, 'bgpd.vty'));
    return JSON.parse(await this.client.command(command)) as T;
  }

  closeClients(): void {
    this.client?.close();
  }

  async waitUntil(pred: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if (await pred()) return;
      } catch { /* not ready yet */ }
      if (Date.now() > deadline) throw new Error(`lab: timeout (${timeoutMs} ms) waiting for ${what} on ${this.name}`);
      await sleep(100);
    }
  }

  /** JSON of `show bgp neighbors <peer> json` (over the persistent vty connection), or undefined. */
  async neighbor(peer: string): Promise<NeighborJson | undefined> {
    const j = await this.bgpdJson<Record<string, NeighborJson>>(`show bgp neighbors ${peer} json`);
    return j[peer];
  }

  async waitEstablished(peer: string, timeoutMs = 20000): Promise<void> {
    await this.waitUntil(async () => (await this.neighbor(peer))?.bgpState === 'Established', timeoutMs,
      `session to ${peer} Established`);
  }

  /** Best-effort log tail for failure messages. */
  log(d: Daemon | 'bgpd.debug', lines = 40): string {
    try {
      return readFileSync(join(this.dir, `${d}.log`), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}

export interface NeighborJson {
  bgpState?: string;
  gracefulRestartInfo?: {
    localGrMode?: string;
    remoteGrMode?: string;
    rBit?: boolean;
    nBit?: boolean;
    timers?: Record<string, number>;
    ipv4Unicast?: Record<string, unknown>;
  };
  neighborCapabilities?: Record<string, unknown>;
  [k: string]: unknown;
}

export class Lab {
  readonly id: string;
  readonly dir: string;
  readonly a: Router;
  readonly b: Router;
  private readonly veth: [string, string];
  private destroyed = false;

  private constructor() {
    labCounter += 1;
    this.id = `${LAB_PREFIX}${process.pid}-${labCounter}`;
    this.dir = join(WORK_ROOT, this.id);
    this.veth = [`gl${process.pid}x${labCounter}a`, `gl${process.pid}x${labCounter}b`];
    this.a = new Router(this, 'a', `${this.id}-a`);
    this.b = new Router(this, 'b', `${this.id}-b`);
  }

  router(name: RouterName): Router {
    return name === 'a' ? this.a : this.b;
  }

  /** Creates the namespaces, the veth pair and the work dir. Cleans leftovers of dead runs first (once). */
  static async create(): Promise<Lab> {
    installExitHooks();
    if (!leftoversRemoved) {
      leftoversRemoved = true;
      removeLeftovers();
    }
    const lab = new Lab();
    liveLabs.add(lab);
    try {
      mkdirSync(join(lab.dir, 'a'), { recursive: true });
      mkdirSync(join(lab.dir, 'b'), { recursive: true });
      for (const d of [lab.dir, lab.a.dir, lab.b.dir]) chownFrr(d);
      for (const r of [lab.a, lab.b]) await runAsync('ip', ['netns', 'add', r.ns]);
      await runAsync('ip', ['link', 'add', lab.veth[0], 'type', 'veth', 'peer', 'name', lab.veth[1]]);
      await runAsync('ip', ['link', 'set', lab.veth[0], 'netns', lab.a.ns]);
      await runAsync('ip', ['link', 'set', lab.veth[1], 'netns', lab.b.ns]);
      for (const [r, ifname] of [[lab.a, lab.veth[0]], [lab.b, lab.veth[1]]] as const) {
        assertTestNet(r.address);
        await runAsync('ip', ['-n', r.ns, 'addr', 'add', `${r.address}/${PREFIX_LEN}`, 'dev', ifname]);
        await runAsync('ip', ['-n', r.ns, 'link', 'set', 'lo', 'up']);
        await runAsync('ip', ['-n', r.ns, 'link', 'set', ifname, 'up']);
      }
    } catch (e) {
      await lab.close();
      throw e;
    }
    return lab;
  }

  /** Asynchronous cleanup for normal use: ends the lab's daemons, deletes namespaces, veth and work dir. Idempotent. */
  async close(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const r of [this.a, this.b]) {
      r.closeClients();
      this.killDaemonsByPidFile(r);
    }
    await Promise.all([deleteNamespace(this.a.ns), deleteNamespace(this.b.ns)]);
    for (const v of this.veth) {
      if (await runAsync('ip', ['link', 'show', v], { allowFail: true })) await runAsync('ip', ['link', 'del', v], { allowFail: true });
    }
    this.keepLogs();
    await rm(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }

  private killDaemonsByPidFile(r: Router): void {
    for (const d of ['bgpd', 'bfdd', 'zebra'] as const) {
      const pid = r.pid(d);
      if (pid && readCmdline(pid).includes(r.pidFile(d))) {
        try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
      }
    }
  }

  private keepLogs(): void {
    const keep = process.env.GRLAB_KEEP_LOGS;
    if (keep) {
      try { cpSync(this.dir, join(keep, this.id), { recursive: true }); } catch { /* best effort */ }
    }
  }

  /**
   * Synchronous cleanup, for the exit and signal hooks (and as a last resort): ends every process in the lab's
   * namespaces, deletes them, the veth and the work dir. Idempotent.
   */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const r of [this.a, this.b]) {
      r.closeClients();
      this.killDaemonsByPidFile(r);
      deleteNamespaceSync(r.ns);
    }
    for (const v of this.veth) {
      if (run('ip', ['link', 'show', v], { allowFail: true })) run('ip', ['link', 'del', v], { allowFail: true });
    }
    this.keepLogs();
    rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }
}

// ---------------------------------------------------------------------------------------------------------

export interface Sample {
  /** performance.now() (ms) when the query's answers were complete: the state shown was true at some time before. */
  at: number;
  /** Seconds relative to the watcher's origin at the time samples are read (see Watcher.timeline). */
  t: number;
  /** The prefix is in the helper's BGP table. */
  present: boolean;
  /** Some path of the prefix is marked stale. */
  stale: boolean;
  /** Some path of the prefix is best. */
  best: boolean;
  /** Helper's session state towards the restarting router. */
  state: string;
  /** Helper's view of the GR modes at that time (only when Established). */
  localGrMode?: string;
  remoteGrMode?: string;
}

interface RouteJsonPath { valid?: boolean; bestpath?: boolean; stale?: boolean; [k: string]: unknown }

/** Extracts (present, stale, best) for `prefix` from `show bgp ipv4 unicast json`. */
export function routeStatus(table: unknown, prefix: string): { present: boolean; stale: boolean; best: boolean } {
  const routes = (table as { routes?: Record<string, RouteJsonPath[]> } | undefined)?.routes ?? {};
  const paths = routes[prefix] ?? [];
  return {
    present: paths.length > 0,
    stale: paths.some((p) => p.stale === true),
    best: paths.some((p) => p.bestpath === true),
  };
}

/**
 * Samples a helper router's view of one prefix from one peer every `periodMs` and records a timeline.
 * Times are seconds relative to `origin` (performance.now() ms), which the caller may move (e.g. to the kill).
 */
export class Watcher {
  private readonly samples: Sample[] = [];
  /** performance.now() (ms) that t = 0 refers to; the scenario runner sets it to the kill time. */
  origin = performance.now();
  private running = false;
  private loop?: Promise<void>;

  constructor(readonly helper: Router, readonly peer: string, readonly prefix: string, readonly periodMs = 200) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const t0 = performance.now();
        try {
          const table = await this.helper.bgpdJson('show bgp ipv4 unicast json');
          const nbr = (await this.helper.bgpdJson<Record<string, NeighborJson>>(`show bgp neighbors ${this.peer} json`))[this.peer];
          const tm = performance.now();
          const st = routeStatus(table, this.prefix);
          const s: Sample = { at: tm, t: 0, ...st, state: nbr?.bgpState ?? 'none' };
          if (nbr?.bgpState === 'Established') {
            s.localGrMode = nbr.gracefulRestartInfo?.localGrMode;
            s.remoteGrMode = nbr.gracefulRestartInfo?.remoteGrMode;
          }
          this.samples.push(s);
        } catch { /* helper busy or restarting: skip this sample */ }
        const wait = this.periodMs - (performance.now() - t0);
        if (wait > 0) await sleep(wait);
      }
    })();
  }

  async stop(): Promise<Sample[]> {
    this.running = false;
    await this.loop;
    return this.timeline();
  }

  /** The samples so far, with t in seconds relative to the current origin. */
  timeline(): Sample[] {
    return this.samples.map((s) => ({ ...s, t: round3((s.at - this.origin) / 1000) }));
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Compresses a timeline into its changes: one entry per run of identical (present, stale, best, state). */
export function timelineChanges(samples: Sample[]): Sample[] {
  const out: Sample[] = [];
  for (const s of samples) {
    const p = out[out.length - 1];
    if (!p || p.present !== s.present || p.stale !== s.stale || p.best !== s.best || p.state !== s.state) out.push(s);
  }
  return out;
}

export function formatTimeline(samples: Sample[]): string {
  return timelineChanges(samples)
    .map((s) => `${s.t.toFixed(2).padStart(7)}s  ${s.present ? (s.stale ? 'stale  ' : 'present') : 'absent '}` +
      `${s.best ? ' best' : '     '}  ${s.state}`)
    .join('\n');
}
