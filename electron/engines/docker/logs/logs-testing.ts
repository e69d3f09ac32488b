// Test fixtures for logs and exec: labelled busybox containers that look like a running Pod's, without the runtime.
import type Docker from 'dockerode';
import { Labels } from '../../../../shared/model/labels';
import { demux } from '../pod/container-output';
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

/** A stopped container's lines with the engine's own timestamps ([Unix ms of the second, nanoseconds]), as an oracle. */
export async function engineLines(docker: Docker, id: string): Promise<{ at: [number, number]; text: string }[]> {
  const raw = (await docker
    .getContainer(id)
    .logs({ stdout: true, stderr: true, timestamps: true, follow: false })) as unknown as Buffer;
  return demux(raw)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [time = '', ...words] = line.split(' ');
      // RFC 3339 with up to nine fraction digits, trailing zeros dropped: compared as seconds and nanoseconds.
      const [whole = '', fraction = ''] = time.replace(/Z$/, '').split('.');
      return { at: [Date.parse(`${whole}Z`), Number(fraction.padEnd(9, '0'))], text: words.join(' ') };
    });
}
