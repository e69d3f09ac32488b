// `podwright run` of a Pod that reaches into this computer (the host-access family): `validate` reports it as a
// security warning and accepts the file; `run` names what the Pod would reach and asks on a terminal; off one it starts
// nothing unless given --force / -f, the one answer to everything the app asks about before a run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Labels } from '../../../shared/model/labels';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';
import { podwright, podwrightOnTerminal } from '../cli-process.test-support';

const engine = await requireDocker();

const containersOf = async (name: string) =>
  engine.docker.listContainers({ all: true, filters: { label: [`${Labels.pod}=${name}`] } });

describe.skipIf(dockerReason)(
  `podwright run and host access${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    const name = `host-access-${uniqueSuffix()}`;
    let dir: string | undefined;
    afterAll(async () => {
      await podwright('down', name, '--grace', '0');
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('validates with a security warning; run asks on a terminal, refuses off one without --force, runs with -f', async () => {
      dir = await mkdtemp(join(tmpdir(), 'pw-host-access-'));
      const file = join(dir, 'proc.pod.yaml');
      await writeFile(
        file,
        `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  terminationGracePeriodSeconds: 0
  volumes:
  - {name: proc, hostPath: {path: /proc}}
  containers:
  - name: app
    image: podwright-test/busybox:1
    imagePullPolicy: Never
    command: [sleep, '3600']
    volumeMounts: [{name: proc, mountPath: /host/proc, readOnly: true}]
`,
      );
      // A warning of Podwright's, not an error of Kubernetes': the file is valid.
      const validated = await podwright('validate', file, '--format', 'json');
      expect(validated.code).toBe(0);
      const [report] = JSON.parse(validated.stdout) as { valid: boolean; diagnostics: unknown[] }[];
      expect(report!.valid).toBe(true);
      expect(report!.diagnostics).toContainEqual(
        expect.objectContaining({
          code: 'HOST_PATH_SENSITIVE',
          severity: 'warning',
          category: 'security',
          path: 'spec.volumes[0].hostPath.path',
        }),
      );

      // On a terminal it asks, naming what the Pod would reach; no starts nothing.
      const declined = await podwrightOnTerminal('n', 'run', file, '--detach');
      expect(declined.code).toBe(1);
      expect(declined.screen).toContain(`Pod ${name} gets access to this computer`);
      expect(declined.screen).toContain('Give it that access and run it? [y/N]');
      expect(declined.screen).toContain('Not started.');
      expect(await containersOf(name)).toEqual([]);

      // Off a terminal nothing can answer: refused unless --force.
      const refused = await podwright('run', file, '--detach');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`Pod ${name} gets access to this computer`);
      expect(refused.stderr).toContain('HOST_PATH_SENSITIVE [security]');
      expect(refused.stderr).toContain("the host's kernel settings and the details of every process (/proc)");
      expect(refused.stderr).toContain('Not started. Run it with --force to give it that access.');
      expect(await containersOf(name)).toEqual([]);

      // Yes on a terminal runs it; so does -f anywhere.
      const accepted = await podwrightOnTerminal('y', 'run', file, '--detach');
      expect(accepted.code).toBe(0);
      expect(accepted.screen).toContain(`Pod ${name}: Running`);
      expect((await containersOf(name)).length).toBeGreaterThan(0);
      expect((await podwright('down', name, '--grace', '0')).code).toBe(0);
      expect(await containersOf(name)).toEqual([]);

      const allowed = await podwright('run', file, '--detach', '-f');
      expect(allowed.code).toBe(0);
      expect(allowed.stdout).toContain(`Pod ${name}: Running`);
      expect((await containersOf(name)).length).toBeGreaterThan(0);
    });
  },
);
