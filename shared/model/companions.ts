// The objects that travel with a Pod (ConfigMaps and Secrets it reads from), as the plan and the reader see them.
import type { ObjectMeta } from './pod';

export interface ConfigMap {
  kind: 'ConfigMap';
  metadata?: ObjectMeta;
  data?: Record<string, string>;
  /** base64 */
  binaryData?: Record<string, string>;
}

export interface Secret {
  kind: 'Secret';
  metadata?: ObjectMeta;
  /** base64 */
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  type?: string;
}

/** The objects that travel with a Pod in one file or design (ConfigMaps and Secrets it reads from). */
export interface Companions {
  configMaps?: ConfigMap[];
  secrets?: Secret[];
}
