// The design's checks, which load right after the first screen (checks-part.ts) rather than with it: the Pod rules (the
// rules catalogue, some 150 KiB), the Deployment and Service checks, and the run gate built on them. The first screen
// of a new design has no problems to show, so nothing waits for them; the views that show problems draw them when
// they arrive, and Run waits for them.
export { validatePod } from '../../../shared/rules/validate';
export { designObjectDiagnostics, deploymentDiagnostics } from '../../../shared/design/workloads/rules';
export { checkRun } from '../../../shared/plan/check-run';
