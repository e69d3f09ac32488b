// The Pod document: types, Kubernetes defaulting and the safe loader.
export * from './pod';
export * from './defaults';
export * from './quantity';
export * from './load';
