// The Docker names of one Pod's objects. Kubernetes names never hold "_" (DNS labels and subdomains) nor upper case
// in a container's name, so `<namespace>_<pod>_<container>` with `POD` for the infra cannot collide: Pod `a` with
// container `b-c` and Pod `a-b` with container `c` differ, and a container may be called `infra` (as cri-dockerd's
// `k8s_<container>_<pod>_<namespace>_...` names never collide either). They still read well in `docker ps`.
import { Labels } from '../model/labels';

export interface PodNames {
  /** `<pod>`, or `<namespace>_<pod>` outside `default`. */
  prefix: string;
  infra: string;
  /** The created-never-started container that prepares the Pod's volumes. */
  volumeHelper: string;
  container(name: string): string;
  /** A Docker volume for a Pod volume, unique per run so an emptyDir always starts empty. */
  volume(name: string, runId: string): string;
}

export function podNames(name: string, namespace: string): PodNames {
  const prefix = namespace === 'default' ? name : `${namespace}_${name}`;
  return {
    prefix,
    infra: `${prefix}_POD`,
    volumeHelper: `${prefix}_VOLUMES`,
    container: (container) => `${prefix}_${container}`,
    // Pod volume names are DNS labels; anything else (an invalid design refused by the rules) is made safe anyway.
    volume: (volume, runId) => `${prefix}_${volume.replace(/[^a-zA-Z0-9.-]/g, '-')}_${runId}`,
  };
}

/** The labels shared by every object of one Pod; `down`, `ps` and the status stream find objects by them. */
export function podSelector(name: string, namespace: string, design?: string): Record<string, string> {
  const labels: Record<string, string> = {
    [Labels.managed]: 'true',
    [Labels.pod]: name,
    [Labels.namespace]: namespace,
  };
  if (design) labels[Labels.design] = design;
  return labels;
}
