// Which run wrote a line, from the exits in the engine's event history (an engine that answers from a script here).
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { ContainerRuns } from './container-runs';

const at = (sec: number, nano = 0) => ({ sec, nano });

/** An engine whose event history holds `dies` (timeNano as text), answering each question in its since..until range. */
function engineWith(dies: string[]) {
  const asked: { since: string; until: string }[] = [];
  const docker = {
    getEvents: async (options: { since: string; until: string }) => {
      asked.push({ since: options.since, until: options.until });
      const inRange = dies.filter((d) => {
        const t = Number(d.slice(0, -9)) + Number(d.slice(-9)) / 1e9;
        return t >= Number(options.since) && t <= Number(options.until);
      });
      return Readable.from(inRange.map((d) => `{"status":"die","timeNano":${d},"time":${d.slice(0, -9)}}\n`));
    },
  } as unknown as Docker;
  return { docker, asked };
}

describe('ContainerRuns', () => {
  it('counts the exits before a time, from the first thing shown, at nanosecond precision', async () => {
    // Two exits 1 ns apart from a line: a double would round them together.
    const { docker } = engineWith(['1700000001000000001', '1700000002500000000']);
    const runs = new ContainerRuns(docker, 'c1');
    runs.from = at(1700000000);
    await runs.learn(at(1700000003));
    expect(runs.attemptAt(at(1700000000, 900_000_000))).toBe(0);
    expect(runs.attemptAt(at(1700000001, 0))).toBe(0);
    expect(runs.attemptAt(at(1700000001, 2))).toBe(1);
    expect(runs.attemptAt(at(1700000002, 600_000_000))).toBe(2);
    expect(runs.exitBefore(at(1700000002, 600_000_000))).toEqual(at(1700000002, 500_000_000));
  });

  it('starts attempt 0 at the first run shown, and asks the engine only for what it does not know yet', async () => {
    const { docker, asked } = engineWith(['1700000001000000000', '1700000002000000000', '1700000003000000000']);
    const runs = new ContainerRuns(docker, 'c1');
    runs.from = at(1700000000);
    await runs.learn(at(1700000002, 500_000_000));
    // The first line shown was written after two exits: it is attempt 0, not 2.
    expect(runs.attemptAt(at(1700000002, 100))).toBe(0);
    await runs.learn(at(1700000002, 100));
    await runs.learn(at(1700000004));
    expect(runs.attemptAt(at(1700000003, 1))).toBe(1);
    expect(asked).toEqual([
      { since: '1700000000.000000000', until: '1700000002.500000000' },
      { since: '1700000002.500000000', until: '1700000004.000000000' },
    ]);
  });

  it('keeps what it knew when the engine cannot answer, and asks again next time', async () => {
    let fail = true;
    const docker = {
      getEvents: async () => {
        if (fail) throw Object.assign(new Error('gone'), { code: 'ECONNREFUSED' });
        return Readable.from(['{"timeNano":1700000001000000000}\n']);
      },
    } as unknown as Docker;
    const runs = new ContainerRuns(docker, 'c1');
    runs.from = at(1700000000);
    await runs.learn(at(1700000002));
    expect(runs.exitBefore(at(1700000002))).toBeUndefined();
    fail = false;
    await runs.learn(at(1700000002));
    expect(runs.exitBefore(at(1700000002))).toEqual(at(1700000001));
  });
});
