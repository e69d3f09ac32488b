// Which Pod a manifest file gives `podwright run` / `down`: the only one, or the one named, with its companions.
import { describe, expect, it } from 'vitest';
import { loadPodText, podFromDocuments, podsFromDocuments } from './pod-choice';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [] } });
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { MODE: 'x' } };

describe('podFromDocuments', () => {
  it('takes the only Pod, with the ConfigMaps and Secrets beside it', () => {
    const loaded = podFromDocuments([configMap, pod('web')], 'web.yaml');
    expect(loaded.pod.metadata?.name).toBe('web');
    expect(loaded.companions.configMaps).toEqual([configMap]);
  });

  it('asks which Pod when the file holds several, naming them', () => {
    expect(() => podFromDocuments([pod('a'), pod('b')], 'design.yaml')).toThrow(
      'design.yaml holds 2 Pods (a, b); choose one with --pod NAME.',
    );
  });

  it('takes the named Pod, and says which Pods there are when none has that name', () => {
    expect(podFromDocuments([pod('a'), configMap, pod('b')], 'design.yaml', 'b').pod.metadata?.name).toBe('b');
    expect(() => podFromDocuments([pod('a'), pod('b')], 'design.yaml', 'c')).toThrow(
      'design.yaml holds no Pod named c (it holds: a, b).',
    );
  });

  it('refuses a file without a Pod, and a Pod without containers', () => {
    expect(() => podFromDocuments([configMap], 'cm.yaml')).toThrow('cm.yaml holds no Pod (kind: Pod).');
    expect(() => podFromDocuments([{ kind: 'Pod', metadata: { name: 'x' }, spec: {} }], 'x.yaml')).toThrow(
      'x.yaml: the Pod x has no spec.containers.',
    );
  });
});

describe('podsFromDocuments and loadPodText', () => {
  it('lists every Pod of a file, in order', () => {
    expect(podsFromDocuments([pod('a'), configMap, pod('b')]).pods.map((p) => p.metadata?.name)).toEqual(['a', 'b']);
  });

  it('reads YAML text with several documents and picks by name', () => {
    const text =
      'kind: Pod\nmetadata: {name: a}\nspec: {containers: []}\n---\nkind: Pod\nmetadata: {name: b}\nspec: {containers: []}\n';
    expect(loadPodText(text, 'two.yaml', 'a').pod.metadata?.name).toBe('a');
    expect(() => loadPodText(text, 'two.yaml')).toThrow('choose one with --pod NAME');
  });
});
