// Offline, the infra ("pause") image cannot be pulled: `podwright run` says where that image came from and how to
// choose one the engine has (--infra-image, PODWRIGHT_INFRA_IMAGE), not only that the registry is out of reach.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Labels } from '../../../shared/plan';
import { PodError } from '../../engines/docker';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';
import { infraImageHint } from './run';

const engine = await requireDocker();
const exec = promisify(execFile);

/** An image no engine has and no registry serves (docker.io is out of reach here, or denies it). */
const ABSENT = `podwright-test/absent-pause:${uniqueSuffix()}`;

describe('the infra image hint', () => {
  const pullFailed = (container: string) =>
    new PodError('IMAGE_PULL_FAILED', `Could not pull image x for container "${container}": unreachable`, {
      container,
    });

  it('names --infra-image and PODWRIGHT_INFRA_IMAGE, by where the image came from', () => {
    const fromDefault = infraImageHint(pullFailed('POD'), { image: 'registry.k8s.io/pause:3.10', from: 'default' });
    expect(fromDefault).toContain('registry.k8s.io/pause:3.10');
    expect(fromDefault).toContain('--infra-image IMAGE');
    expect(fromDefault).toContain('PODWRIGHT_INFRA_IMAGE=IMAGE');
    expect(infraImageHint(pullFailed('POD'), { image: 'mine:1', from: 'env' })).toMatch(
      /^The infra \("pause"\) image mine:1 comes from PODWRIGHT_INFRA_IMAGE: .*--infra-image/,
    );
    expect(infraImageHint(pullFailed('POD'), { image: 'mine:1', from: 'option' })).toMatch(
      /^The infra \("pause"\) image mine:1 comes from --infra-image: /,
    );
    const missing = new PodError('IMAGE_MISSING', 'Image mine:1 is not on this machine', { container: 'POD' });
    expect(infraImageHint(missing, { image: 'mine:1', from: 'option' })).toBeDefined();
  });

  it("says nothing of the sort about an app container's image", () => {
    expect(infraImageHint(pullFailed('app'), { image: 'registry.k8s.io/pause:3.10', from: 'default' })).toBeUndefined();
  });
});

describe.skipIf(dockerReason)(
  `podwright run without its infra image${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    const name = `cli-infra-${uniqueSuffix()}`;
    let dir: string;
    let file: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pw-infra-'));
      file = join(dir, 'pod.yaml');
      await writeFile(
        file,
        `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - {name: app, image: podwright-test/busybox:1, imagePullPolicy: Never, command: [sleep, '3600']}
`,
      );
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    const run = (infraEnv: string, ...args: string[]) =>
      exec(process.execPath, ['electron/cli/bin.mjs', 'run', file, '--detach', ...args], {
        env: { ...process.env, PODWRIGHT_INFRA_IMAGE: infraEnv },
        timeout: 60_000,
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );

    it('from PODWRIGHT_INFRA_IMAGE: says so, and how to choose another', async () => {
      const r = await run(ABSENT);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`podwright: Could not pull image ${ABSENT} for container "POD"`);
      expect(r.stderr).toContain(
        `The infra ("pause") image ${ABSENT} comes from PODWRIGHT_INFRA_IMAGE: set it (or pass --infra-image) to a pause image this engine has`,
      );
      const left = await engine.docker.listContainers({ all: true, filters: { label: [`${Labels.pod}=${name}`] } });
      expect(left).toEqual([]);
    });

    it('from --infra-image: says so', async () => {
      const r = await run('podwright-test/pause:1', '--infra-image', ABSENT);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`The infra ("pause") image ${ABSENT} comes from --infra-image`);
    });

    it('by default (registry.k8s.io/pause:3.10 offline): names --infra-image and PODWRIGHT_INFRA_IMAGE', async () => {
      const present = await engine.docker
        .getImage('registry.k8s.io/pause:3.10')
        .inspect()
        .then(
          () => true,
          () => false,
        );
      if (present) return; // this engine has it: nothing to pull, nothing to explain
      const r = await run('');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('podwright: Could not pull image registry.k8s.io/pause:3.10 for container "POD"');
      expect(r.stderr).toContain('run with --infra-image IMAGE, or set PODWRIGHT_INFRA_IMAGE=IMAGE');
    });
  },
);
