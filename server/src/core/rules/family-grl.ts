/** GRL family rules, in code order. */
import configInvalid from './config-invalid';
import type { Rule } from './define';
import endUnpaired from './end-unpaired';
import pairingAmbiguous from './pairing-ambiguous';
import suppressionUnused from './suppression-unused';

export const GRL_RULES: readonly Rule[] = [suppressionUnused, configInvalid, endUnpaired, pairingAmbiguous];
