// Text from the catalogues with `code` spans, as the rule explanations and lesson texts write field names: the spans
// are shown as code, never as literal backticks (and never as markup: the text stays text).
import { Fragment } from 'react';

/** `text` with every `…` span rendered as <code>; an unpaired backtick stays as it is. */
export function WithCode({ text }: { text: string }) {
  const parts = codeSpans(text);
  return (
    <>
      {parts.map((part, i) =>
        part.code ? <code key={i}>{part.text}</code> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}

export function codeSpans(text: string): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), code: false });
    out.push({ text: m[1]!, code: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), code: false });
  return out;
}

/** `text` for places that cannot hold markup (a tooltip): the spans without their backticks. */
export function withoutBackticks(text: string): string {
  return codeSpans(text)
    .map((p) => p.text)
    .join('');
}
