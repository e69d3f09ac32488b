// Kubernetes' $(VAR) expansion in env values, command and args: defined names expand, unknown ones stay literal,
// and $$ escapes a dollar (k8s third_party/forked/golang/expansion). The result is built from slices of the input and
// the values, never a character at a time, and within a budget: a value referenced many times cannot multiply past it.

/** What every expansion of one plan may produce together, in characters; expand() takes from it. */
export interface ExpansionBudget {
  remaining: number;
}

/** The expansion would have produced more than its budget allows. */
export class ExpansionTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`$(VAR) expansion would produce more than ${limit} characters`);
    this.name = 'ExpansionTooLarge';
  }
}

export function expand(input: string, lookup: (name: string) => string | undefined, budget?: ExpansionBudget): string {
  let at = input.indexOf('$');
  if (at < 0) return input;
  const limit = budget?.remaining ?? Infinity;
  const parts: string[] = [];
  let size = 0;
  const add = (text: string): void => {
    size += text.length;
    if (size > limit) throw new ExpansionTooLarge(limit);
    parts.push(text);
  };
  let checkpoint = 0;
  // A '$' as the last character is literal, as in Kubernetes.
  while (at >= 0 && at + 1 < input.length) {
    add(input.slice(checkpoint, at));
    const next = input[at + 1];
    let end = at + 2;
    if (next === '$') add('$');
    else if (next === '(') {
      const close = input.indexOf(')', at + 2);
      if (close < 0) add('$(');
      else {
        const name = input.slice(at + 2, close);
        add((name.length > 0 ? lookup(name) : undefined) ?? `$(${name})`);
        end = close + 1;
      }
    } else add(`$${next}`);
    checkpoint = end;
    at = input.indexOf('$', checkpoint);
  }
  add(input.slice(checkpoint));
  if (budget) budget.remaining -= size;
  return parts.join('');
}
