// A label and its text are joined in the language's punctuation: a full-width colon after Chinese, and no colon
// written after a translated word in the code (that is how "修复: " with a half-width colon came about).
import { describe, expect, it } from 'vitest';
import { bothCatalogues } from './catalogues.test-support';
import { labelled } from './punctuation';

const i18n = await bothCatalogues();

const sources = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('punctuation', () => {
  it('joins a label and its text with the colon of the language', () => {
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh-CN');
    expect(labelled(en, en('problems.fix'), 'Add a busybox container')).toBe('Fix: Add a busybox container');
    expect(labelled(zh, zh('problems.fix'), '添加一个 busybox 容器')).toBe('修复：添加一个 busybox 容器');
    // Names and engine messages are text, never markup.
    expect(labelled(en, 'a', '<b>&')).toBe('a: <b>&');
  });

  it('has no colon written after a translated word in the renderer', () => {
    // `{t('x')}: …` in JSX, `${t('x')}: …` in a template string.
    const afterTranslation = /\bt\([^()]*(\([^()]*\))?[^()]*\)\}: /;
    const found = Object.entries(sources).flatMap(([file, text]) =>
      text
        .split('\n')
        .filter((line) => afterTranslation.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
