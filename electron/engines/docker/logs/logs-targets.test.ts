// Tests which engine errors end one container's log (it is gone, or being removed by Down) rather than fail the stream.
import { describe, expect, it } from 'vitest';
import { isContainerGone } from './logs-targets';

/** An error as rawGet makes it from the engine's answer. */
const engineError = (status: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${status}) ${message}`), { statusCode: status });

describe('isContainerGone', () => {
  it('counts a missing container and one dead or being removed (Down) as gone', () => {
    expect(isContainerGone(engineError(404, 'No such container: 3f2a'))).toBe(true);
    expect(
      isContainerGone(
        engineError(409, 'unexpected - can not get logs from container which is dead or marked for removal'),
      ),
    ).toBe(true);
    expect(isContainerGone(engineError(409, 'removal of container 3f2a is already in progress'))).toBe(true);
  });

  it('leaves other conflicts and errors to fail the stream', () => {
    expect(isContainerGone(engineError(409, 'configured logging driver does not support reading'))).toBe(false);
    expect(isContainerGone(engineError(500, 'dead'))).toBe(false);
    expect(isContainerGone(new Error('boom'))).toBe(false);
  });
});
