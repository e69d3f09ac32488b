// The reader's English is the UI's English: assets/locales/compose-reader/en.json holds exactly the catalogue's notes and
// problem texts (the i18n test then keeps zh-CN complete), and every note and problem the reader makes is catalogued.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_TEXT, PROBLEM_TEXT } from './catalogue';

const locale = (lang: string) =>
  JSON.parse(readFileSync(join(process.cwd(), `assets/locales/compose-reader/${lang}.json`), 'utf8')) as {
    compose: { notes: Record<string, string> };
    rules: Record<string, { title: string; explanation: string; messages: Record<string, string> }>;
  };

describe('the Compose reader catalogue', () => {
  it('is the English of the UI catalogue', () => {
    const en = locale('en');
    expect(en.compose.notes).toEqual(NOTE_TEXT);
    for (const [code, entry] of Object.entries(PROBLEM_TEXT)) {
      expect(en.rules[code], code).toEqual({
        title: entry.title,
        explanation: entry.explanation,
        messages: entry.messages,
      });
    }
  });

  it('is translated note for note and message for message', () => {
    const zh = locale('zh-CN');
    expect(Object.keys(zh.compose.notes).sort()).toEqual(Object.keys(NOTE_TEXT).sort());
    for (const [code, entry] of Object.entries(PROBLEM_TEXT)) {
      expect(Object.keys(zh.rules[code]?.messages ?? {}).sort(), code).toEqual(Object.keys(entry.messages).sort());
    }
  });

  it('names only notes and problems the reader makes', () => {
    const sources = ['context.ts', 'container.ts', 'containers.ts', 'load.ts', 'pods.ts', 'read.ts', 'volumes.ts']
      .map((f) => readFileSync(join(process.cwd(), 'shared/manifest/compose', f), 'utf8'))
      .join('\n');
    // A code is used when it is written out, or built from a prefix (`podTogether${kind}`).
    const prefixes = [...sources.matchAll(/`(\w+)\$\{/g)].map((m) => m[1]!);
    const unused = Object.keys(NOTE_TEXT).filter(
      (code) => !sources.includes(`'${code}'`) && !prefixes.some((p) => code.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
