// `podwright undeploy FILE|NAME`, its work (loaded when the command runs): deletes what `deploy` (or the app) applied for a design on a cluster, found by
// Podwright's labels and the run's name, with the grace period, and waits until its Pods are gone.
import { stat } from 'node:fs/promises';
import { choosePod } from '../../../shared/manifest/pod-choice';
import { readDesign } from '../../../shared/manifest/read';
import { ClusterError } from '../../engines/kube';
import { clusterEngine, describeCluster, UsageError } from './cluster-choice';
import { readInput } from '../read-input';
import { say, warn } from '../terminal';

export interface UndeployOptions {
  context?: string;
  namespace?: string;
  grace?: string;
  pod?: string;
}

const isFile = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

export async function undeploy(target: string, options: UndeployOptions): Promise<number> {
  let name = target;
  let namespace: string | undefined;
  if (await isFile(target)) {
    try {
      const read = readDesign(await readInput(target), { name: target });
      const pod = choosePod(read, options.pod).pod;
      name = pod.metadata?.name ?? '';
      namespace = pod.metadata?.namespace || undefined;
    } catch (e) {
      warn(`podwright: cannot read ${target}: ${(e as Error).message}`);
      return 2;
    }
    if (!name) throw new UsageError(`${target}: the Pod has no metadata.name.`);
  }
  let graceSeconds: number | undefined;
  if (options.grace !== undefined) {
    graceSeconds = Number(options.grace);
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0)
      throw new UsageError(`--grace must be a whole number of seconds, not ${options.grace}`);
  }
  const engine = clusterEngine(options, namespace);
  try {
    const gone = await engine.deployer.down(engine.namespace, name, { graceSeconds });
    say(
      gone.objects === 0
        ? `Nothing of ${name} in ${describeCluster(engine)}; nothing to delete.`
        : `Deleted ${name} from ${describeCluster(engine)}: ${gone.objects} object${gone.objects === 1 ? '' : 's'}, ${gone.pods} Pod${gone.pods === 1 ? '' : 's'} gone.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ClusterError) {
      warn(`podwright: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    engine.close();
  }
}
