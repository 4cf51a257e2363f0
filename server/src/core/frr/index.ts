import { parseFrr } from './parser';
import type { FrrConfigView } from './views';
import { viewFrr } from './views';

export * from './syntax';
export * from './errors';
export type { FrrNode } from './nodes';
export { parseFrr, frrTokens, splitLines, asnValue, isValidAsn } from './parser';
export * from './views';

/** Parses frr.conf text and builds its structured view. Never throws. */
export function analyzeFrr(text: string): FrrConfigView {
  return viewFrr(parseFrr(text));
}
