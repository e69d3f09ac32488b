// Every check on a workload's or Service's own fields, in the order their diagnostics are listed within one severity.
import { workloadApiVersion } from './catalog/api-version';
import { cronJobScheduleInvalid } from './catalog/cronjob';
import { workloadFieldInvalid } from './catalog/fields';
import { objectMetadataInvalid } from './catalog/metadata';
import { workloadReplicasInvalid } from './catalog/replicas';
import {
  jobSelectorGenerated,
  workloadSelectorInvalid,
  workloadSelectorMismatch,
  workloadSelectorRequired,
} from './catalog/selectors';
import {
  servicePortInvalid,
  servicePortsRequired,
  serviceSelectorInvalid,
  serviceTypeInvalid,
} from './catalog/service';
import { statefulSetServiceNameInvalid, statefulSetServiceNameMissing } from './catalog/statefulset';
import { workloadRestartPolicy } from './catalog/template';
import { workloadUnknownField } from './catalog/unknown-field';
import type { ObjectRule } from './object-rule';

export const objectRules: readonly ObjectRule[] = [
  workloadApiVersion,
  objectMetadataInvalid,
  workloadReplicasInvalid,
  workloadSelectorRequired,
  workloadSelectorInvalid,
  workloadSelectorMismatch,
  jobSelectorGenerated,
  workloadRestartPolicy,
  workloadFieldInvalid,
  statefulSetServiceNameInvalid,
  cronJobScheduleInvalid,
  servicePortsRequired,
  servicePortInvalid,
  serviceTypeInvalid,
  serviceSelectorInvalid,
  workloadUnknownField,
  statefulSetServiceNameMissing,
];

const byCode = new Map(objectRules.map((r) => [r.code, r]));

export function objectRuleByCode(code: string): ObjectRule | undefined {
  return byCode.get(code);
}
