import type { Fix, RelatedLocation, Severity, SeveritySetting } from '../finding';
import type { Model, Location } from '../model/types';
import type { ParsedFile } from '../project';

export type RuleScope = 'frr' | 'k8s' | 'cross-file';
export type FixAvailability = 'none' | 'sometimes' | 'always';

/** A rule option: a JSON-like value with a default, validated when the config loads. */
export interface RuleOption {
  readonly type: 'number' | 'string' | 'boolean';
  readonly default: number | string | boolean;
  readonly description: string;
  readonly minimum?: number;
}

/** Project-wide settings rules may read (from `.grlint.yaml`, the editor, or the CLI). */
export interface LintSettings {
  readonly metallbMode?: 'frr' | 'frr-k8s' | 'native';
  /** The namespace MetalLB / frr-k8s objects must live in (default `metallb-system`). */
  readonly namespace: string;
  /**
   * Texts of the project's YAML files at a git base revision (GR113), by uri; undefined outside a git
   * work tree or when the base is unknown.
   */
  readonly baseTexts?: ReadonlyMap<string, string>;
}

export interface ReportDescriptor {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly loc: Location;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** A finding-specific default severity (e.g. GR113: error for BGPPeer, warning for FRRConfiguration). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly files: readonly ParsedFile[];
  readonly model: Model;
  readonly options: Readonly<Record<string, number | string | boolean>>;
  readonly settings: LintSettings;
  /** The text of a project file, by uri. */
  textOf(uri: string): string | undefined;
  report(descriptor: ReportDescriptor): void;
}

/** A rule module's declaration (ESLint/ruff style). */
export interface Rule {
  /** Family prefix and number, e.g. `GR101`. Never reused. */
  readonly code: string;
  /** Kebab-case name of the problem, e.g. `helper-disables-graceful-restart`. */
  readonly name: string;
  /** One line for the rules index. */
  readonly summary: string;
  readonly defaultSeverity: SeveritySetting;
  readonly scope: RuleScope;
  readonly fixAvailability: FixAvailability;
  readonly options?: Readonly<Record<string, RuleOption>>;
  /** Message templates by id, with `{placeholder}`s. One line, lower case, no final period. */
  readonly messages: Readonly<Record<string, string>>;
  /**
   * What `check` reads, when it is less than the whole project:
   * - `k8s`: the Kubernetes (YAML) files only: `ctx.files` of kind `k8s`, `ctx.textOf` of their uris,
   *   `ctx.options` and `ctx.settings`; never `ctx.model`;
   * - `cluster`: that, and the cluster-side ends of the model (`ctx.model.ends` of sides `metallb` and
   *   `frrk8s`, which are built from those files alone).
   * `lint` gives such a rule only these inputs (reading anything else throws, which `lint` reports as an
   * internal error), and replays its reports while the inputs are the same objects: an edit of an
   * frr.conf does not run it again.
   */
  readonly reads?: 'k8s' | 'cluster';
  check(ctx: RuleContext): void;
}

/** Identity helper that type-checks a rule module. */
export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}

/** The documentation URL of a rule; the only place it is built. */
export function ruleDocUrl(code: string): string {
  return `https://github.com/grlint/grlint/blob/main/docs/rules/${code}.md`;
}
