// Tests that backtick spans in catalogue text become code spans, and that unpaired backticks and markup stay text.
import { describe, expect, it } from 'vitest';
import { codeSpans, withoutBackticks } from './WithCode';

describe('code spans in catalogue text', () => {
  it('splits `field` spans from the words around them', () => {
    expect(codeSpans('Without at least one container in `spec.containers` there is nothing to run')).toEqual([
      { text: 'Without at least one container in ', code: false },
      { text: 'spec.containers', code: true },
      { text: ' there is nothing to run', code: false },
    ]);
    expect(withoutBackticks('use `restartPolicy: OnFailure` for a task')).toBe('use restartPolicy: OnFailure for a task');
  });

  it('keeps an unpaired backtick and markup as text', () => {
    expect(codeSpans('a ` alone <b>bold</b>')).toEqual([{ text: 'a ` alone <b>bold</b>', code: false }]);
  });
});
