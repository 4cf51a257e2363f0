/** The rule registry: a plain array, in catalog order. */
import type { Rule } from './define';
import { GR_RULES } from './family-gr';
import { TMR_RULES } from './family-tmr';
import { BFD_RULES } from './family-bfd';
import { MLB_RULES } from './family-mlb';
import { FRR_RULES } from './family-frr';
import { GRL_RULES } from './family-grl';

export const RULES: readonly Rule[] = [...GR_RULES, ...TMR_RULES, ...BFD_RULES, ...MLB_RULES, ...FRR_RULES, ...GRL_RULES];

/** Finds a rule by code (case-insensitive) or by name. */
export function findRule(codeOrName: string): Rule | undefined {
  const k = codeOrName.toUpperCase();
  return RULES.find((r) => r.code === k || r.name === codeOrName);
}
