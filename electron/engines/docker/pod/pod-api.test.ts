// The pod.* API on the real engine: outputs match the contract, errors carry the pod error's code and container.
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, calls, PodStatusEvent, topics } from '../../../../shared/api';
import { Labels } from '../../../../shared/plan';
import { podHandlers, toApiError } from './pod-api';
import { PodError } from './pod-errors';
import { infraImageSetting } from './run-settings';
import { dockerReason, requireDocker, uniqueSuffix } from '../testing';

const engine = await requireDocker();
const suffix = uniqueSuffix();

function documents(name: string, script: string, extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: {
        terminationGracePeriodSeconds: 0,
        containers: [
          { name: 'app', image: 'podwright-test/busybox:1', imagePullPolicy: 'Never', command: ['sh', '-c', script] },
        ],
        ...extra,
      },
    },
  ];
}

describe('infra image setting', () => {
  it('prefers the explicit value, then PODWRIGHT_INFRA_IMAGE', () => {
    expect(infraImageSetting('a:1', { PODWRIGHT_INFRA_IMAGE: 'b:1' })).toBe('a:1');
    expect(infraImageSetting(undefined, { PODWRIGHT_INFRA_IMAGE: 'b:1' })).toBe('b:1');
    expect(infraImageSetting(undefined, {})).toBeUndefined();
  });

  it('maps pod errors onto API errors with the pod code in details', () => {
    const err = toApiError(new PodError('PORT_TAKEN', 'taken', { container: 'POD' })) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toEqual({ pod: { code: 'PORT_TAKEN', container: 'POD' } });
  });
});

describe.skipIf(dockerReason)(
  `pod.* API on the Docker Engine${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    const previous = process.env.PODWRIGHT_INFRA_IMAGE;
    process.env.PODWRIGHT_INFRA_IMAGE = 'podwright-test/pause:1';
    const api = podHandlers(engine);
    const names: string[] = [];
    afterAll(async () => {
      process.env.PODWRIGHT_INFRA_IMAGE = previous;
      await Promise.all(names.map((name) => api.calls['pod.down']({ name, graceSeconds: 0 })));
    });

    it('runs, lists, streams status, stops and downs a Pod; outputs match the contract', async () => {
      const name = `api-${suffix}`;
      names.push(name);
      const events: unknown[] = [];
      const stop = new AbortController();
      const watching = api.topics['pod.status']({ name }, (e) => events.push(e), stop.signal);
      const input = calls['pod.run'].input.parse({ documents: documents(name, 'sleep 3600'), design: 'd-1' });
      const snapshot = calls['pod.run'].output.parse(await api.calls['pod.run'](input));
      expect(snapshot).toMatchObject({ name, namespace: 'default', design: 'd-1', phase: 'Running' });
      const listed = calls['pod.list'].output.parse(await api.calls['pod.list']({}));
      expect(listed.find((p) => p.name === name)?.phase).toBe('Running');
      const stopped = calls['pod.stop'].output.parse(await api.calls['pod.stop']({ name, graceSeconds: 0 }));
      expect(stopped?.containers.every((c) => c.state.state === 'terminated')).toBe(true);
      await expect
        .poll(() => events.some((e) => (e as { kind: string }).kind === 'status'), { timeout: 5000 })
        .toBe(true);
      for (const e of events) topics['pod.status'].event.parse(e);
      expect(events.some((e) => PodStatusEvent.parse(e).kind === 'progress')).toBe(true);
      expect(await api.calls['pod.down']({ name })).toEqual({ containers: 2, volumes: 0 });
      expect(await api.calls['pod.down']({ name })).toEqual({ containers: 0, volumes: 0 });
      stop.abort();
      await watching;
      const left = await engine.docker.listContainers({ all: true, filters: { label: [`${Labels.pod}=${name}`] } });
      expect(left).toEqual([]);
    });

    it('reports a failing init container as an API error naming the container and exit code', async () => {
      const name = `api-init-${suffix}`;
      names.push(name);
      const docs = documents(name, 'sleep 3600', {
        initContainers: [
          {
            name: 'setup',
            image: 'podwright-test/busybox:1',
            imagePullPolicy: 'Never',
            command: ['sh', '-c', 'exit 7'],
          },
        ],
      });
      const err = await api.calls['pod.run']({ documents: docs }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).details).toMatchObject({
        pod: { code: 'INIT_FAILED', container: 'setup', exitCode: 7 },
      });
    });

    it('refuses documents without a Pod', async () => {
      await expect(api.calls['pod.run']({ documents: [{ kind: 'ConfigMap' }] })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    });
  },
);
