// Kubernetes' $(VAR) expansion in env values, command and args: defined names expand, unknown ones stay literal,
// and $$ escapes a dollar (k8s third_party/forked/golang/expansion).

export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const value = name.length > 0 ? lookup(name) : undefined;
      out += value ?? `$(${name})`;
      i = close + 1;
    } else {
      out += c + next;
      i += 2;
    }
  }
  return out;
}
