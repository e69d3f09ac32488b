// Checks of a workload's or Service's own fields (not the Pod template inside it, which the Pod rules check): a pure
// function over the objects a reader found, giving diagnostics in the rules' vocabulary with the API server's paths.
import type { ObjectChecker } from '../check-design';
import { isRecord } from '../context';
import type { Diagnostic } from '../types';
import { checkedKinds } from './kinds';
import { runObjectRules, type ObjectDiagnostic, type ObjectRecord } from './object-rule';
import { objectRules } from './registry';

export type { ObjectDiagnostic, ObjectRecord, ObjectRule } from './object-rule';
export { objectRules, objectRuleByCode } from './registry';
export { checkedKinds, workloadKinds, servedVersion } from './kinds';
export { isEmptyLabelSelector, labelSelectorMatches, labelsOf, mapSelectorMatches } from './selector';
export { cronProblem } from './cron';
export { isHeadless, serviceType, nodePortRange } from './catalog/service';
export { labelText } from './catalog/selectors';

/** True for the kinds whose own fields these checks know (the workloads and Service). */
export function isCheckedKind(kind: unknown): kind is string {
  return typeof kind === 'string' && checkedKinds.includes(kind);
}

/**
 * The diagnostics of one object's own fields, errors first; none for a kind these checks do not know (the reader notes
 * those). Paths are inside the object, as the API server reports them (`spec.replicas`, `spec.template.metadata.labels`).
 * Pure; never throws on hostile input.
 */
export function checkWorkloadObject(object: unknown): Diagnostic[] {
  if (!isRecord(object) || !isCheckedKind(object.kind)) return [];
  const spec = isRecord(object.spec) ? object.spec : {};
  return runObjectRules(
    { raw: object, kind: object.kind, apiVersion: object.apiVersion, spec, hasSpec: isRecord(object.spec) },
    objectRules,
  );
}

/** Every object's diagnostics in file order, each with its document and where the object sits in it. */
export function checkWorkloads(objects: readonly ObjectRecord[]): ObjectDiagnostic[] {
  return objects.flatMap(({ document, path, object }) =>
    checkWorkloadObject(object).map((d) => ({ ...d, document, objectPath: path })),
  );
}

/**
 * The workload and Service checks in the shape checkDesign takes (registerObjectChecker): every object of the design
 * of a kind these checks know, with its diagnostics; checkDesign places them at their lines.
 */
export const workloadObjectChecker: ObjectChecker = (read) =>
  read.objects
    .filter((o) => isCheckedKind(o.object.kind))
    .map((object) => ({ object, diagnostics: checkWorkloadObject(object.object) }));
