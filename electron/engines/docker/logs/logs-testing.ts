// Test fixtures for logs and exec: labelled busybox containers that look like a running Pod's, without the runtime.
import type Docker from 'dockerode';
import { Labels } from '../../../../shared/model/labels';
import { uniqueSuffix } from '../testing';

export const BUSYBOX = 'podwright-test/busybox:1';

export interface FakePodContainer {
  name: string;
  script: string;
  tty?: boolean;
  restart?: 'no' | 'always';
  role?: string;
  /** false: created only, as an app container is while the init containers run (the test starts it). */
  start?: boolean;
}

export interface FakePod {
  pod: string;
  ids: Record<string, string>;
  remove(): Promise<void>;
}

/** Creates and starts one container per entry, labelled as containers of one Pod with a unique name. */
export async function startFakePod(
  docker: Docker,
  containers: FakePodContainer[],
  prefix = 'pw-logs',
): Promise<FakePod> {
  const pod = `${prefix}-${uniqueSuffix()}`;
  const ids: Record<string, string> = {};
  const remove = async (): Promise<void> => {
    await Promise.all(
      Object.values(ids).map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  };
  try {
    for (const [index, c] of containers.entries()) {
      const created = await docker.createContainer({
        name: `${pod}-${c.name}`,
        Image: BUSYBOX,
        Entrypoint: ['sh', '-c', c.script],
        Tty: c.tty ?? false,
        Labels: {
          [Labels.managed]: 'true',
          [Labels.pod]: pod,
          [Labels.namespace]: 'default',
          [Labels.role]: c.role ?? 'app',
          [Labels.container]: c.name,
          [Labels.index]: String(index),
        },
        HostConfig: { RestartPolicy: { Name: c.restart ?? 'no' }, NetworkMode: 'none' },
      });
      ids[c.name] = created.id;
    }
    const starting = containers.filter((c) => c.start !== false).map((c) => ids[c.name]!);
    await Promise.all(starting.map((id) => docker.getContainer(id).start()));
  } catch (err) {
    await remove();
    throw err;
  }
  return { pod, ids, remove };
}

/** Waits until every listed container has exited. */
export async function waitExited(docker: Docker, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => docker.getContainer(id).wait()));
}
