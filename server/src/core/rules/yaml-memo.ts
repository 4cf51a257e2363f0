/**
 * Values that rules compute from the project's YAML files alone, kept while those files' parse results
 * are the same objects: the language server keeps the parse results of unchanged files, so an edit of
 * an frr.conf does not compute them again. Ranges in them are offsets into those unchanged files.
 */
import type { ParsedFile } from '../project';
import type { RuleContext } from './define';

export class YamlMemo<T> {
  private last: { readonly files: readonly ParsedFile[]; readonly value: T } | undefined;

  constructor(private readonly compute: (files: readonly ParsedFile[]) => T) {}

  /** The value for the YAML files of `ctx` (in project order). */
  get(ctx: RuleContext): T {
    const files = ctx.files.filter((f) => f.kind === 'k8s');
    const last = this.last;
    if (last && last.files.length === files.length && last.files.every((f, i) => f === files[i])) return last.value;
    const value = this.compute(files);
    this.last = { files, value };
    return value;
  }
}
