/** MLB family rules, in code order. */
import type { Rule } from './define';
import bgppeerV1beta1Deprecated from './bgppeer-v1beta1-deprecated';
import fieldInvalid from './field-invalid';
import fieldUnknown from './field-unknown';
import fieldRequired from './field-required';
import fieldsMutuallyExclusive from './fields-mutually-exclusive';
import ebgpMultihopOnIbgp from './ebgp-multihop-on-ibgp';
import peersConflictOnNode from './peers-conflict-on-node';
import frrk8sMergeConflict from './frrk8s-merge-conflict';
import frrk8sGracefulRestartConflict from './frrk8s-graceful-restart-conflict';
import referenceUnknown from './reference-unknown';
import passwordInPlainText from './password-in-plain-text';
import wrongNamespace from './wrong-namespace';

export const MLB_RULES: readonly Rule[] = [
  bgppeerV1beta1Deprecated,
  fieldInvalid,
  fieldUnknown,
  fieldRequired,
  fieldsMutuallyExclusive,
  ebgpMultihopOnIbgp,
  peersConflictOnNode,
  frrk8sMergeConflict,
  frrk8sGracefulRestartConflict,
  referenceUnknown,
  passwordInPlainText,
  wrongNamespace,
];
