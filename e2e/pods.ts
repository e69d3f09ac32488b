// The Pods journeys start from, written as Kubernetes objects and turned into YAML in one place (no hand-indented text
// in the specs): `podText` for one Pod, `designText` for a file of several objects, `sleeper` for the usual container.
import { stringify } from 'yaml';

export type Fields = Record<string, unknown>;

/** The image the examples use; `bash e2e/images/build.sh` tags a local one under this name. */
export const busybox = 'busybox:1.36';

/** A busybox container that stays up (sleep 3600), with `more` fields on top (ports, env, a command of its own). */
export function sleeper(name: string, more: Fields = {}): Fields {
  return { name, image: busybox, command: ['sleep', '3600'], ...more };
}

/** A Pod object named `name` with `spec` as given. */
export function pod(name: string, spec: Fields): Fields {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

/** A ConfigMap object named `name` holding `data`. */
export function configMap(name: string, data: Record<string, string>): Fields {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

/** The YAML text of one Pod, as a user would paste it. */
export function podText(name: string, spec: Fields): string {
  return designText([pod(name, spec)]);
}

/** The YAML text of several objects, one document each, as a file of a design with several Pods holds them. */
export function designText(objects: readonly Fields[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
