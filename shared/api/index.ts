// The API contract, its wire protocol and the two transport-agnostic ends (session and client).
export * from './contract';
export * from './files';
export * from './errors';
export * from './protocol';
export * from './event-pump';
export * from './session';
export * from './client';
