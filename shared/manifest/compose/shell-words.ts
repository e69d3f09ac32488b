// Splits a `command:` or `entrypoint:` string into words the way Compose does (compose-go uses mattn/go-shellwords with
// environment and backtick parsing off): quotes and backslashes as in a shell, no variable expansion, and reading stops
// at the first unquoted `;`, `&`, `|`, `<` or `>`; a shell would run what follows, Compose drops it.

export type ShellWords =
  | {
      ok: true;
      words: string[];
      /** The text Compose left out after an operator, when it stopped early. */ dropped?: string;
    }
  | { ok: false; message: string };

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

export function shellWords(line: string): ShellWords {
  const words: string[] = [];
  let buf = '';
  let escaped = false;
  let doubleQuoted = false;
  let singleQuoted = false;
  let backQuote = false;
  let dollarQuote = false;
  let got: 'no' | 'single' | 'quoted' = 'no';
  let stop = -1;
  const chars = [...line];
  let offset = 0;
  for (let i = 0; i < chars.length; offset += chars[i]!.length, i++) {
    let c = chars[i]!;
    if (escaped) {
      if (c === 't') c = '\t';
      if (c === 'n') c = '\n';
      buf += c;
      escaped = false;
      got = 'single';
      continue;
    }
    if (c === '\\') {
      if (singleQuoted) buf += c;
      else escaped = true;
      continue;
    }
    if (isSpace(c)) {
      if (singleQuoted || doubleQuoted || backQuote || dollarQuote) buf += c;
      else if (got !== 'no') {
        words.push(buf);
        buf = '';
        got = 'no';
      }
      continue;
    }
    switch (c) {
      case '`':
        if (!singleQuoted && !doubleQuoted && !dollarQuote) backQuote = !backQuote;
        break;
      case ')':
        if (!singleQuoted && !doubleQuoted && !backQuote) {
          if (!dollarQuote) return { ok: false, message: 'invalid command line string: unmatched ")"' };
          buf += c;
          dollarQuote = false;
          got = 'single';
          continue;
        }
        break;
      case '(':
        if (!singleQuoted && !doubleQuoted && !backQuote) {
          if (!dollarQuote && buf.endsWith('$')) {
            dollarQuote = true;
            buf += '(';
            continue;
          }
          return { ok: false, message: 'invalid command line string: "(" outside quotes' };
        }
        break;
      case '"':
        if (!singleQuoted && !dollarQuote) {
          if (doubleQuoted) got = 'quoted';
          doubleQuoted = !doubleQuoted;
          continue;
        }
        break;
      case "'":
        if (!doubleQuoted && !dollarQuote) {
          if (singleQuoted) got = 'quoted';
          singleQuoted = !singleQuoted;
          continue;
        }
        break;
      case ';':
      case '&':
      case '|':
      case '<':
      case '>':
        if (!(singleQuoted || doubleQuoted || backQuote || dollarQuote)) {
          // `2>file`: the digit belongs to the redirection, not to a word.
          const redirect = c === '>' && buf.length > 0 && buf[0]! >= '0' && buf[0]! <= '9';
          if (redirect) got = 'no';
          stop = redirect ? offset - 1 : offset;
          break;
        }
        break;
    }
    if (stop >= 0) break;
    got = 'single';
    buf += c;
  }
  if (got !== 'no') words.push(buf);
  if (escaped || singleQuoted || doubleQuoted || backQuote || dollarQuote) {
    return { ok: false, message: 'invalid command line string: an unclosed quote or a trailing backslash' };
  }
  return stop >= 0 ? { ok: true, words, dropped: line.slice(stop) } : { ok: true, words };
}
