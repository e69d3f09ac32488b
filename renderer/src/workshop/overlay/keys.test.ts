// Every text the overlay builds from the namespace model exists in both languages.
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../locales';
import { namespaceTypes, podNamespaces, type NamespaceEngine } from '../../../../shared/namespaces';
import type { CanvasDocument } from '../../../../shared/design';
import type { PodSpec } from '../../../../shared/model/pod';

function has(catalogue: unknown, key: string): boolean {
  const v = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], catalogue);
  return typeof v === 'string' && v.trim() !== '';
}

describe('namespace overlay texts', () => {
  it('covers every reason and note the model can produce, in English and Chinese', () => {
    const used = new Set<string>();
    const specs: Partial<PodSpec>[] = [
      {},
      { shareProcessNamespace: true },
      { hostNetwork: true, hostIPC: true, hostPID: true, shareProcessNamespace: true, hostUsers: false },
    ];
    const engines: (NamespaceEngine | undefined)[] = [
      undefined,
      { name: 'Docker', cgroupVersion: '2', securityOptions: ['name=cgroupns'] },
      { name: 'Podman', cgroupVersion: '1', securityOptions: ['name=userns'] },
      { name: 'Podman', cgroupVersion: 'v2', securityOptions: ['name=rootless'] },
    ];
    for (const spec of specs) {
      for (const engine of engines) {
        for (const pidJoins of [null, ['a']]) {
          const doc: CanvasDocument = {
            pod: {
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { name: 'p' },
              spec: {
                containers: [
                  { name: 'a', volumeMounts: [{ name: 'v', mountPath: '/v' }] },
                  { name: 'b', volumeMounts: [{ name: 'v', mountPath: '/v' }] },
                ],
                ...spec,
                hostUsers: spec.hostUsers,
              },
            },
            layout: {},
            pidJoins,
          };
          for (const lane of podNamespaces(doc, engine).lanes) {
            used.add(`nsOverlay.${lane.reason.key}`);
            used.add(`nsOverlay.verdict.${lane.verdict}`);
            for (const n of lane.notes) used.add(`nsOverlay.${n.key}`);
            for (const g of lane.groups) used.add(`nsOverlay.bar.${g.owner}`);
          }
        }
      }
    }
    for (const t of namespaceTypes) used.add(`nsOverlay.type.${t}`);
    for (const o of ['infra', 'own', 'host', 'engine']) used.add(`nsOverlay.legendItem.${o}`);
    expect(used.size).toBeGreaterThan(35);
    for (const lang of ['en', 'zh-CN'] as const) {
      expect(
        [...used].filter((k) => !has(catalogues[lang], k)),
        lang,
      ).toEqual([]);
    }
  });
});
