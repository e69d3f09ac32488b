// Tests that the YAML reader's real messages for common typing mistakes come out as sentences in both languages, and
// that the panel's reading of a broken text says where the problem is.
import { describe, expect, it } from 'vitest';
import { bothCatalogues } from '../catalogues.test-support';
import { readPanelText } from './panel-text';
import { yamlMessageInWords } from './problem-words';

const i18n = await bothCatalogues();

const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n';

/** A mistake a user makes while typing, and the sentence it should give. */
const mistakes: [string, string][] = [
  [`${head}    - name: a\n      name: b\n`, 'duplicateKey'],
  [`${head}    - name: a\n      image: x: y\n`, 'nestedMapping'],
  [`${head}    - name: a\n      image\n`, 'keyWithoutValue'],
  [`${head}    - name: a\n     image: x\n`, 'itemWithoutDash'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\n  labels: {}\nspec: {}\n', 'keysNotAligned'],
  [`${head}    - name: a\n\t  image: x\n`, 'tabs'],
  [`${head}    - name: "a\n`, 'unclosedQuote'],
  [`${head}    - name: a\n      command: [sh -c\n`, 'unclosedBracket'],
  [`${head}    - name: a\n      command: ["a" "b"]\n`, 'missingComma'],
];

describe('YAML problems in words', () => {
  it.each(mistakes)('%j reads as %s, with its line and column', (text, key) => {
    const reading = readPanelText(text);
    if (!('problem' in reading) || reading.problem.kind !== 'yaml') throw new Error(`no YAML problem: ${text}`);
    expect(reading.problem.line).toBeGreaterThan(4);
    expect(reading.problem.column).toBeGreaterThan(0);
    for (const lng of ['en', 'zh-CN']) {
      const t = i18n.getFixedT(lng);
      const words = yamlMessageInWords(t, reading.problem.message);
      expect(words, reading.problem.message).toBe(t(`editing.yaml.says.${key}`, { key: 'name' }));
    }
  });

  it('passes an uncommon message through as the reader wrote it', () => {
    expect(yamlMessageInWords(i18n.getFixedT('en'), 'Unresolved tag: !foo')).toBe('Unresolved tag: !foo');
  });

  it('says when a text that reads holds no Pod', () => {
    expect(readPanelText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n')).toEqual({
      problem: { kind: 'no-pod' },
    });
  });
});
