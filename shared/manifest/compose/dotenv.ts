// Reads `.env` and `env_file` files the way compose-go's dotenv parser does: `KEY=value`, `KEY: value`, `export KEY=`,
// a bare `KEY` (taken from the environment when set), comments, single quotes (literal), double quotes (escapes, then
// interpolation), and unquoted values with ` #` comments cut and interpolation.
import { interpolate, type Lookup } from './interpolate';

export interface DotenvResult {
  /** Variables in file order; a later line of the same key replaces the value but keeps the first place. */
  values: Map<string, string>;
  /** The first error with its 1-based line; what was read before it is kept. */
  error?: { line: number; message: string };
}

const isSpace = (c: string): boolean =>
  c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === ' ' || c === '\u0085' || c === '\u00a0';
const isUnicodeSpace = (c: string): boolean => /\s/u.test(c);

/**
 * Parses a dotenv text. `lookup` resolves variables the file reads (and bare keys); values defined earlier in the same
 * file are used when `lookup` does not know the name, as in compose-go.
 */
export function parseDotenv(text: string, lookup: Lookup = () => undefined): DotenvResult {
  const values = new Map<string, string>();
  const resolve: Lookup = (name) => lookup(name) ?? values.get(name);
  let line = 1;
  // A UTF-8 byte order mark (some editors write one) is not part of the first key.
  let rest = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (;;) {
    // Skip blank space and comment lines.
    let start = 0;
    for (;;) {
      while (start < rest.length && isUnicodeSpace(rest[start]!)) {
        if (rest[start] === '\n') line++;
        start++;
      }
      if (start < rest.length && rest[start] === '#') {
        const nl = rest.indexOf('\n', start);
        if (nl < 0) {
          start = rest.length;
          break;
        }
        start = nl;
        continue;
      }
      break;
    }
    rest = rest.slice(start);
    if (rest === '') break;

    // The key: up to `=`, `:` or a line break (a bare key, inherited from the environment).
    if (/^export\s+/.test(rest)) rest = rest.slice('export'.length).replace(/^[\t\v\f\r \u0085\u00a0]+/, '');
    let key = '';
    let offset = -1;
    let inherited = false;
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i]!;
      if (isSpace(c)) continue;
      if (c === '=' || c === ':' || c === '\n') {
        key = rest.slice(0, i);
        offset = i + 1;
        inherited = c === '\n';
        break;
      }
      if (c === '_' || c === '.' || c === '-' || c === '[' || c === ']' || /[\p{L}\p{N}]/u.test(c)) continue;
      const first = rest.split('\n')[0];
      return { values, error: { line, message: `unexpected character "${c}" in variable name "${first}"` } };
    }
    // compose-go files a last bare key without a line break under the empty name: in effect it is ignored.
    if (offset < 0) break;
    key = key.replace(/\s+$/u, '');
    if (key.includes(' ')) return { values, error: { line, message: 'key cannot contain a space' } };
    if (inherited) {
      line++;
      const value = lookup(key);
      if (value !== undefined) values.set(key, value);
      rest = rest.slice(offset);
      continue;
    }
    rest = rest.slice(offset).replace(/^[\t\v\f\r \u0085\u00a0]+/, '');

    const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : undefined;
    if (!quote) {
      const nl = rest.indexOf('\n');
      let value = nl < 0 ? rest : rest.slice(0, nl);
      rest = nl < 0 ? '' : rest.slice(nl + 1);
      line++;
      const comment = value.indexOf(' #');
      if (comment >= 0) value = value.slice(0, comment);
      value = value.replace(/\s+$/u, '');
      const expanded = interpolate(value, resolve);
      if (expanded.error) return { values, error: { line: line - 1, message: 'invalid interpolation' } };
      values.set(key, expanded.value);
      continue;
    }
    let escape = false;
    let chars = '';
    let closed = -1;
    for (let i = 1; i < rest.length; i++) {
      const c = rest[i]!;
      if (c === '\n') line++;
      if (c !== quote) {
        if (!escape && c === '\\') {
          escape = true;
          continue;
        }
        if (escape) {
          escape = false;
          chars += '\\';
        }
        chars += c;
        continue;
      }
      if (escape) {
        escape = false;
        chars += c;
        continue;
      }
      closed = i;
      break;
    }
    if (closed < 0) {
      const first = rest.split('\n')[0];
      return { values, error: { line, message: `unterminated quoted value ${first}` } };
    }
    let value = chars;
    if (quote === '"') {
      const expanded = interpolate(expandEscapes(value), resolve);
      if (expanded.error) return { values, error: { line, message: 'invalid interpolation' } };
      value = expanded.value;
    }
    values.set(key, value);
    rest = rest.slice(closed + 1);
  }
  return { values };
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  c: 'c',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
};

/** Double-quoted escapes: \a \b \f \n \r \t \v \" \\, octal \0NNN, and \$ as a literal dollar ($$ for the interpolation). */
function expandEscapes(value: string): string {
  return value.replace(/\\(?:[abcfnrtv$"\\]|0\d{0,3})/g, (match) => {
    if (match === '\\$') return '$$';
    if (match.startsWith('\\0')) {
      const digits = match.slice(2);
      const code = parseInt(digits, 8);
      if (digits.length < 3 || /[89]/.test(digits) || code > 0o377) return match;
      return String.fromCharCode(code);
    }
    // Go's UnquoteChar does not know \c; it stays as written.
    if (match === '\\c') return match;
    return ESCAPES[match[1]!] ?? match;
  });
}
