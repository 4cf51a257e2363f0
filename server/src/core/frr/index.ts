import { parseFrr, reparseFrr } from './parser';
import { commonAffixes } from '../text/affix';
import type { FrrConfigView } from './views';
import { mayHaveSecretsAfterEdit, viewFrr } from './views';

export * from './syntax';
export * from './errors';
export type { FrrNode } from './nodes';
export { parseFrr, reparseFrr, frrTokens, splitLines, asnValue, isValidAsn } from './parser';
export * from './views';

/** Parses frr.conf text and builds its structured view. Never throws. */
export function analyzeFrr(text: string): FrrConfigView {
  return viewFrr(parseFrr(text));
}

/**
 * The view of `text`, a new version of the text `prev` was built from: the parse reuses the lines the
 * edit did not touch (see `reparseFrr`). Equal to `analyzeFrr(text)`.
 */
export function reanalyzeFrr(prev: FrrConfigView, text: string): FrrConfigView {
  if (text === prev.tree.text) return prev;
  // The secrets scan reads only the lines around the edit when the previous version had no secret.
  const noSecrets = !mayHaveSecretsAfterEdit(prev, text, commonAffixes(prev.tree.text, text));
  return viewFrr(reparseFrr(prev.tree, text), noSecrets ? { noSecrets } : undefined);
}
