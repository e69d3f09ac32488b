// Hostile manifests shared by the parser's tests and the CLI's.

/**
 * The file: a Pod whose first env value is a string of `size` characters under an anchor, and `references`
 * more env values that are aliases of it (99 references of a 4 MB string stayed inside the alias count and expanded
 * to 400 MB).
 */
export function aliasedStringPod(size: number, references: number): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: bomb',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: busybox:1.36',
    '    env:',
    '    - name: BIG',
    `      value: &big "${'x'.repeat(size)}"`,
  ];
  for (let i = 1; i < references; i++) lines.push(`    - name: E${i}`, '      value: *big');
  return `${lines.join('\n')}\n`;
}
