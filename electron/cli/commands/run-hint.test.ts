// The hint `run --detach` prints must remove the Pod it started, whatever its namespace: run as printed, on Docker.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Labels } from '../../../shared/model/labels';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';
import { podwright } from '../cli-process.test-support';
import { downCommand } from '../../engines/docker';

const engine = await requireDocker();
const cli = (args: string[]) => podwright(...args);

describe('the run --detach hint', () => {
  it('names the namespace of a Pod outside the default one, and stays short in the default one', () => {
    expect(downCommand('web', 'shop')).toBe('podwright down web -n shop');
    expect(downCommand('web', 'default')).toBe('podwright down web');
  });
});

describe.skipIf(dockerReason)(
  `the run --detach hint on Docker${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    const suffix = uniqueSuffix();
    const name = `hint-${suffix}`;
    const namespace = `ns-${suffix}`;
    let dir: string | undefined;
    afterAll(async () => {
      await cli(['down', name, '-n', namespace, '--grace', '0']);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('removes the Pod of another namespace when run exactly as printed', async () => {
      dir = await mkdtemp(join(tmpdir(), 'pw-hint-'));
      const file = join(dir, 'hint.yaml');
      await writeFile(
        file,
        `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  terminationGracePeriodSeconds: 0
  containers:
  - {name: app, image: podwright-test/busybox:1, imagePullPolicy: Never, command: [sleep, '3600']}
`,
      );
      const run = await cli(['run', file, '--detach']);
      expect(run.code).toBe(0);
      const hint = /stop it with: podwright (.+)$/m.exec(run.stdout)?.[1];
      expect(hint).toBeDefined();
      const down = await cli(hint!.split(' '));
      expect(down.stdout).toContain(`Removed Pod ${name}`);
      const left = await engine.docker.listContainers({ all: true, filters: { label: [`${Labels.pod}=${name}`] } });
      expect(left).toEqual([]);
    });
  },
);
