// The Pod document: types, Kubernetes defaulting and resource quantities.
export * from './pod';
export * from './defaults';
export * from './quantity';
export * from './companions';
export * from './labels';
export * from './diagnostic';
