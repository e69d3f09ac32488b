import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { createHandlers, type BackendContext } from './handlers';

describe('createHandlers', () => {
  it('sends Pod calls to the engine chosen last, not the one it started with', async () => {
    const ctx: BackendContext = { host: 'browser', engine: new Engine({ host: 'unix:///tmp/podwright-first.sock' }) };
    const handlers = createHandlers(ctx);
    await expect(handlers.calls['pod.list']({})).rejects.toThrow(/podwright-first\.sock/);
    ctx.engine = new Engine({ host: 'unix:///tmp/podwright-second.sock' });
    await expect(handlers.calls['pod.list']({})).rejects.toThrow(/podwright-second\.sock/);
  });
});
