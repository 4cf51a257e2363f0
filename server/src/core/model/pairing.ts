/**
 * Pairs ends into sessions (catalog.md §2): a cluster-side end (BGPPeer, FRRConfiguration neighbor) with
 * the router file whose own addresses include its peer address, and FRR neighbors with each other.
 */
import { normalizeAddress, prefixContains } from './address';
import type { End, PairingNote, Session } from './types';
import { TextMemo } from './texts';
import { restartVerdict } from './verdict';

/** A router document's identity for pairing: its ends grouped by instance, and its own addresses. */
interface RouterDoc {
  readonly docId: string;
  readonly ends: End[];
  /** Own addresses of the document (all instances' router-ids, interface addresses, update-sources, hints). */
  readonly addresses: Set<string>;
  /** The ends that point at each address, and those without an address target, in `ends` order. */
  byTarget?: { readonly address: ReadonlyMap<string, readonly End[]>; readonly other: readonly End[] };
}

const NO_ENDS: readonly End[] = [];

/**
 * Session ids by the ids of their ends (lower first). End ids are kept strings themselves (effective.ts),
 * so a session paired again after an edit gets its id back instead of a new one made and flattened.
 */
const SESSION_IDS = new TextMemo((lower: string, higher: string) => `${lower}<->${higher}`);

/** The ends of `d` that can cover one of `addrs` (address targets in it, listen ranges, interfaces), in `d.ends` order. */
function endsNear(d: RouterDoc, addrs: readonly string[]): readonly End[] {
  if (!d.byTarget) {
    const address = new Map<string, End[]>();
    const other: End[] = [];
    for (const e of d.ends) {
      if (e.target.kind !== 'address') other.push(e);
      else {
        const list = address.get(e.target.address);
        if (list) list.push(e);
        else address.set(e.target.address, [e]);
      }
    }
    d.byTarget = { address, other };
  }
  const { address, other } = d.byTarget;
  if (other.length === 0 && addrs.length === 1) return address.get(addrs[0]!) ?? NO_ENDS;
  const near = new Set<End>(other);
  for (const a of addrs) for (const e of address.get(a) ?? NO_ENDS) near.add(e);
  return d.ends.filter((e) => near.has(e));
}

export interface PairingResult {
  readonly sessions: Session[];
  readonly notes: PairingNote[];
}

/** Does a remote-as setting of an end in AS `local` accept a peer in AS `peer`? */
export function remoteAsMatches(remoteAs: End['remoteAs'], local: number | undefined, peer: number | undefined): boolean {
  if (!remoteAs) return false;
  const v = remoteAs.value;
  if (v === 'auto') return true;
  if (peer === undefined) return false;
  if (v === 'internal') return local !== undefined && peer === local;
  if (v === 'external') return local !== undefined && peer !== local;
  return v === peer;
}

/** The peer AS an end expects, when it names one (`internal` resolves to its own AS). */
function expectedPeerAsn(e: End): number | undefined {
  const v = e.remoteAs?.value;
  if (typeof v === 'number') return v;
  if (v === 'internal') return e.localAsn;
  return undefined;
}

/** True when end `e` (on the router side) points at address `addr` (directly or by a listen range). */
function coversAddress(e: End, addr: string): boolean {
  if (e.target.kind === 'address') return e.target.address === addr;
  if (e.target.kind === 'listen-range') return prefixContains(e.target.prefix, addr);
  return false;
}

/**
 * Pairs all ends. `frrEnds` are router-side ends of real frr.conf files; `clusterEnds` come from CRs.
 * It runs on every lint over every end; the per-end loops avoid allocating (no closures or iterator
 * objects per end, lists only where something is found).
 */
export function pairEnds(frrEnds: readonly End[], clusterEnds: readonly End[]): PairingResult {
  const sessions: Session[] = [];
  const notes: PairingNote[] = [];
  // The ids each paired end id has a session with (one id, or the set of them).
  const partners = new Map<string, string | Set<string>>();
  const link = (x: string, y: string): void => {
    const p = partners.get(x);
    if (p === undefined) partners.set(x, y);
    else if (typeof p === 'string') partners.set(x, new Set([p, y]));
    else p.add(y);
  };

  const docs = new Map<string, RouterDoc>();
  let lastAddresses: readonly string[] | undefined;
  for (let i = 0; i < frrEnds.length; i++) {
    const e = frrEnds[i]!;
    const id = e.instance.doc.id;
    let d = docs.get(id);
    if (!d) docs.set(id, (d = { docId: id, ends: [], addresses: new Set() }));
    d.ends.push(e);
    // The ends of an instance share their list of addresses.
    if (e.localAddresses !== lastAddresses) for (const a of e.localAddresses) d.addresses.add(a);
    lastAddresses = e.localAddresses;
  }
  // Router documents by own address, in document order.
  const docsByAddress = new Map<string, RouterDoc[]>();
  for (const d of docs.values()) {
    for (const a of d.addresses) {
      const list = docsByAddress.get(a);
      if (list) list.push(d);
      else docsByAddress.set(a, [d]);
    }
  }

  const addSession = (a: End, b: End): void => {
    const p = partners.get(a.id);
    if (p !== undefined && (p === b.id || (typeof p !== 'string' && p.has(b.id)))) return;
    link(a.id, b.id);
    link(b.id, a.id);
    const id = a.id < b.id ? SESSION_IDS.get(a.id, b.id) : SESSION_IDS.get(b.id, a.id);
    sessions.push({ id, a, b, verdicts: [restartVerdict(a, b), restartVerdict(b, a)] });
  };

  // FRR <-> FRR.
  const frrPaired = new Set<string>();
  for (let i = 0; i < frrEnds.length; i++) {
    const e1 = frrEnds[i]!;
    if (e1.target.kind !== 'address') continue;
    const near = docsByAddress.get(e1.target.address);
    if (!near) continue;
    const peerAsn = expectedPeerAsn(e1);
    const candidates: End[] = [];
    for (const d of near) {
      if (d.docId === e1.instance.doc.id) continue;
      for (const e2 of d.ends) {
        if (e2.localAsn === undefined) continue;
        if (!remoteAsMatches(e1.remoteAs, e1.localAsn, e2.localAsn)) continue;
        if (peerAsn !== undefined && e2.localAsn !== peerAsn) continue;
        if (!remoteAsMatches(e2.remoteAs, e2.localAsn, e1.localAsn)) continue;
        if (!e1.localAddresses.some((a) => coversAddress(e2, a))) continue;
        candidates.push(e2);
      }
    }
    for (const e2 of candidates) {
      addSession(e1, e2);
      frrPaired.add(e1.id);
      frrPaired.add(e2.id);
    }
  }

  // Cluster <-> router files.
  const docsWithoutAddresses = [...docs.values()].filter((d) => d.addresses.size === 0);
  for (let i = 0; i < clusterEnds.length; i++) {
    const c = clusterEnds[i]!;
    const near = c.target.kind === 'address' ? docsByAddress.get(c.target.address) : undefined;
    if (near?.length === 1) {
      // The common case: one router document claims the peer address.
      const ends = fittingEnds(c, near[0]!, frrPaired);
      if (ends) {
        for (let j = 0; j < ends.length; j++) addSession(c, ends[j]!);
        continue;
      }
    }
    let matched = near && near.length > 1 ? fittingDocs(c, near, frrPaired) : NO_FITS;
    if (matched.length === 0) {
      // Pairing by ASNs alone: only among router files that state none of their own addresses, and only
      // when exactly one of them fits.
      matched = fittingDocs(c, docsWithoutAddresses, frrPaired);
      if (matched.length > 1) {
        notes.push({ end: c, kind: 'ambiguous', candidates: matched.flatMap((x) => x.ends) });
        continue;
      }
    }
    if (matched.length > 1) {
      // Several router files claim the peer address: pairing with any of them could be wrong, so none.
      notes.push({ end: c, kind: 'ambiguous', candidates: matched.flatMap((x) => x.ends) });
      continue;
    }
    for (const { ends } of matched) for (let j = 0; j < ends.length; j++) addSession(c, ends[j]!);
  }

  const noted = new Set(notes.map((n) => n.end.id));
  for (const list of [frrEnds, clusterEnds]) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (!partners.has(e.id) && !noted.has(e.id)) {
        notes.push({ end: e, kind: 'unpaired', candidates: [] });
        noted.add(e.id);
      }
    }
  }
  return { sessions, notes };
}

/** A router document with the ends of it that a cluster-side end can pair with (at least one). */
interface Fit {
  readonly d: RouterDoc;
  readonly ends: readonly End[];
}

const NO_FITS: readonly Fit[] = [];

/** The documents of `docs` (in order) with ends that cluster-side end `c` can pair with. */
function fittingDocs(c: End, docs: readonly RouterDoc[], frrPaired: ReadonlySet<string>): readonly Fit[] {
  let out: Fit[] | undefined;
  for (const d of docs) {
    const ends = fittingEnds(c, d, frrPaired);
    if (!ends) continue;
    if (out) out.push({ d, ends });
    else out = [{ d, ends }];
  }
  return out ?? NO_FITS;
}

/**
 * The ends of router document `d` that cluster-side end `c` can pair with, in `d.ends` order, or
 * undefined for none. With node addresses, only the ends that point at one of them (or at no address)
 * can fit.
 */
function fittingEnds(c: End, d: RouterDoc, frrPaired: ReadonlySet<string>): readonly End[] | undefined {
  const peerAsn = expectedPeerAsn(c);
  const nodeAddrs = c.nodes?.addresses;
  const near = nodeAddrs && nodeAddrs.length > 0 ? endsNear(d, nodeAddrs) : d.ends;
  // The ends that fit, as a new list once one does not (until then, a prefix of `near`).
  let out: End[] | undefined;
  let fit = 0;
  for (let i = 0; i < near.length; i++) {
    const e = near[i]!;
    if (fits(c, e, peerAsn, nodeAddrs, frrPaired)) {
      if (out) out.push(e);
      else fit++;
    } else if (!out) out = near.slice(0, fit);
  }
  if (!out) return fit > 0 ? near : undefined;
  return out.length > 0 ? out : undefined;
}

function fits(c: End, e: End, peerAsn: number | undefined, nodeAddrs: readonly string[] | undefined, frrPaired: ReadonlySet<string>): boolean {
  if (frrPaired.has(e.id)) return false;
  if (e.localAsn === undefined) return false;
  if (peerAsn !== undefined && e.localAsn !== peerAsn) return false;
  if (peerAsn === undefined && !remoteAsMatches(c.remoteAs, c.localAsn, e.localAsn)) return false;
  if (!remoteAsMatches(e.remoteAs, e.localAsn, c.localAsn)) return false;
  if (nodeAddrs && nodeAddrs.length > 0) return nodeAddrs.some((a) => coversAddress(e, a)) || e.target.kind === 'interface';
  return true;
}

export { normalizeAddress };
