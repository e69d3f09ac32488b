import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../shared/api/contract';
import { Engine } from '../engines/docker';
import { createHandlers, type BackendContext } from './handlers';

describe('createHandlers', () => {
  it('sends Pod calls to the engine chosen last, not the one it started with', async () => {
    const ctx: BackendContext = { host: 'browser', engine: new Engine({ host: 'unix:///tmp/podwright-first.sock' }) };
    const handlers = createHandlers(ctx);
    await expect(handlers.calls['pod.list']({})).rejects.toThrow(/podwright-first\.sock/);
    ctx.engine = new Engine({ host: 'unix:///tmp/podwright-second.sock' });
    await expect(handlers.calls['pod.list']({})).rejects.toThrow(/podwright-second\.sock/);
  });

  it('pod.cancel reaches a run started on the engine chosen before (engine.select mid-run, maybe in another window)', async () => {
    const first = new Engine({ host: 'unix:///tmp/podwright-first.sock' });
    let answer!: (status: EngineStatus) => void;
    // The run is in progress while it asks the first engine for its info.
    first.info = () => new Promise<EngineStatus>((resolve) => (answer = resolve));
    const ctx: BackendContext = { host: 'browser', engine: first };
    const handlers = createHandlers(ctx);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'shop' }, spec: { containers: [] } };
    const running = handlers.calls['pod.run']({ documents: [pod] }).catch((err: unknown) => err);
    await Promise.resolve();
    ctx.engine = new Engine({ host: 'unix:///tmp/podwright-second.sock' });
    const cancel = handlers.calls['pod.cancel']({ name: 'shop' });
    answer({ reachable: false, reason: 'gone', hint: 'start it' } as EngineStatus);
    // It found the run (not 'not-running'), which then ended on its own with the engine unreachable.
    expect(await cancel).toEqual({ outcome: 'finished' });
    expect(await running).toMatchObject({ code: 'ENGINE_UNREACHABLE' });
    expect(await handlers.calls['pod.cancel']({ name: 'shop' })).toEqual({ outcome: 'not-running' });
  });
});
