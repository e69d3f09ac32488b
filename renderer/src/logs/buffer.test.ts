import { describe, expect, it } from 'vitest';
import { LogBuffer, matchRanges, passes, showAll, type NewLogLine } from './buffer';

const line = (container: string, text: string, stream: NewLogLine['stream'] = 'stdout'): NewLogLine => ({
  container,
  stream,
  text,
  time: '2026-01-01T00:00:00Z',
  t: 0,
});

const texts = (buffer: LogBuffer): string[] => [...buffer.lines()].map((l) => l.text);

describe('LogBuffer ring', () => {
  it('keeps the newest lines up to its capacity and counts the dropped ones', () => {
    const buffer = new LogBuffer(3);
    buffer.append([line('a', '1'), line('a', '2')]);
    buffer.append([line('a', '3'), line('a', '4'), line('a', '5')]);
    expect(texts(buffer)).toEqual(['3', '4', '5']);
    expect(buffer.size).toBe(3);
    expect(buffer.dropped).toBe(2);
  });

  it('survives a batch bigger than the ring', () => {
    const buffer = new LogBuffer(4);
    buffer.append(Array.from({ length: 10 }, (_, i) => line('a', String(i))));
    expect(texts(buffer)).toEqual(['6', '7', '8', '9']);
    expect(buffer.dropped).toBe(6);
  });

  it('clear empties the view and the dropped count, and keeps sequence numbers growing', () => {
    const buffer = new LogBuffer(3);
    buffer.append([line('a', '1'), line('a', '2'), line('a', '3'), line('a', '4')]);
    buffer.clear();
    expect(buffer.visibleCount).toBe(0);
    expect(buffer.dropped).toBe(0);
    buffer.append([line('a', 'x')]);
    expect(texts(buffer)).toEqual(['x']);
    expect(buffer.visible(0)!.seq).toBe(4);
  });
});

describe('filtering', () => {
  it('passes every line with no filter, only chosen containers, and only stderr (plus meta) when asked', () => {
    const out = { ...line('app', 'x'), seq: 0 };
    const err = { ...line('web', 'y', 'stderr'), seq: 1 };
    const meta = { ...line('app', 'exited', 'meta'), seq: 2 };
    expect(passes(out, showAll)).toBe(true);
    expect(passes(out, { containers: new Set(['web']), stderrOnly: false })).toBe(false);
    expect(passes(err, { containers: new Set(['web']), stderrOnly: false })).toBe(true);
    expect(passes(out, { containers: new Set(), stderrOnly: true })).toBe(false);
    expect(passes(err, { containers: new Set(), stderrOnly: true })).toBe(true);
    expect(passes(meta, { containers: new Set(), stderrOnly: true })).toBe(true);
  });

  it('the view follows the filter, for lines before and after it changes', () => {
    const buffer = new LogBuffer(100);
    buffer.append([line('app', 'a1'), line('web', 'w1'), line('app', 'a2', 'stderr')]);
    buffer.setFilter({ containers: new Set(['app']), stderrOnly: false });
    expect(texts(buffer)).toEqual(['a1', 'a2']);
    buffer.append([line('web', 'w2'), line('app', 'a3')]);
    expect(texts(buffer)).toEqual(['a1', 'a2', 'a3']);
    buffer.setFilter({ containers: new Set(), stderrOnly: true });
    expect(texts(buffer)).toEqual(['a2']);
    buffer.setFilter(showAll);
    expect(texts(buffer)).toEqual(['a1', 'w1', 'a2', 'w2', 'a3']);
  });

  it('the view drops what the ring drops', () => {
    const buffer = new LogBuffer(3);
    buffer.setFilter({ containers: new Set(['app']), stderrOnly: false });
    buffer.append([line('app', 'a1'), line('web', 'w1'), line('app', 'a2'), line('web', 'w2'), line('web', 'w3')]);
    expect(texts(buffer)).toEqual(['a2']);
    buffer.append([line('app', 'a3')]);
    expect(texts(buffer)).toEqual(['a3']);
  });
});

describe('search', () => {
  it('finds every case-insensitive occurrence, without overlaps', () => {
    expect(matchRanges('Error: error ERROR', 'error')).toEqual([
      [0, 5],
      [7, 12],
      [13, 18],
    ]);
    expect(matchRanges('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(matchRanges('anything', '')).toEqual([]);
    expect(matchRanges('a.b', '.')).toEqual([[1, 2]]);
  });

  it('counts matching lines in the filtered view, and maps matches to view positions', () => {
    const buffer = new LogBuffer(100);
    buffer.append([line('app', 'GET /'), line('web', 'get /x'), line('app', 'POST /'), line('app', 'GET /y')]);
    buffer.setQuery('get');
    expect(buffer.matchCount).toBe(3);
    buffer.setFilter({ containers: new Set(['app']), stderrOnly: false });
    expect(buffer.matchCount).toBe(2);
    expect(buffer.matchIndex(0)).toBe(0);
    expect(buffer.matchIndex(1)).toBe(2);
    expect(buffer.matchAtOrAfter(1)).toBe(1);
    buffer.append([line('app', 'get again')]);
    expect(buffer.matchCount).toBe(3);
    buffer.setQuery('');
    expect(buffer.matchCount).toBe(0);
  });

  it('matches drop out with the lines the ring drops', () => {
    const buffer = new LogBuffer(2);
    buffer.setQuery('x');
    buffer.append([line('a', 'x1'), line('a', 'x2'), line('a', 'y')]);
    expect(buffer.matchCount).toBe(1);
    expect(buffer.matchIndex(0)).toBe(0);
  });
});
