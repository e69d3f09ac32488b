// The UI's single API client; every back-end call in the renderer goes through it.
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import { defaultTransport } from './transport';

let client: ApiClient | undefined;

export function api(): ApiClient {
  client ??= createApiClient(defaultTransport());
  return client;
}
