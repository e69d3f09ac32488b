// The rule catalogue (assets/locales/rules) matches the engine: for every diagnostic the rule tests and the manifest
// corpus produce, the English entry rendered with the params is exactly the message, and Chinese has the same slots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { corpusDir, manifestFiles } from '../manifest/corpus.test-support';
import { readDesign } from '../manifest/read';
import type { Diagnostic } from './types';
import type * as ValidateModule from './validate';
import { rules } from './registry';
import { fieldProblemId, fieldProblems } from './problems';

const seen: Diagnostic[] = [];

// Every validatePod call, including those the rule tests below make, records what it returns.
vi.mock('./validate', async (importOriginal) => {
  const real = await importOriginal<typeof ValidateModule>();
  return {
    ...real,
    validatePod: (...args: Parameters<typeof real.validatePod>) => {
      const out = real.validatePod(...args);
      seen.push(...out);
      return out;
    },
  };
});

type Entry = { [key: string]: string | Entry };
const load = (lang: string) =>
  JSON.parse(readFileSync(join(process.cwd(), `assets/locales/rules/${lang}.json`), 'utf8')) as Entry;
const en = load('en');
const zh = load('zh-CN');

function lookup(catalogue: Entry, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<string | Entry | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), catalogue);
  return typeof value === 'string' ? value : undefined;
}

/** i18next's interpolation: each {{name}} replaced once by its value. */
function render(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}

const slots = (template: string) => [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

// The rule suites run here too, with the recording validatePod, so their fixtures are checked.
await import('./engine.test');
await import('./names.test');
await import('./ports.test');
await import('./volumes.test');
await import('./env-resources.test');
await import('./pod-level.test');
await import('./sharing.test');
await import('./labels-security.test');
await import('./unknown-field.test');

describe('rule message catalogue', () => {
  it('validates the manifest corpus', async () => {
    const { validatePod } = await import('./validate');
    const files = manifestFiles(corpusDir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) for (const { pod } of readDesign(readFileSync(file, 'utf8'), { name: file }).pods) validatePod(pod);
    for (const name of readdirExamples()) for (const { pod } of readDesign(name, { name: 'example' }).pods) validatePod(pod);
  });

  it('has a title and an explanation for every rule in both languages', () => {
    for (const rule of rules) {
      expect(lookup(en, `rules.${rule.code}.title`)).toBe(rule.title);
      expect(lookup(en, `rules.${rule.code}.explanation`)).toBe(rule.explanation);
      expect(lookup(zh, `rules.${rule.code}.title`), rule.code).toMatch(/\S/);
      expect(lookup(zh, `rules.${rule.code}.explanation`), rule.code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has the same keys and placeholders in Chinese as in English', () => {
    const keys = (e: Entry, prefix: string): string[] =>
      Object.entries(e).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
    expect(keys(zh, '')).toEqual(keys(en, ''));
    for (const key of keys(en, '')) expect(slots(lookup(zh, key)!), key).toEqual(slots(lookup(en, key)!));
  });

  it('has every embedded validation phrase in both languages', () => {
    for (const [id, text] of Object.entries(fieldProblems)) {
      expect(lookup(en, `rules.fieldProblems.${id}`)).toBe(text);
      // Product names such as SSH or Redis stay as they are in Chinese.
      expect(lookup(zh, `rules.fieldProblems.${id}`), id).toMatch(/\S/);
    }
  });

  afterAll(() => {
    // Checked after every suite above has run, so all recorded diagnostics count.
    // Every diagnostic and fix carries its catalogue id, so nothing the UI shows is left in English.
    expect(seen.filter((d) => !d.messageId).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    expect(seen.flatMap((d) => d.fixes.filter((f) => !f.titleId).map((f) => `${d.code}: ${f.title}`))).toEqual([]);
    const messages = seen.filter((d) => d.messageId);
    const fixes = seen.flatMap((d) => d.fixes).filter((f) => f.titleId);
    expect(messages.length).toBeGreaterThan(200);
    expect(fixes.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const d of messages) {
      const template = lookup(en, d.messageId!);
      const text = template === undefined ? `<missing ${d.messageId}>` : render(template, d.params ?? {});
      if (text !== d.message) wrong.push(`${d.messageId}: ${text} ≠ ${d.message}`);
      if (lookup(zh, d.messageId!) === undefined) wrong.push(`zh-CN lacks ${d.messageId}`);
    }
    for (const f of fixes) {
      const template = lookup(en, f.titleId!);
      const text = template === undefined ? `<missing ${f.titleId}>` : render(template, f.params ?? {});
      if (text !== f.title) wrong.push(`${f.titleId}: ${text} ≠ ${f.title}`);
      if (lookup(zh, f.titleId!) === undefined) wrong.push(`zh-CN lacks ${f.titleId}`);
    }
    // Embedded validation phrases must be in the phrase table, or the UI would show them in English.
    for (const d of messages) {
      for (const name of ['problem', 'user']) {
        const phrase = d.params?.[name];
        if (typeof phrase === 'string' && phrase !== '' && !fieldProblemId(phrase))
          wrong.push(`unknown ${name} phrase: ${phrase}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    // Which ids the fixtures reached, so a new message without a fixture shows up in the count.
    const reached = new Set([...messages.map((d) => d.messageId), ...fixes.map((f) => f.titleId)]);
    expect(reached.size).toBeGreaterThan(100);
  });
});

/** The bundled examples (assets/examples), which the app opens from its gallery. */
function readdirExamples(): string[] {
  const dir = join(process.cwd(), 'assets/examples');
  return manifestFiles(dir).map((file) => readFileSync(file, 'utf8'));
}
