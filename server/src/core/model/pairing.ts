/**
 * Pairs ends into sessions (catalog.md §2): a cluster-side end (BGPPeer, FRRConfiguration neighbor) with
 * the router file whose own addresses include its peer address, and FRR neighbors with each other.
 */
import { normalizeAddress, prefixContains } from './address';
import type { End, PairingNote, Session } from './types';
import { restartVerdict } from './verdict';

/** A router document's identity for pairing: its ends grouped by instance, and its own addresses. */
interface RouterDoc {
  readonly docId: string;
  readonly ends: End[];
  /** Own addresses of the document (all instances' router-ids, interface addresses, update-sources, hints). */
  readonly addresses: Set<string>;
  /** Positions in `ends` of the ends that point at each address, and of those without an address target. */
  byTarget?: { readonly address: ReadonlyMap<string, readonly number[]>; readonly other: readonly number[] };
}

/** The ends of `d` that can cover one of `addrs` (address targets in it, listen ranges, interfaces), in `d.ends` order. */
function endsNear(d: RouterDoc, addrs: readonly string[]): End[] {
  if (!d.byTarget) {
    const address = new Map<string, number[]>();
    const other: number[] = [];
    d.ends.forEach((e, i) => {
      if (e.target.kind !== 'address') other.push(i);
      else {
        const list = address.get(e.target.address);
        if (list) list.push(i);
        else address.set(e.target.address, [i]);
      }
    });
    d.byTarget = { address, other };
  }
  const { address, other } = d.byTarget;
  let at: readonly number[];
  if (other.length === 0 && addrs.length === 1) at = address.get(addrs[0]!) ?? [];
  else {
    const out = new Set<number>(other);
    for (const a of addrs) for (const i of address.get(a) ?? []) out.add(i);
    at = [...out].sort((x, y) => x - y);
  }
  return at.map((i) => d.ends[i]!);
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

/** Pairs all ends. `frrEnds` are router-side ends of real frr.conf files; `clusterEnds` come from CRs. */
export function pairEnds(frrEnds: readonly End[], clusterEnds: readonly End[]): PairingResult {
  const sessions: Session[] = [];
  const notes: PairingNote[] = [];
  const paired = new Set<string>();
  // Paired end ids: the lesser id, then the greater one.
  const seen = new Map<string, Set<string>>();

  const docs = new Map<string, RouterDoc>();
  for (const e of frrEnds) {
    const id = e.instance.doc.id;
    let d = docs.get(id);
    if (!d) docs.set(id, (d = { docId: id, ends: [], addresses: new Set() }));
    d.ends.push(e);
    for (const a of e.localAddresses) d.addresses.add(a);
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
    const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    let his = seen.get(lo);
    if (!his) seen.set(lo, (his = new Set()));
    if (his.has(hi)) return;
    his.add(hi);
    paired.add(a.id);
    paired.add(b.id);
    sessions.push({ id: `${lo}<->${hi}`, a, b, verdicts: [restartVerdict(a, b), restartVerdict(b, a)] });
  };

  // FRR <-> FRR.
  const frrPaired = new Set<string>();
  for (const e1 of frrEnds) {
    if (e1.target.kind !== 'address') continue;
    const x = e1.target.address;
    const peerAsn = expectedPeerAsn(e1);
    const candidates: End[] = [];
    for (const d of docsByAddress.get(x) ?? []) {
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
  for (const c of clusterEnds) {
    const peerAsn = expectedPeerAsn(c);
    const addr = c.target.kind === 'address' ? c.target.address : undefined;
    const nodeAddrs = c.nodes?.addresses;
    const fits = (e: End): boolean => {
      if (frrPaired.has(e.id)) return false;
      if (e.localAsn === undefined) return false;
      if (peerAsn !== undefined && e.localAsn !== peerAsn) return false;
      if (peerAsn === undefined && !remoteAsMatches(c.remoteAs, c.localAsn, e.localAsn)) return false;
      if (!remoteAsMatches(e.remoteAs, e.localAsn, c.localAsn)) return false;
      if (nodeAddrs && nodeAddrs.length > 0) return nodeAddrs.some((a) => coversAddress(e, a)) || e.target.kind === 'interface';
      return true;
    };
    // With node addresses, only the ends that point at one of them (or at no address) can fit.
    const fitting = new Map<RouterDoc, End[]>();
    const routerEnds = (d: RouterDoc): End[] => {
      let list = fitting.get(d);
      if (!list) {
        list = (nodeAddrs && nodeAddrs.length > 0 ? endsNear(d, nodeAddrs) : d.ends).filter(fits);
        fitting.set(d, list);
      }
      return list;
    };

    let matchedDocs: RouterDoc[] = [];
    if (addr) matchedDocs = (docsByAddress.get(addr) ?? []).filter((d) => routerEnds(d).length > 0);
    if (matchedDocs.length === 0) {
      // Pairing by ASNs alone: only among router files that state none of their own addresses, and only
      // when exactly one of them fits.
      const byAsn = docsWithoutAddresses.filter((d) => routerEnds(d).length > 0);
      if (byAsn.length === 1) matchedDocs = byAsn;
      else if (byAsn.length > 1) {
        notes.push({ end: c, kind: 'ambiguous', candidates: byAsn.flatMap(routerEnds) });
        continue;
      }
    }
    if (matchedDocs.length > 1) {
      // Several router files claim the peer address: pairing with any of them could be wrong, so none.
      notes.push({ end: c, kind: 'ambiguous', candidates: matchedDocs.flatMap(routerEnds) });
      continue;
    }
    for (const d of matchedDocs) for (const e of routerEnds(d)) addSession(c, e);
  }

  const noted = new Set(notes.map((n) => n.end.id));
  for (const list of [frrEnds, clusterEnds]) {
    for (const e of list) {
      if (!paired.has(e.id) && !noted.has(e.id)) {
        notes.push({ end: e, kind: 'unpaired', candidates: [] });
        noted.add(e.id);
      }
    }
  }
  return { sessions, notes };
}

export { normalizeAddress };
