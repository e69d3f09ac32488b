// A small, safe reader of the markdown the catalogues write (rule explanations, messages, lesson texts): `code`,
// **strong**, *emphasis*, paragraphs (a blank line) and "- " lists. It builds React elements from text, so a "<b>" in
// the text stays the characters "<b>": nothing is ever parsed as HTML.
import { Fragment, type ReactNode } from 'react';

export type Inline = { kind: 'text' | 'code' | 'strong' | 'em'; text: string };
export type Block = { kind: 'paragraph'; parts: Inline[] } | { kind: 'list'; items: Inline[][] };

const emphasis: [RegExp, 'strong' | 'em'][] = [
  [/\*\*(?=\S)([^*\n]*?\S)\*\*/, 'strong'],
  // A single star pair around a word or words, not touching letters outside (a glob such as `a*b` stays as it is).
  [/(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/, 'em'],
];

function withEmphasis(text: string, out: Inline[]): void {
  let rest = text;
  while (rest) {
    let first: { at: number; length: number; inner: string; kind: 'strong' | 'em' } | undefined;
    for (const [pattern, kind] of emphasis) {
      const m = pattern.exec(rest);
      if (m && (!first || m.index < first.at)) first = { at: m.index, length: m[0].length, inner: m[1]!, kind };
    }
    if (!first) {
      out.push({ kind: 'text', text: rest });
      return;
    }
    if (first.at > 0) out.push({ kind: 'text', text: rest.slice(0, first.at) });
    out.push({ kind: first.kind, text: first.inner });
    rest = rest.slice(first.at + first.length);
  }
}

/** One line's spans: `code` first (what is inside stays as written, stars included), then strong and emphasis. */
export function inlineParts(text: string): Inline[] {
  const out: Inline[] = [];
  const code = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = code.exec(text); m; m = code.exec(text)) {
    if (m.index > last) withEmphasis(text.slice(last, m.index), out);
    out.push({ kind: 'code', text: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) withEmphasis(text.slice(last), out);
  return out;
}

/** Paragraphs (split at blank lines) and lists (lines starting "- " or "* "). */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*[-*] /.test(l)))
      out.push({ kind: 'list', items: lines.map((l) => inlineParts(l.replace(/^\s*[-*] /, ''))) });
    else out.push({ kind: 'paragraph', parts: inlineParts(lines.join(' ')) });
  }
  return out;
}

function Spans({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'code' ? (
          <code key={i}>{p.text}</code>
        ) : p.kind === 'strong' ? (
          <strong key={i}>{p.text}</strong>
        ) : p.kind === 'em' ? (
          <em key={i}>{p.text}</em>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * `text` as markdown. Inline (the default) for one line of text inside a button or a sentence; with `block`,
 * paragraphs and lists, drawn as spans and lists that may sit inside a <p>'s parent.
 */
export function Markdown({ text, block = false }: { text: string; block?: boolean }): ReactNode {
  if (!block) return <Spans parts={inlineParts(text)} />;
  const all = blocks(text);
  if (all.length === 1 && all[0]!.kind === 'paragraph') return <Spans parts={all[0]!.parts} />;
  return (
    <>
      {all.map((b, i) =>
        b.kind === 'paragraph' ? (
          <span key={i} className="md-paragraph">
            <Spans parts={b.parts} />
          </span>
        ) : (
          <span key={i} className="md-list" role="list">
            {b.items.map((item, j) => (
              <span key={j} className="md-item" role="listitem">
                <Spans parts={item} />
              </span>
            ))}
          </span>
        ),
      )}
    </>
  );
}
