/**
 * The codes of the problems `parseK8sYaml` reports, one line each. Codes are stable strings.
 */
export const K8S_ERROR_CODES = {
  /** The text is not valid YAML (the `yaml` package's code is in `yamlCode`). */
  'yaml-syntax': 'the text is not valid YAML',
  /** The YAML is valid but questionable (`yaml` warnings, e.g. an unresolved tag). */
  'yaml-warning': 'the YAML parser warned about this construct',
  /** A mapping repeats a key; Kubernetes strict decoding rejects the object. */
  'yaml-duplicate-key': 'a mapping key appears more than once',
  /** Collections nested deeper than grlint reads; the inner part is left out of the tree. */
  'yaml-too-deep': 'collections are nested too deeply to be read',
  /** The YAML library failed unexpectedly (for example on stack exhaustion); nothing was read. */
  'yaml-internal': 'the YAML reader failed on this input',
} as const;

/** A code of {@link K8S_ERROR_CODES}. */
export type K8sErrorCode = keyof typeof K8S_ERROR_CODES;
