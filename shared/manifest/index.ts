// Manifests: faithful YAML read and write, the project file, import from any workload, export to Kubernetes and Compose.
export * from './parse';
export * from './edit';
export * from './write';
export * from './import';
export * from './project';
export * from './export';
export * from './compose-export';
export * from './pods';
