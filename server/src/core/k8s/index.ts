/**
 * The Kubernetes YAML reader of grlint's core: typed views of MetalLB and frr-k8s objects with
 * exact ranges, Go durations, embedded frr.conf text with offset maps, and the CRD schema table.
 */
export { parseK8sYaml } from './parse';
export { decodeEmbedded, type EmbeddedText } from './embedded';
export {
  parseGoDuration,
  formatGoDuration,
  wholeSecondsTruncated,
  hasFractionalSecond,
  goQuote,
  NANOSECOND,
  MICROSECOND,
  MILLISECOND,
  SECOND,
  MINUTE,
  HOUR,
  MIN_DURATION,
  MAX_DURATION,
  type DurationResult,
  type DurationErrorKind,
} from './duration';
export { CRD_SCHEMAS, kindSchema, knownVersions, schemaAt, nearestName, type FieldSchema, type FieldType, type KindSchema, type OneOfGroup, type CelRule } from './schema';
export { K8S_ERROR_CODES, type K8sErrorCode } from './errors';
export { deref, mapEntry, nodeAt } from './ynode';
export { METALLB_GROUP, FRRK8S_GROUP } from './views';
export type * from './types';
