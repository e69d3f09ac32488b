// The Docker plan for a Pod: pure functions from a Pod document and engine facts to Engine API calls.
export * from '../model/labels';
export * from './types';
export * from './plan';
export * from './status';
export type * from './pod';
export { parseQuantity, milliCpu, memoryBytes } from '../model/quantity';
export { expand } from './expand';
