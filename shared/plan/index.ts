// The Docker plan for a Pod and the one gate before any run: pure functions from a Pod document and engine facts to
// Engine API calls, and to the problems that refuse or question a run.
export * from '../model/labels';
export * from './types';
export * from './plan';
export * from './check-run';
export * from './status';
export type * from './pod';
export { podNames, podSelector, type PodNames } from './names';
export { podHostname } from './infra';
export { API_MINIMUM, API_SUBPATH_ON_VOLUMES, compareApiVersions } from './engine-api';
export { engineProblemKinds, type EngineProblemCode } from './engine-problems';
export { decodeBase64Text } from './volumes';
export { parseQuantity, milliCpu, memoryBytes } from '../model/quantity';
export { expand } from './expand';
