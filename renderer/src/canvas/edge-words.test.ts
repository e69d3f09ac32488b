// Edges read out in words, in both languages, never as the canvas's internal ids.
import { describe, expect, it } from 'vitest';
import { buildGraph, type CanvasDocument } from '../../../shared/design';
import type { Pod } from '../../../shared/model/pod';
import { bothCatalogues } from '../catalogues.test-support';
import { edgeWords } from './edge-words';

const i18n = await bothCatalogues();

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: {
    shareProcessNamespace: true,
    hostNetwork: true,
    containers: [
      {
        name: 'api',
        image: 'busybox',
        volumeMounts: [
          { name: 'data', mountPath: '/data' },
          { name: 'conf', mountPath: '/etc/conf', readOnly: true },
        ],
      },
    ],
    volumes: [
      { name: 'data', emptyDir: {} },
      { name: 'conf', emptyDir: {} },
    ],
  },
} as unknown as Pod;
const doc: CanvasDocument = { pod, layout: {}, pidJoins: null };

describe('edge words', () => {
  const graph = buildGraph(doc);
  const said = (lng: string) => graph.edges.map((e) => edgeWords(i18n.getFixedT(lng), e, graph, doc));

  it('says who mounts what where and who joins which namespace, in English', () => {
    expect(said('en')).toEqual([
      'api mounts volume data at /data',
      'api mounts volume conf read-only at /etc/conf',
      "api joins the Pod's shared network, UTS and IPC namespaces",
      'api joins the shared process (PID) namespace',
      "api uses the host's network namespace",
    ]);
  });

  it('says the same in Chinese, and no internal id in either', () => {
    expect(said('zh-CN')[2]).toBe('api 加入该 Pod 共享的网络、UTS 和 IPC 命名空间');
    for (const text of [...said('en'), ...said('zh-CN')]) expect(text).not.toMatch(/container:|ns:|volume:|\{\{/);
  });
});
