// Which Pod of a design `podwright run` / `down` / pod.run take: the only one, or the one named, with its companions.
import { describe, expect, it } from 'vitest';
import { choosePod, designCompanions } from './pod-choice';
import { readDesign } from './read';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: c, image: x:1}]}\n`;
const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {MODE: x}\n';
const read = (...docs: string[]) => readDesign(docs.join('---\n'), { name: 'design.yaml' });

describe('choosePod', () => {
  it('takes the only Pod, with the ConfigMaps and Secrets beside it', () => {
    const design = read(configMap, pod('web'));
    expect(choosePod(design).pod.metadata?.name).toBe('web');
    expect(designCompanions(design).configMaps?.map((c) => c.metadata?.name)).toEqual(['settings']);
  });

  it('asks which Pod when the file holds several, naming them', () => {
    expect(() => choosePod(read(pod('a'), pod('b')))).toThrow('design.yaml holds 2 Pods (a, b); choose one with --pod NAME.');
  });

  it('takes the named Pod, and says which Pods there are when none has that name', () => {
    expect(choosePod(read(pod('a'), configMap, pod('b')), 'b').pod.metadata?.name).toBe('b');
    expect(() => choosePod(read(pod('a'), pod('b')), 'c')).toThrow('design.yaml holds no Pod named c (it holds: a, b).');
  });

  it('takes a workload by its Pod template, and refuses a file without any', () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: x:1}]}\n';
    expect(choosePod(read(deployment)).origin).toMatchObject({ kind: 'Deployment', fieldPrefix: 'spec.template' });
    expect(() => choosePod(read(configMap))).toThrow('design.yaml holds no Pod or Pod template (it holds: ConfigMap).');
  });
});
