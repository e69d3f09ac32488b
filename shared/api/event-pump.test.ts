import { describe, expect, it } from 'vitest';
import { EventPump, type EventBatch } from './event-pump';

function manualPump(options: { window?: number; maxBatch?: number; maxQueued?: number } = {}) {
  const sent: EventBatch<number>[] = [];
  const tasks: (() => void)[] = [];
  const pump = new EventPump<number>({ send: (b) => sent.push(b), schedule: (fn) => tasks.push(fn), ...options });
  const tick = () => tasks.splice(0).forEach((fn) => fn());
  return { pump, sent, tick };
}

describe('EventPump', () => {
  it('batches events pushed in one tick into one batch', () => {
    const { pump, sent, tick } = manualPump();
    for (let i = 0; i < 10; i++) pump.push(i);
    expect(sent).toHaveLength(0);
    tick();
    expect(sent).toEqual([{ seq: 0, events: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], skipped: 0 }]);
  });

  it('splits into batches of maxBatch and stops at the window until acked', () => {
    const { pump, sent, tick } = manualPump({ window: 2, maxBatch: 3 });
    for (let i = 0; i < 10; i++) pump.push(i);
    tick();
    expect(sent.map((b) => b.events)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(pump.queued).toBe(4);
    pump.ack(0);
    expect(sent.map((b) => b.seq)).toEqual([0, 1, 2]);
    pump.ack(0); // repeated ack frees nothing
    expect(sent).toHaveLength(3);
    pump.ack(1);
    pump.ack(2);
    expect(sent.flatMap((b) => b.events)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sent.every((b) => b.skipped === 0)).toBe(true);
  });

  it('drops the oldest events when the consumer lags and reports how many', () => {
    const { pump, sent, tick } = manualPump({ window: 1, maxBatch: 100, maxQueued: 50 });
    pump.push(-1);
    tick();
    expect(sent).toHaveLength(1);
    for (let i = 0; i < 1000; i++) pump.push(i);
    expect(pump.queued).toBe(50); // bounded while unacknowledged
    pump.ack(0);
    expect(sent[1]).toEqual({ seq: 1, events: Array.from({ length: 50 }, (_, i) => 950 + i), skipped: 950 });
  });

  it('keeps memory bounded under a long flood with no acks', () => {
    const { pump, tick } = manualPump({ window: 2, maxBatch: 100, maxQueued: 1000 });
    for (let i = 0; i < 200_000; i++) pump.push(i);
    tick();
    expect(pump.queued).toBeLessThanOrEqual(1000);
    expect(pump.unacknowledged).toBe(2);
  });

  it('ignores pushes after close', () => {
    const { pump, sent, tick } = manualPump();
    pump.close();
    pump.push(1);
    tick();
    expect(sent).toHaveLength(0);
  });
});

describe('EventPump.finish', () => {
  it('delivers every queued event before reporting drained', () => {
    const { pump, sent, tick } = manualPump({ window: 1, maxBatch: 10, maxQueued: 1000 });
    for (let i = 0; i < 35; i++) pump.push(i);
    let drained = false;
    pump.finish(() => (drained = true));
    tick();
    expect(drained).toBe(false);
    for (let seq = 0; seq < 4; seq++) pump.ack(seq);
    expect(sent.flatMap((b) => b.events)).toEqual(Array.from({ length: 35 }, (_, i) => i));
    expect(drained).toBe(true);
  });

  it('is cancelled by close', () => {
    const { pump, tick } = manualPump({ window: 1 });
    pump.push(1);
    tick(); // batch 0 in flight fills the window
    pump.push(2);
    let drained = false;
    pump.finish(() => (drained = true));
    pump.close();
    pump.ack(0);
    expect(drained).toBe(false);
  });
});
