// Text from the catalogues with `code` spans, as the rule explanations and lesson texts write field names: drawn
// through the small markdown reader (./Markdown.tsx), so spans are code, never literal backticks, and never markup.
import { inlineParts, Markdown } from './Markdown';

/** `text` with its `…` spans (and **strong**, *emphasis*, paragraphs, lists) drawn; an unpaired backtick stays. */
export function WithCode({ text }: { text: string }) {
  return <Markdown text={text} block />;
}

export function codeSpans(text: string): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  for (const part of inlineParts(text)) {
    const code = part.kind === 'code';
    const last = out[out.length - 1];
    if (!code && last && !last.code) last.text += part.text;
    else out.push({ text: part.text, code });
  }
  return out;
}

/** `text` for places that cannot hold markup (a tooltip): the spans without their backticks and stars. */
export function withoutBackticks(text: string): string {
  return inlineParts(text)
    .map((p) => p.text)
    .join('');
}
