/**
 * A readable dump of what the frr.conf parser and its views produce, for the golden `.tree` files:
 * the block tree (node, opener, 1-based line span, how the block ended), the parse errors as
 * `error <line>:<col>: <code> <message>`, then the structured view. Secret values are never printed:
 * every piece of source text goes through `redact`, which masks the view's sensitive ranges.
 */
import { analyzeFrr } from '../../../server/src/core/frr';
import type { BgpStatement, FrrBlock, FrrConfigView, GrStatement, NeighborCommand, NumVal, Val } from '../../../server/src/core/frr';
import type { Range } from '../../../server/src/core/text/range';
import { LineIndex } from '../../../server/src/core/text/line-index';

export const REDACTED = '<redacted>';

export function dumpFrr(text: string): string {
  const view = analyzeFrr(text);
  return new Dumper(text, view).dump();
}

class Dumper {
  private readonly index: LineIndex;
  private readonly out: string[] = [];

  constructor(
    private readonly text: string,
    private readonly view: FrrConfigView,
  ) {
    this.index = new LineIndex(text);
  }

  dump(): string {
    const { tree } = this.view;
    this.out.push('# tree');
    this.block(tree.root, 0);
    this.out.push('# errors');
    for (const e of tree.errors) this.out.push(`error ${this.pos(e.range.start)}: ${e.code} ${this.redactMessage(e.message)}`);
    this.out.push('# view');
    this.viewPart();
    return this.out.join('\n') + '\n';
  }

  /** 1-based `line:col` of an offset. */
  private pos(offset: number): string {
    const p = this.index.positionAt(offset);
    return `${p.line + 1}:${p.character + 1}`;
  }

  private line(offset: number): number {
    return this.index.positionAt(offset).line + 1;
  }

  private span(r: Range): string {
    return `${this.pos(r.start)}-${this.pos(r.end)}`;
  }

  /** Source text of `r` with every sensitive part replaced. */
  private redact(r: Range): string {
    let s = '';
    let p = r.start;
    const hidden = [...this.view.sensitiveRanges].sort((a, b) => a.start - b.start);
    for (const h of hidden) {
      if (h.end <= p || h.start >= r.end) continue;
      if (h.start > p) s += this.text.slice(p, h.start);
      s += REDACTED;
      p = Math.max(p, h.end);
    }
    if (p < r.end) s += this.text.slice(p, r.end);
    return JSON.stringify(s);
  }

  private redactMessage(message: string): string {
    let m = message;
    for (const h of this.view.sensitiveRanges) {
      const secret = this.text.slice(h.start, h.end);
      if (secret.length > 0) m = m.split(secret).join(REDACTED);
    }
    return m;
  }

  private block(b: FrrBlock, depth: number): void {
    const pad = '  '.repeat(depth);
    const last = Math.max(b.range.start, b.range.end - 1);
    const lines = b.kind === 'root' ? `lines ${this.line(0)}-${this.line(last)}` : `lines ${this.line(b.range.start)}-${this.line(last)}`;
    const opener = b.opener ? ` ${this.redact({ start: b.opener.contentStart, end: b.opener.contentEnd })}` : '';
    let ending = '';
    if (b.kind !== 'root') {
      ending = b.closer ? ` closed by ${this.redact({ start: b.closer.contentStart, end: b.closer.contentEnd })} at ${this.line(b.closer.start)}` : ' left implicitly';
    }
    this.out.push(`${pad}${b.kind} [${b.node}]${opener} ${lines}${ending}`);
    for (const c of b.children) this.block(c, depth + 1);
  }

  private viewPart(): void {
    const v = this.view;
    this.out.push(`version ${this.val(v.version)}`);
    this.out.push(`defaults ${this.val(v.defaults)}`);
    this.out.push(`hostname ${this.val(v.hostname)}`);
    for (const r of v.routers) {
      const asn = r.asn ? String(r.asn.value) : '-';
      this.out.push(
        `router bgp line ${this.line(r.opener.start)}: asn ${asn} (text ${this.val(r.asnText)}) vrf ${this.val(r.vrf)} view ${this.val(r.view)}`,
      );
      for (const s of r.statements) this.out.push(`  ${this.statement(s)}`);
    }
    for (const i of v.interfaces) {
      this.out.push(`interface line ${this.line(i.block.range.start)}: ${this.val(i.name)} vrf ${this.val(i.vrf)}`);
      for (const a of i.addresses) {
        this.out.push(`  ipv${a.family} ${a.address} /${a.prefixLength ?? '-'} at ${this.span(a.range)}`);
      }
    }
    for (const p of v.bfdProfiles) this.out.push(`bfd profile line ${this.line(p.block.range.start)}: ${this.val(p.name)}`);
    for (const g of v.globalGr) this.out.push(`global ${this.statement(g)}`);
    this.out.push(`sensitive ranges ${v.sensitiveRanges.length}`);
  }

  private val(v: Val<string> | undefined): string {
    return v ? `${this.redact(v.range)}@${this.pos(v.range.start)}` : '-';
  }

  private num(n: NumVal | undefined): string {
    if (!n) return '-';
    const shown = n.value === undefined ? `${this.redact(n.range)}(not a number)` : String(n.value) === n.text ? n.text : `${this.redact(n.range)}=${n.value}`;
    return `${shown}@${this.pos(n.range.start)}`;
  }

  private statement(s: BgpStatement | GrStatement): string {
    const head = `${this.line(s.range.start)}: ${s.negated ? 'no ' : ''}${s.kind}`;
    switch (s.kind) {
      case 'gr-mode':
        return `${head} ${s.mode}`;
      case 'gr-timer':
        return `${head} ${s.name} ${this.num(s.value)}`;
      case 'gr-preserve-fw-state':
      case 'gr-notification':
      case 'gr-disable-eor':
        return head;
      case 'llgr-stale-time':
        return `${head} ${this.num(s.value)}`;
      case 'timers-bgp':
        return `${head} keepalive ${this.num(s.keepalive)} hold ${this.num(s.hold)}`;
      case 'listen-range':
        return `${head} prefix ${this.val(s.prefix)} peer-group ${this.val(s.peerGroup)}`;
      case 'router-id':
        return `${head} ${this.val(s.value)}`;
      case 'neighbor':
        return `${head} ${this.val(s.target)} (${s.targetKind}) ${this.command(s.command, s.line.words[(s.negated ? 1 : 0) + 2]?.start ?? s.range.end, s.range.end)}`;
    }
  }

  /** `restStart`..`restEnd` is the command's text after the neighbor's name. */
  private command(c: NeighborCommand, restStart: number, restEnd: number): string {
    switch (c.kind) {
      case 'remote-as': {
        const value = c.value ? String(c.value.value) : '-';
        return `remote-as ${value} (text ${this.val(c.asText)})${c.interface ? ' interface' : ''}`;
      }
      case 'interface':
        return `interface${c.v6only ? ' v6only' : ''} peer-group ${this.val(c.peerGroup)}`;
      case 'peer-group-define':
      case 'bfd':
      case 'bfd-check-control-plane-failure':
      case 'bfd-other':
        return c.kind;
      case 'peer-group':
        return `peer-group ${this.val(c.group)}`;
      case 'gr-mode':
        return `gr-mode ${c.mode}`;
      case 'timers':
        return `timers keepalive ${this.num(c.keepalive)} hold ${this.num(c.hold)}`;
      case 'timers-connect':
        return `timers-connect ${this.num(c.value)}`;
      case 'bfd-profile':
        return `bfd-profile ${this.val(c.profile)}`;
      case 'update-source':
        return `update-source ${this.val(c.source)}`;
      case 'password':
        return `password ${c.valueRange ? `${REDACTED} at ${this.span(c.valueRange)}` : '-'}`;
      case 'other':
        return `other ${this.redact({ start: restStart, end: restEnd })}`;
    }
  }
}
