// The workload and Service checks' catalogue (assets/locales/workload-rules) matches the checks: every diagnostic the tests
// and the real-world corpus produce renders, from its English entry and params, to exactly its message; every fix
// title likewise; Chinese has every key with the same placeholders.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { corpusDir, manifestFiles } from '../../manifest/corpus.test-support';
import { fieldProblemId } from '../problems';
import type { Diagnostic } from '../types';
import type * as Checks from './index';
import { objectRules } from './registry';
import { objectRecords } from './records.test-support';
import { keysOf, loadCatalogue, lookup, render, slots } from './catalogue.test-support';

const seen: Diagnostic[] = [];

vi.mock('./index', async (importOriginal) => {
  const real = await importOriginal<typeof Checks>();
  const record = (out: Diagnostic[]) => (seen.push(...out), out);
  return {
    ...real,
    checkWorkloadObject: (object: unknown) => record(real.checkWorkloadObject(object)),
    checkWorkloads: (...args: Parameters<typeof real.checkWorkloads>) => record(real.checkWorkloads(...args)),
  };
});

const en = loadCatalogue('workload-rules', 'en');
const zh = loadCatalogue('workload-rules', 'zh-CN');

await import('./workloads.test');
await import('./service.test');

describe('workload check catalogue', () => {
  it('checks the corpus', async () => {
    const { checkWorkloads } = await import('./index');
    for (const file of manifestFiles(corpusDir)) checkWorkloads(objectRecords(readFileSync(file, 'utf8')));
  });

  it('has a title and an explanation for every check in both languages', () => {
    for (const rule of objectRules) {
      expect(lookup(en, `rules.${rule.code}.title`)).toBe(rule.title);
      expect(lookup(en, `rules.${rule.code}.explanation`)).toBe(rule.explanation);
      expect(lookup(zh, `rules.${rule.code}.title`), rule.code).toMatch(/\S/);
      expect(lookup(zh, `rules.${rule.code}.explanation`), rule.code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has the same keys and placeholders in Chinese as in English', () => {
    expect(keysOf(zh)).toEqual(keysOf(en));
    for (const key of keysOf(en)) expect(slots(lookup(zh, key)!), key).toEqual(slots(lookup(en, key)!));
  });

  afterAll(() => {
    expect(seen.filter((d) => !d.messageId).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    expect(seen.flatMap((d) => d.fixes.filter((f) => !f.titleId).map((f) => `${d.code}: ${f.title}`))).toEqual([]);
    const wrong: string[] = [];
    for (const d of seen) {
      const template = lookup(en, d.messageId!);
      const text = template === undefined ? `<missing ${d.messageId}>` : render(template, d.params ?? {});
      if (text !== d.message) wrong.push(`${d.messageId}: ${text} ≠ ${d.message}`);
      if (lookup(zh, d.messageId!) === undefined) wrong.push(`zh-CN lacks ${d.messageId}`);
      const phrase = d.params?.problem;
      if (typeof phrase === 'string' && !fieldProblemId(phrase)) wrong.push(`unknown problem phrase: ${phrase}`);
      for (const f of d.fixes) {
        const fixTemplate = lookup(en, f.titleId!);
        const title = fixTemplate === undefined ? `<missing ${f.titleId}>` : render(fixTemplate, f.params ?? {});
        if (title !== f.title) wrong.push(`${f.titleId}: ${title} ≠ ${f.title}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    // Which message ids the fixtures reached, so a new message without a fixture shows up in the count.
    expect(new Set(seen.map((d) => d.messageId)).size).toBeGreaterThan(50);
  });
});
