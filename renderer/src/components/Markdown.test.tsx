// Tests the catalogues' markdown: code, strong, emphasis, paragraphs and lists become elements, HTML stays text.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { blocks, inlineParts, Markdown } from './Markdown';
import { catalogues } from '../locales';

const html = (text: string, block = false) => renderToStaticMarkup(createElement(Markdown, { text, block }));

describe('markdown of catalogue text', () => {
  it('draws `code` as <code>, **strong** and *emphasis*', () => {
    expect(html('Set `restartPolicy: OnFailure` for a **task**, not a *server*')).toBe(
      'Set <code>restartPolicy: OnFailure</code> for a <strong>task</strong>, not a <em>server</em>',
    );
  });

  it('escapes HTML instead of drawing it, in text and in code', () => {
    const out = html('<img src=x onerror=alert(1)> and `<script>alert(1)</script>` & **<b>bold</b>**');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(out).toContain('&amp;');
    expect(out).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>');
  });

  it('leaves stars inside code, globs and lone backticks as they are', () => {
    expect(inlineParts('a glob `kernel.shm*` and `*` or a*b*c, a ` alone')).toEqual([
      { kind: 'text', text: 'a glob ' },
      { kind: 'code', text: 'kernel.shm*' },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: '*' },
      { kind: 'text', text: ' or a*b*c, a ` alone' },
    ]);
  });

  it('splits paragraphs at blank lines and reads "- " lines as a list', () => {
    expect(blocks('First.\n\n- one `a`\n- two')).toEqual([
      { kind: 'paragraph', parts: [{ kind: 'text', text: 'First.' }] },
      {
        kind: 'list',
        items: [
          [
            { kind: 'text', text: 'one ' },
            { kind: 'code', text: 'a' },
          ],
          [{ kind: 'text', text: 'two' }],
        ],
      },
    ]);
    expect(html('First.\n\n- one', true)).toBe(
      '<span class="md-paragraph">First.</span><span class="md-list" role="list"><span class="md-item" role="listitem">one</span></span>',
    );
  });

  it('draws every rule text of both catalogues with no backtick left over', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const rules = catalogues[language].rules as Record<string, Record<string, unknown>>;
      for (const [code, texts] of Object.entries(rules)) {
        for (const value of Object.values(texts)) {
          if (typeof value !== 'string' || !value.includes('`')) continue;
          const out = html(value, true);
          // Pairs all became <code>; an odd one out would be a mistake in the catalogue.
          expect(out.replace(/<\/?code>/g, ''), `${language} ${code}`).not.toMatch(/`[^`]+`/);
        }
      }
    }
  });
});
