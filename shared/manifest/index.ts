// Manifests: the one design reader, faithful YAML read and write, the project file, export to Kubernetes and Compose.
export * from './parse';
export * from './edit';
export * from './write';
export * from './project';
export * from './export';
export * from './compose-export';
export * from './export-notes';
export * from './read';
export * from './read-problems';
export * from './field-path';
export * from './pod-choice';
