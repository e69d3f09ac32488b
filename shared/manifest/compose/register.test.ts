// The Compose reader registers itself with the one reader when its module loads: the app keeps it out of its first
// screen and loads it when a Compose file is first opened, the CLI imports it with its input (electron/cli/read-input.ts).
// Vitest gives each test file its own modules, so this file starts with only the Kubernetes reader loaded.
import { describe, expect, it } from 'vitest';
import { readDesign } from '../read';
import { isComposeText } from './detect';

const compose = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n';

describe('the Compose reader, loaded when first needed', () => {
  it('is not part of the one reader until its module loads, and reads Compose files after', async () => {
    expect(isComposeText(compose)).toBe(true);
    const before = readDesign(compose, { name: 'compose.yaml' });
    expect(before.format).toBe('compose');
    expect(before.pods).toEqual([]);
    expect(before.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('looks like a compose file, which this build cannot read'),
    ]);

    await import('./read');
    const after = readDesign(compose, { name: 'compose.yaml' });
    expect(after.problems).toEqual([]);
    expect(after.pods.map((p) => p.pod.spec?.containers?.map((c) => c.image))).toEqual([['nginx:1.27']]);
  });
});
