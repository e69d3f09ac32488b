// Fails when a UI string is missing in English or Simplified Chinese, or a literal key used in the code has no text.
import { describe, expect, it } from 'vitest';
import { catalogues, featureFiles } from './locales';
import { itemKey, paletteGroups } from './canvas/items';
import { volumeKinds } from '../../shared/design';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (typeof value !== 'object' || value === null) throw new Error(`${prefix}: not a string or an object`);
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// Vite reads the sources, so the test needs no Node file API (renderer/ stays browser-only, tests included).
const sources = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const en = catalogues.en;
const zhCN = catalogues['zh-CN'];

describe('translations', () => {
  it('ships every feature catalogue in both languages', () => {
    const folders = (lang: string) =>
      featureFiles.filter((f) => f.endsWith(`/${lang}.json`)).map((f) => f.slice(0, -`${lang}.json`.length));
    expect(folders('zh-CN')).toEqual(folders('en'));
    expect(featureFiles.every((f) => /\/(en|zh-CN)\.json$/.test(f))).toBe(true);
  });

  const english = new Set(keys(en));
  const chinese = new Set(keys(zhCN));

  it('has every English key in Chinese and no Chinese key English lacks', () => {
    expect([...english].filter((k) => !chinese.has(k))).toEqual([]);
    expect([...chinese].filter((k) => !english.has(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = (obj: unknown, prefix: string): string[] =>
      keys(obj)
        .filter(
          (k) =>
            (k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj) as string).trim() === '',
        )
        .map((k) => `${prefix}:${k}`);
    expect([...empty(en, 'en'), ...empty(zhCN, 'zh-CN')]).toEqual([]);
  });

  it('has a text for every literal key the renderer uses', () => {
    const used = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const code of Object.values(sources)) {
      for (const m of code.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/\b(?:label|title): '((?:action|palette)\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !english.has(k))).toEqual([]);
  });

  it('has a text for every key the renderer builds from data (palette items, roles, namespaces)', () => {
    const built = [
      ...paletteGroups.flatMap((g) => [g.title, ...g.items.flatMap((i) => [itemKey(i), `${itemKey(i)}Hint`])]),
      ...['app', 'init', 'sidecar'].map((r) => `role.${r}`),
      ...['shared', 'pid', 'hostNetwork', 'hostPID', 'hostIPC'].flatMap((n) =>
        ['', 'Hint', 'Explain'].map((s) => `namespace.${n}${s}`),
      ),
      ...[...volumeKinds, 'other'].map((k) => `volumeKind.${k}`),
      ...volumeKinds.map((k) => `field.source.${k}`),
      ...['error', 'warning', 'info'].map((s) => `severity.${s}`),
      ...['problems', 'yaml', 'logs'].map((p) => `panel.${p}`),
    ];
    expect(built.filter((k) => !english.has(k))).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const get = (obj: unknown, key: string) =>
      key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj) as string;
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differ = [...english].filter(
      (k) => JSON.stringify(placeholders(get(en, k))) !== JSON.stringify(placeholders(get(zhCN, k))),
    );
    expect(differ).toEqual([]);
  });
});
