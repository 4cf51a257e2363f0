// Runs one lab scenario folder (test/lab/scenarios/<name>/{a.frr.conf,b.frr.conf,scenario.json}) against real FRR
// and classifies what the helper did with the restarting router's prefix.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { configFromTemplate, type LintedFile } from './grlint-verdict';
import { ADDRESS, Daemon, FRR_DIR, Lab, NeighborJson, RouterName, Sample, Signal, Watcher, timelineChanges } from './lab';

export const SCENARIOS_DIR = join(__dirname, 'scenarios');

/** What the helper did with the restarting router's prefix, as measured. */
export type Outcome =
  /** never absent from the kill to the end; stale while down, fresh again after the return */
  | 'kept'
  /** absent within ONCE_WITHIN_SECONDS of the kill */
  | 'lost-at-once'
  /** kept (stale) for a while, then absent before the restarting router came back: a timer expired */
  | 'lost-while-down'
  /** kept (stale) through the whole absence, then absent when the session came back, then learned again */
  | 'lost-at-reconnect';

export interface Expectation {
  /**
   * 'race': the outcome depends on event order inside FRR (TCP close vs BFD Down): either kept or lost at once,
   * and the helper's log must show which event won.
   */
  outcome: Outcome | 'race';
  /** For lost-while-down: seconds after the kill at which the prefix disappears. */
  lostAtSeconds?: number;
  /** Tolerance (s) for lostAtSeconds; default 1.2 (sampling every 250 ms plus FRR's 1 s timer granularity). */
  toleranceSeconds?: number;
  /** For lost-while-down: seconds from the first stale sample to the loss (when the start of retention varies). */
  lostAfterStaleSeconds?: number;
  /** For lost-at-reconnect: upper bound (s) of the measured gap between the flush and the re-learned route. */
  maxGapSeconds?: number;
}

/** A loss seen within this many seconds of the kill counts as "at once" (BFD detect time 0.9 s + one sample). */
export const ONCE_WITHIN_SECONDS = 1.5;

export interface KillStep {
  signal: Signal;
  daemons: Daemon[];
  /** Seconds after the first step (default 0). */
  atSeconds?: number;
}

export function killSteps(spec: ScenarioSpec): KillStep[] {
  return (Array.isArray(spec.kill) ? spec.kill : [spec.kill]).slice().sort((x, y) => (x.atSeconds ?? 0) - (y.atSeconds ?? 0));
}

export interface ScenarioSpec {
  /** One line: what is configured and what is measured. */
  title: string;
  /** Router that restarts (the other one is the helper, whose table the watcher samples). */
  restarting: RouterName;
  /** Prefix the restarting router advertises. */
  prefix: string;
  /** Daemons to run on both routers: ["bgpd"] (bgpd -Z, no zebra) or ["zebra","bgpd","bfdd"] for BFD. */
  daemons: Daemon[];
  /**
   * How the restarting router goes away: signal and daemons it is sent to (by their pid-file ids), or several
   * such steps at given seconds after the first (t = 0). STOP freezes a daemon (a hung node: no FIN, no BFD);
   * frozen daemons are killed (-9) just before the restart.
   */
  kill: KillStep | KillStep[];
  /** Seconds from the kill to the restart of the killed daemons. */
  downSeconds: number;
  /** Seconds to keep watching after the restart (the run stops earlier once the prefix is fresh for 1.5 s). */
  observeSeconds: number;
  /** Config file (in the folder) the restarting router comes back with; default its own a/b.frr.conf. */
  returnConfig?: string;
  /**
   * A MetalLB scenario: A's frr.conf is built from this template file, whose `!@grlint-render FILE` line is
   * replaced by `grlint render FILE` (the BGPPeer YAML as MetalLB renders it). grlint judges FILE itself.
   */
  renderedA?: string;
  /** The measured outcome this scenario asserts. */
  expect: Expectation;
  /** Values the helper's `show bgp neighbors <restarting> json` must show while Established, before the kill. */
  expectHelperView?: {
    localGrMode?: string;
    remoteGrMode?: string;
    receivedRestartTimer?: number;
    fBit?: boolean;
    gracefulRestartCapability?: string;
  };
  /**
   * What grlint's restart verdict (catalog.md §2) should say for this session and direction, and the rules
   * expected to fire. Not checked by the lab itself: the hook for comparing grlint with real FRR.
   */
  grlint: {
    /** The verdict that agrees with what real FRR did here. */
    verdict: 'kept' | 'flushed';
    keptSeconds?: number;
    reason?: string;
    /** GR/BFD rule codes that name the cause (GR105 where the kept window is below downSeconds). */
    rules: string[];
    /** false when the outcome depends on something grlint cannot see (a config change across the restart). */
    compare?: boolean;
    /** What catalog.md §2 as written predicts, when it differs from the measurement. */
    catalogVerdict?: string;
    catalogGap?: string;
    note?: string;
  };
  /** Free text: what this scenario tells about domain.md / catalog.md. */
  notes?: string;
}

export interface Scenario {
  name: string;
  dir: string;
  spec: ScenarioSpec;
  /** The frr.conf each router runs (for a MetalLB scenario, A's is built from the rendering). */
  config: Record<RouterName, string>;
  returnConfig?: string;
  /** The file each router's config comes from, as grlint reads it (frr.conf, or the MetalLB YAML). */
  sources: Record<RouterName, LintedFile>;
}

export function loadScenario(name: string, root = SCENARIOS_DIR): Scenario {
  const dir = join(root, name);
  const spec = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as ScenarioSpec;
  const file = (n: string): LintedFile => ({ name: n, text: readFileSync(join(dir, n), 'utf8') });
  const b = file('b.frr.conf');
  let a: LintedFile;
  let aSource: LintedFile;
  if (spec.renderedA) {
    const built = configFromTemplate(dir, spec.renderedA);
    a = { name: 'a.frr.conf', text: built.text };
    aSource = built.yaml;
  } else {
    a = aSource = file('a.frr.conf');
  }
  const returnConfig = spec.returnConfig ? readFileSync(join(dir, spec.returnConfig), 'utf8') : undefined;
  return { name, dir, spec, config: { a: a.text, b: b.text }, returnConfig, sources: { a: aSource, b } };
}

export function listScenarios(root = SCENARIOS_DIR): string[] {
  return readdirSync(root).filter((n) => existsSync(join(root, n, 'scenario.json'))).sort();
}

let version: string | undefined;
/** bgpd's version (cached: computed once, before scenarios run). */
export function frrVersion(): string {
  if (version === undefined) {
    const r = spawnSync(join(FRR_DIR, 'bgpd'), ['--version'], { encoding: 'utf8' });
    version = /version\s+(\S+)/.exec(r.stdout ?? '')?.[1] ?? 'unknown';
  }
  return version;
}

/**
 * Lines the lab puts before a scenario's config: a debug log with millisecond stamps and GR/BFD/neighbor
 * debugs. They change no GR setting.
 */
export function debugHeader(dir: string): string {
  return [
    `log file ${dir}/bgpd.debug.log debugging`,
    'log timestamp precision 3',
    'debug bgp graceful-restart',
    'debug bgp neighbor-events',
    'debug bgp bfd',
    '',
  ].join('\n');
}

export interface Classification {
  outcome: Outcome | 'unclassified';
  /** First sample (t >= 0) where the prefix is absent, in seconds after the kill. */
  lostAt: number | null;
  /** Last sample before lostAt where it was present (so the loss happened in (lastPresentAt, lostAt]). */
  lastPresentAt: number | null;
  /** First sample after the loss where the prefix is present and not stale. */
  relearnedAt: number | null;
  /** First sample (t >= 0) showing the prefix stale. */
  staleAt: number | null;
  /** First sample after the restart where the session is Established. */
  reestablishedAt: number | null;
  /** First sample after the restart where the prefix is present and not stale. */
  refreshedAt: number | null;
  /** relearnedAt - lostAt when both exist: an upper bound of the outage seen with this sampling. */
  gap: number | null;
}

/** Classifies a timeline; `restartAt` is the time (s after the kill) the killed daemons were started again. */
export function classify(samples: Sample[], restartAt: number, onceWithinSeconds = ONCE_WITHIN_SECONDS): Classification {
  const after = samples.filter((s) => s.t >= 0);
  const lostIdx = after.findIndex((s) => !s.present);
  const lost = lostIdx >= 0 ? after[lostIdx]! : undefined;
  const lastPresent = lostIdx > 0 ? after[lostIdx - 1]! : lostIdx === 0 ? samples.filter((s) => s.t < 0).pop() : undefined;
  const relearned = lost ? after.slice(lostIdx).find((s) => s.present && !s.stale) : undefined;
  const stale = after.find((s) => s.present && s.stale);
  const reest = after.find((s) => s.t >= restartAt && s.state === 'Established');
  const refreshed = after.find((s) => s.t >= restartAt && s.present && !s.stale);
  const c: Classification = {
    outcome: 'unclassified',
    lostAt: lost?.t ?? null,
    lastPresentAt: lastPresent?.t ?? null,
    relearnedAt: relearned?.t ?? null,
    staleAt: stale?.t ?? null,
    reestablishedAt: reest?.t ?? null,
    refreshedAt: refreshed?.t ?? null,
    gap: lost && relearned ? round2(relearned.t - lost.t) : null,
  };
  if (!lost) {
    const last = after[after.length - 1];
    if (stale && refreshed && last && last.present && !last.stale) c.outcome = 'kept';
  } else if (lost.t <= onceWithinSeconds) {
    c.outcome = 'lost-at-once';
  } else if (lost.t < restartAt) {
    c.outcome = 'lost-while-down';
  } else if (stale && relearned) {
    c.outcome = 'lost-at-reconnect';
  }
  return c;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface GrView {
  bgpState?: string;
  localGrMode?: string;
  remoteGrMode?: string;
  rBit?: boolean;
  nBit?: boolean;
  timers?: Record<string, number>;
  /** ipv4Unicast.timers (stalePathTimer = the local stalepath-time) */
  afTimers?: unknown;
  /** Present only while the peer is away: gracefulRestartTimerMsecs, gracefulStalepathTimerMsecs. */
  runningTimers?: Record<string, unknown>;
  fBit?: unknown;
  gracefulRestartCapability?: unknown;
  addressFamiliesByPeer?: unknown;
  hold?: unknown;
  keepalive?: unknown;
  bfd?: unknown;
  lastResetDueTo?: unknown;
}

export function grView(n: NeighborJson | undefined): GrView | undefined {
  if (!n) return undefined;
  const gr = n.gracefulRestartInfo ?? {};
  const caps = (n.neighborCapabilities ?? {}) as Record<string, unknown>;
  return {
    bgpState: n.bgpState,
    localGrMode: gr.localGrMode,
    remoteGrMode: gr.remoteGrMode,
    rBit: gr.rBit,
    nBit: gr.nBit,
    timers: gr.timers,
    afTimers: (gr.ipv4Unicast as { timers?: unknown } | undefined)?.timers,
    runningTimers: Object.fromEntries(Object.entries(gr).filter(([k]) => /TimerMsecs$/.test(k))),
    fBit: (gr.ipv4Unicast as { fBit?: unknown } | undefined)?.fBit,
    gracefulRestartCapability: caps.gracefulRestart,
    addressFamiliesByPeer: caps.addressFamiliesByPeer ?? (n as Record<string, unknown>).addressFamiliesByPeer,
    hold: n.bgpTimerHoldTimeMsecs,
    keepalive: n.bgpTimerKeepAliveIntervalMsecs,
    bfd: (n as Record<string, unknown>).peerBfdInfo,
    lastResetDueTo: n.lastResetDueTo,
  };
}

export interface ScenarioResult {
  name: string;
  frrVersion: string;
  spec: ScenarioSpec;
  /** Seconds after the kill at which the killed daemons were started again. */
  restartAt: number;
  /** Full timeline and its changes. */
  samples: Sample[];
  changes: Sample[];
  classification: Classification;
  /** Both routers' view of the session before the kill (Established). */
  before: { helper?: GrView; restarting?: GrView };
  /** The helper's view while the restarting router was away (about 1 s after the kill). */
  whileDown?: GrView;
  /** The helper's view at the end. */
  after?: GrView;
  /** Helper log lines about GR / BFD / resets (timestamps are wall clock, ms). */
  helperLog: string[];
  /** The same lines as events, in seconds relative to the kill. */
  helperEvents: LogEvent[];
  durationSeconds: number;
}

export interface LogEvent {
  /** Seconds after the kill. */
  t: number;
  text: string;
}

/** Turns FRR log lines (`YYYY/MM/DD HH:MM:SS.mmm BGP: [ID] text`, local time) into events relative to `originWall`. */
export function logEvents(lines: string[], originWall: number): LogEvent[] {
  const out: LogEvent[] = [];
  for (const l of lines) {
    const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) \w+: (?:\[[\w-]+\] )?(.*)$/.exec(l);
    if (!m) continue;
    const [y, mo, d, h, mi, se, ms] = m.slice(1, 8).map(Number) as number[];
    const wall = new Date(y!, mo! - 1, d!, h!, mi!, se!, ms!).getTime();
    out.push({ t: round2((wall - originWall) / 1000), text: m[8]! });
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/** Runs a scenario end to end in a fresh lab; the lab is always destroyed, also on failure. */
export async function runScenario(sc: Scenario): Promise<ScenarioResult> {
  const t0 = performance.now();
  const spec = sc.spec;
  const version = frrVersion();
  const lab = await Lab.create();
  try {
    const rName = spec.restarting;
    const hName: RouterName = rName === 'a' ? 'b' : 'a';
    const R = lab.router(rName);
    const H = lab.router(hName);
    for (const name of ['a', 'b'] as const) lab.router(name).writeConfig('bgpd', debugHeader(lab.router(name).dir) + sc.config[name]);
    await H.start({ daemons: spec.daemons });
    await R.start({ daemons: spec.daemons });
    const rAddr = ADDRESS[rName];
    const hAddr = ADDRESS[hName];
    await H.waitEstablished(rAddr);
    await R.waitEstablished(hAddr);
    await H.waitUntil(async () => {
      const st = (await H.bgpdJson('show bgp ipv4 unicast json')).routes?.[spec.prefix] as { bestpath?: boolean }[] | undefined;
      return !!st?.some((p) => p.bestpath);
    }, 15000, `${spec.prefix} best on ${hName}`);
    if (spec.daemons.includes('bfdd')) {
      await H.waitUntil(async () => JSON.stringify((await H.neighbor(rAddr))?.peerBfdInfo ?? {}).includes('"status":"Up"'),
        15000, 'BFD Up');
    }
    await sleep(1000); // let EoR and timers settle
    const before = { helper: grView(await H.neighbor(rAddr)), restarting: grView(await R.neighbor(hAddr)) };

    const w = new Watcher(H, rAddr, spec.prefix, 200);
    w.start();
    await sleep(1000);
    const steps = killSteps(spec);
    const killAt = await R.kill(steps[0]!.signal, steps[0]!.daemons);
    const killWall = Date.now() - (performance.now() - killAt);
    w.origin = killAt;
    let whileDown: GrView | undefined;
    const snapshotAt = killAt + Math.min(1000, spec.downSeconds * 500);
    for (const step of steps.slice(1)) {
      const wait = killAt + (step.atSeconds ?? 0) * 1000 - performance.now();
      if (wait > 0) await sleep(wait);
      await R.kill(step.signal, step.daemons);
    }
    if (performance.now() < snapshotAt) await sleep(snapshotAt - performance.now());
    whileDown = grView(await H.neighbor(rAddr).catch(() => undefined));
    const restartDelay = spec.downSeconds * 1000 - (performance.now() - killAt);
    if (restartDelay > 0) await sleep(restartDelay);
    const killed = spec.daemons.filter((d) => steps.some((st) => st.daemons.includes(d)));
    const frozen = killed.filter((d) => R.pid(d) !== undefined);
    if (frozen.length) await R.kill('KILL', frozen);
    if (sc.returnConfig !== undefined) R.writeConfig('bgpd', debugHeader(R.dir) + sc.returnConfig);
    const restartAt = round2((performance.now() - killAt) / 1000);
    await R.start({ daemons: killed });
    const endBy = performance.now() + spec.observeSeconds * 1000;
    let freshSince: number | undefined;
    while (performance.now() < endBy) {
      await sleep(250);
      const last = w.timeline().pop();
      if (last && last.t >= restartAt && last.present && !last.stale && last.state === 'Established') {
        freshSince ??= last.t;
        if (last.t - freshSince >= 1.5) break;
      } else {
        freshSince = undefined;
      }
    }
    const samples = await w.stop();
    const after = grView(await H.neighbor(rAddr).catch(() => undefined));
    const helperLog = H.log('bgpd.debug', 2000).split('\n')
      .filter((l) => !/Update Group Hash|Flag PEER_FLAG|flags_update|gr_init|state changed/.test(l))
      .filter((l) => /timer|stale|NSF|BFD|notification|Cease|Deleting|deferral|End-of-RIB|flush|went from|Restart Time|Graceful Restart capability|bgp_stop|peer_delete|clear|dynamic/i.test(l))
      .filter((l) => !/routeadv timer|rcvd OPEN w|Sending (R|N)-Bit|Sending helper/i.test(l))
      .slice(-80);
    return {
      name: sc.name,
      frrVersion: version,
      spec,
      restartAt,
      samples,
      changes: timelineChanges(samples),
      classification: classify(samples, restartAt),
      before,
      whileDown,
      after,
      helperLog,
      helperEvents: logEvents(helperLog, killWall),
      durationSeconds: round2((performance.now() - t0) / 1000),
    };
  } finally {
    await lab.close();
  }
}
