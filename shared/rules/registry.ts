// Every rule, in the order their diagnostics are listed within one severity.
import { annotationInvalid } from './catalog/annotation-invalid';
import { containerExitsAtOnce } from './catalog/container-exits-at-once';
import { containerFieldInvalid } from './catalog/container-field-invalid';
import { containerImageRequired } from './catalog/container-image-required';
import { containerNameDuplicate } from './catalog/container-name-duplicate';
import { containerNameInvalid } from './catalog/container-name-invalid';
import { containerRestartPolicyIgnored } from './catalog/container-restart-policy';
import { containersRequired } from './catalog/containers-required';
import { envDuplicate } from './catalog/env-duplicate';
import { envFromInvalid } from './catalog/env-from-invalid';
import { envNameInvalid } from './catalog/env-name-invalid';
import { envValueFromInvalid } from './catalog/env-value-from-invalid';
import { ephemeralContainersForbidden } from './catalog/ephemeral-containers';
import { ephemeralVolumeInvalid } from './catalog/ephemeral-volume-invalid';
import { hostAliasInvalid } from './catalog/host-alias-invalid';
import { hostIPWithoutHostPort } from './catalog/host-ip-without-host-port';
import { hostNamespaceShared } from './catalog/host-namespace-shared';
import { hostNetworkPortMismatch } from './catalog/host-network-port-mismatch';
import { hostPIDWithSharedProcessNamespace } from './catalog/host-pid-with-shared-pid';
import { hostPortAdvice } from './catalog/host-port-advice';
import { hostPortDuplicate } from './catalog/host-port-duplicate';
import { hostUsersHostNamespace } from './catalog/host-users-host-namespace';
import { labelInvalid } from './catalog/label-invalid';
import { initContainerHooksForbidden } from './catalog/init-container-hooks';
import { lifecycleHandlerInvalid } from './catalog/lifecycle-invalid';
import { mountPathInvalid } from './catalog/mount-path-invalid';
import { mountSubPathInvalid } from './catalog/mount-subpath-invalid';
import { mountVolumeNotFound } from './catalog/mount-volume-not-found';
import { namespacePartialShare } from './catalog/namespace-partial-share';
import { nodeSelectorInvalid } from './catalog/node-selector-invalid';
import { podDNSPolicyInvalid } from './catalog/pod-dns-policy';
import { podExceedsNodeCapacity } from './catalog/pod-exceeds-node-capacity';
import { podFieldInvalid } from './catalog/pod-field-invalid';
import { podNameInvalid } from './catalog/pod-name-invalid';
import { podOSInvalid } from './catalog/pod-os-invalid';
import { podPortClash } from './catalog/pod-port-clash';
import { podResourcesInvalid } from './catalog/pod-resources-invalid';
import { podRestartPolicyInvalid } from './catalog/pod-restart-policy';
import { portDefinitionOverlap } from './catalog/port-definition-overlap';
import { portInvalid } from './catalog/port-invalid';
import { portNameInvalid } from './catalog/port-name-invalid';
import { portNameShared } from './catalog/port-name-shared';
import { probeInvalid } from './catalog/probe-invalid';
import { resourceClaimInvalid } from './catalog/resource-claim-invalid';
import { resourceFractionalBytes } from './catalog/resource-fractional-bytes';
import { resourceNameInvalid } from './catalog/resource-name-invalid';
import { resourceQuantityInvalid } from './catalog/resource-quantity-invalid';
import { resourceRequestExceedsLimit } from './catalog/resource-request-exceeds-limit';
import { schedulingGateInvalid } from './catalog/scheduling-gate-invalid';
import { securityContextInvalid } from './catalog/security-context-invalid';
import { securityProfileInvalid } from './catalog/security-profile-invalid';
import { sidecarReadsUnwrittenVolume } from './catalog/sidecar-reads-unwritten-volume';
import { sysctlInvalid } from './catalog/sysctl-invalid';
import { terminationGraceNegative } from './catalog/termination-grace-negative';
import { tolerationInvalid } from './catalog/toleration-invalid';
import { unknownField } from './catalog/unknown-field';
import { volumeDeprecated } from './catalog/volume-deprecated';
import { volumeNameDuplicate } from './catalog/volume-name-duplicate';
import { volumeItemsOverlap } from './catalog/volume-items-overlap';
import { volumeNameInvalid } from './catalog/volume-name-invalid';
import { volumeReadOnlyEverywhere } from './catalog/volume-read-only-everywhere';
import { volumeSharedWriters } from './catalog/volume-shared-writers';
import { volumeSourceConflict } from './catalog/volume-source-conflict';
import { volumeSourceInvalid } from './catalog/volume-source-invalid';
import { volumeUnused } from './catalog/volume-unused';
import type { Rule } from './types';
// The host-access family (issue 21): one block, its rules listed in catalog/host-access.ts.
import { hostAccessRules } from './catalog/host-access';

export const rules: readonly Rule[] = [
  // What the API server checks, roughly in ValidatePodSpec's order.
  podNameInvalid,
  labelInvalid,
  annotationInvalid,
  containersRequired,
  containerNameInvalid,
  containerNameDuplicate,
  containerImageRequired,
  containerFieldInvalid,
  initContainerHooksForbidden,
  ephemeralContainersForbidden,
  portInvalid,
  portNameInvalid,
  hostPortDuplicate,
  hostNetworkPortMismatch,
  volumeNameInvalid,
  volumeNameDuplicate,
  volumeSourceConflict,
  volumeSourceInvalid,
  ephemeralVolumeInvalid,
  mountVolumeNotFound,
  mountPathInvalid,
  mountSubPathInvalid,
  envNameInvalid,
  envValueFromInvalid,
  envFromInvalid,
  resourceNameInvalid,
  resourceQuantityInvalid,
  resourceRequestExceedsLimit,
  podResourcesInvalid,
  resourceClaimInvalid,
  probeInvalid,
  lifecycleHandlerInvalid,
  podRestartPolicyInvalid,
  podDNSPolicyInvalid,
  nodeSelectorInvalid,
  tolerationInvalid,
  hostAliasInvalid,
  schedulingGateInvalid,
  podFieldInvalid,
  securityContextInvalid,
  securityProfileInvalid,
  sysctlInvalid,
  podOSInvalid,
  hostPIDWithSharedProcessNamespace,
  hostUsersHostNamespace,
  // What the API server warns about.
  unknownField,
  portDefinitionOverlap,
  hostIPWithoutHostPort,
  portNameShared,
  envDuplicate,
  resourceFractionalBytes,
  terminationGraceNegative,
  volumeDeprecated,
  volumeItemsOverlap,
  // What it lets through but breaks or surprises at runtime, and advice.
  podPortClash,
  containerRestartPolicyIgnored,
  podExceedsNodeCapacity,
  namespacePartialShare,
  volumeReadOnlyEverywhere,
  volumeSharedWriters,
  sidecarReadsUnwrittenVolume,
  containerExitsAtOnce,
  volumeUnused,
  hostNamespaceShared,
  hostPortAdvice,
  // What hands the host to a container (host-access family).
  ...hostAccessRules,
];

const byCode = new Map(rules.map((r) => [r.code, r]));

export function ruleByCode(code: string): Rule | undefined {
  return byCode.get(code);
}
