/** GRL family rules, in code order. */
import type { Rule } from './define';
import suppressionUnused from './suppression-unused';

export const GRL_RULES: readonly Rule[] = [suppressionUnused];
