// The rule engine: validatePod, the rule registry, quick fixes and the diagnostic types.
export * from './types';
export { validatePod, acceptedByKubernetes } from './validate';
export { rules, ruleByCode } from './registry';
export { applyFix, pointer } from './fix';
export { parseQuantity, formatQuantity } from '../model/quantity';
export { createContext, type RuleContext } from './context';
export { msg, fixTitle, type RuleMessage } from './message';
export { fieldProblems, fieldProblemId } from './problems';
export {
  checkDesign,
  inObject,
  registerObjectChecker,
  type CheckedPod,
  type DesignCheck,
  type ObjectCheck,
  type ObjectChecker,
} from './check-design';
export { isHostAccess, hostAccessRules } from './catalog/host-access';

// The workload and Service checks (Deployment, StatefulSet, ..., Service) join every design check.
import { registerObjectChecker as addObjectChecker } from './check-design';
import { workloadObjectChecker } from './workloads';
import { serviceDesignChecker } from './workloads/service-design';
addObjectChecker(workloadObjectChecker);
// A Service's checks against the Pods beside it in the file: the same ones the canvas shows.
addObjectChecker(serviceDesignChecker);
