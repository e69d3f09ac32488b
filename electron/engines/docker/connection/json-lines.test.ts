import { describe, expect, it } from 'vitest';
import { lineSplitter } from './json-lines';

describe('lineSplitter', () => {
  it('yields whole lines across chunk boundaries and skips blank ones', () => {
    const lines: string[] = [];
    const feed = lineSplitter((l) => lines.push(l));
    feed(Buffer.from('{"a":1}\n{"b":'));
    feed(Buffer.from('2}\n\n  \n{"c"'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
    feed(Buffer.from(':3}\n'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('keeps a multi-byte character split between chunks', () => {
    const lines: string[] = [];
    const feed = lineSplitter((l) => lines.push(l));
    const bytes = Buffer.from('{"name":"日志"}\n');
    feed(bytes.subarray(0, 10));
    feed(bytes.subarray(10));
    expect(lines).toEqual(['{"name":"日志"}']);
  });
});
