import type { Range } from '../text/range';
import type { FrrParseError } from './errors';
import type { FrrNode } from './nodes';

/** A whitespace-separated word of a command line, with its exact offsets. */
export interface FrrWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export type FrrLineKind = 'blank' | 'comment' | 'command';

/**
 * One physical line. Lines tile the document: `lines[i].end === lines[i + 1].start`, the first starts
 * at 0 and the last ends at `text.length`.
 */
export interface FrrLine {
  /** 0-based line number. */
  readonly index: number;
  /** Offset of the first character of the line (after a BOM on line 0 the BOM is still inside the line). */
  readonly start: number;
  /** Offset of the first non-blank character (or `contentEnd` for a blank line). */
  readonly contentStart: number;
  /** Offset just past the last non-terminator character. */
  readonly contentEnd: number;
  /** Offset just past the line terminator (`\n`, `\r\n` or `\r`), or the end of the text. */
  readonly end: number;
  readonly kind: FrrLineKind;
  /**
   * The words of a command line; empty for blank and comment lines. A parse result keeps words compactly
   * and makes these objects on each read, so read `words` once per use (or `texts`, which is kept).
   */
  readonly words: readonly FrrWord[];
  /**
   * The texts of `words`, in order: one array, shared by every version of an unchanged line, that the
   * block pass and the statement views read without touching the word objects.
   */
  readonly texts: readonly string[];
}

export type FrrBlockKind =
  | 'root'
  | 'router-bgp'
  | 'address-family'
  | 'vni'
  | 'bgp-other'
  | 'interface'
  | 'link-params'
  | 'vrf'
  | 'bfd'
  | 'bfd-peer'
  | 'bfd-profile'
  | 'route-map'
  | 'router-other'
  | 'other';

/**
 * A block of FRR's CLI node model: opened by a known keyword line, closed by its closer (`exit`, `quit`,
 * `exit-address-family`, `exit-vrf`, `exit-vni`, `exit-link-params`, `exit-vnc`, `exit-vrf-policy`) or
 * implicitly by the next line that only an outer node accepts (vtysh walks up to the parent nodes).
 * `end` closes nothing: vtysh skips it when it reads frr.conf (FRR 8.4+).
 */
export interface FrrBlock {
  readonly kind: FrrBlockKind;
  /** The exact CLI node (e.g. `bgp-evpn` for `address-family l2vpn evpn`); `config` for the root. */
  readonly node: FrrNode;
  /** The opening line; absent for the root. */
  readonly opener?: FrrLine;
  /** The explicit closing line, when there is one (absent when the block was left implicitly). */
  closer?: FrrLine;
  readonly parent?: FrrBlock;
  readonly children: FrrBlock[];
  /** Body lines in order (commands, comments and blank lines), not counting opener and closer. */
  readonly lines: FrrLine[];
  /** From the opener's start to the end of the last line that belongs to the block. */
  range: Range;
}

/** The parse result of one frr.conf text. */
export interface FrrTree {
  readonly text: string;
  readonly lines: readonly FrrLine[];
  readonly root: FrrBlock;
  readonly errors: readonly FrrParseError[];
  /**
   * Block that owns each line (index = line number); opener and closer lines belong to their block,
   * lines that FRR would reject belong to the block that was current.
   */
  readonly blockOfLine: readonly FrrBlock[];
}

export type FrrTokenKind = 'bom' | 'whitespace' | 'word' | 'comment' | 'newline';

/** A lexical token; the tokens of a tree joined together give back its text exactly. */
export interface FrrToken {
  readonly kind: FrrTokenKind;
  readonly start: number;
  readonly end: number;
}
