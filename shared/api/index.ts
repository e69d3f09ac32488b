// The API contract, its wire protocol and the two transport-agnostic ends (session and client).
export * from './contract';
export * from './files';
// ApiError straight from its own module (an explicit export wins over errors.ts's star): code that only throws it
// then does not reach the contract's schemas and zod.
export { ApiError, API_ERROR_CODES } from './api-error';
export * from './errors';
export * from './protocol';
export * from './event-pump';
export * from './session';
export * from './client';
