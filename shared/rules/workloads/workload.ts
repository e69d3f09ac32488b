// What the workload checks share: where a kind keeps its Pod template and the template's labels and spec.
import { podTemplatePaths } from '../../manifest/read';
import { labelsOf } from './selector';
import type { ObjectContext } from './object-rule';
import { recordAt, valueAt } from './read';

/** The template's path as the API server writes it: `spec.template`, `spec.jobTemplate.spec.template`. */
export function templatePrefix(kind: string): string {
  return (podTemplatePaths[kind] ?? ['spec', 'template']).join('.');
}

/** The template's keys, for JSON pointers of fixes. */
export function templateKeys(kind: string): readonly (string | number)[] {
  return podTemplatePaths[kind] ?? ['spec', 'template'];
}

export function templateOf(ctx: ObjectContext): Record<string, unknown> | undefined {
  return recordAt(ctx.raw, templateKeys(ctx.kind));
}

/** The template's labels as written (non-string values left out). */
export function templateLabels(ctx: ObjectContext): Record<string, string> {
  return labelsOf(valueAt(templateOf(ctx), ['metadata', 'labels']));
}

/** The template's Pod spec, or undefined when the template has none (the reader then finds no Pod in it). */
export function templateSpec(ctx: ObjectContext): Record<string, unknown> | undefined {
  return recordAt(templateOf(ctx), ['spec']);
}

/** For a CronJob the Job's own fields sit under spec.jobTemplate.spec; for a Job under spec. */
export function jobSpecKeys(kind: string): readonly string[] {
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
}
