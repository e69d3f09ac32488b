// The import dialog's regrouping: moving a service changes the grouping the reader is asked for, and the proposal
// follows it (a service moved out of a shared network loses that sharing, with a note).
import { describe, expect, it } from 'vitest';
import { moveService, proposal, type ImportSource } from './proposal';

const source: ImportSource = {
  kind: 'compose',
  name: 'compose.yaml',
  text: [
    'services:',
    '  web: { image: nginx, expose: ["80"] }',
    '  sidecar: { image: busybox, network_mode: "service:web" }',
    '  cache: { image: redis }',
  ].join('\n'),
  files: {},
  env: {},
  skipped: [],
};

describe('regrouping in the import dialog', () => {
  it('moves a service into another Pod or a Pod of its own', () => {
    const read = proposal(source, { pods: 'auto', volumes: 'emptyDir' });
    expect(read.grouping?.groups.map((g) => g.services)).toEqual([['web', 'sidecar'], ['cache']]);
    const together = moveService(read, 'cache', 0);
    expect(together).toEqual([['web', 'sidecar', 'cache']]);
    const moved = proposal(source, { pods: 'auto', volumes: 'emptyDir', groups: together });
    expect(moved.read.pods.map((p) => p.pod.spec.containers.map((c) => c.name))).toEqual([['web', 'sidecar', 'cache']]);

    const apart = moveService(read, 'sidecar', 'new');
    expect(apart).toEqual([['web'], ['cache'], ['sidecar']]);
    const split = proposal(source, { pods: 'auto', volumes: 'emptyDir', groups: apart });
    expect(split.read.pods).toHaveLength(3);
    expect(split.read.notes.map((n) => n.code)).toContain('tieBrokenNetwork');
  });
});
