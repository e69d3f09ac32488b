// The runs-in-progress registry without an engine: what cancel answers, which runs it reaches, and the external signal.
import { describe, expect, it } from 'vitest';
import { PodError } from './pod-errors';
import { isRunCancelled, runCancelled, RunsInProgress } from './pod-runs';

/** Work that ends with RUN_CANCELLED once its signal aborts, as the runtime's run does after its rollback. */
function untilCancelled(name: string) {
  return (signal: AbortSignal): Promise<string> =>
    new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(runCancelled(name))));
}

describe('runs in progress', () => {
  it('cancels the run of the named Pod only, and answers once it has stopped', async () => {
    const runs = new RunsInProgress();
    const shop = runs.track({ name: 'shop' }, undefined, untilCancelled('shop'));
    let other = 'running';
    void runs.track({ name: 'shop', namespace: 'other' }, undefined, untilCancelled('shop')).catch(() => {
      other = 'cancelled';
    });
    expect(runs.othersThan({ name: 'shop' })).toBe(true);

    expect(await runs.cancel({ name: 'shop', namespace: 'default' })).toBe('cancelled');
    await expect(shop).rejects.toSatisfy(isRunCancelled);
    expect(other).toBe('running');
    // A finished run leaves the registry: cancelling it again is a no-op.
    expect(await runs.cancel({ name: 'shop' })).toBe('not-running');
    expect(await runs.cancel({ name: 'shop', namespace: 'other' })).toBe('cancelled');
    expect(runs.othersThan({ name: 'shop' })).toBe(false);
  });

  it('says "finished" when the run ended on its own before it reached a safe point', async () => {
    const runs = new RunsInProgress();
    const done = runs.track({ name: 'web' }, undefined, async () => 'running');
    expect(await runs.cancel({ name: 'web' })).toBe('finished');
    expect(await done).toBe('running');
    const failed = runs.track({ name: 'web' }, undefined, async () => {
      throw new PodError('PORT_TAKEN', 'taken');
    });
    expect(await runs.cancel({ name: 'web' })).toBe('finished');
    await expect(failed).rejects.toMatchObject({ code: 'PORT_TAKEN' });
  });

  it('reaches a run cancelled from inside its first synchronous steps (a progress listener asks at once)', async () => {
    const runs = new RunsInProgress();
    let outcome: Promise<string> | undefined;
    const run = runs.track({ name: 'quick' }, undefined, async (signal) => {
      // The runtime reports its first stage before its first await; a listener may cancel right there.
      outcome = runs.cancel({ name: 'quick' });
      await Promise.resolve();
      if (signal.aborted) throw runCancelled('quick');
      return 'running';
    });
    await expect(run).rejects.toSatisfy(isRunCancelled);
    expect(await outcome).toBe('cancelled');
  });

  it('an external signal (Ctrl-C in the CLI) cancels the run too', async () => {
    const runs = new RunsInProgress();
    const external = new AbortController();
    const run = runs.track({ name: 'cli' }, external.signal, untilCancelled('cli'));
    external.abort();
    await expect(run).rejects.toSatisfy(isRunCancelled);
    expect(await runs.cancel({ name: 'cli' })).toBe('not-running');
  });
});
