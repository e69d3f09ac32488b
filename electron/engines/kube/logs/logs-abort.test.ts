// Stopping a followed log while a replica's log request has no answer yet (a real kubelet answers the headers only once
// the container's stream is open): the stream's abort is the end, not a failure. Seen on kube-apiserver 1.34.2 with a
// kubelet: a replica that joined the follow rejected with the AbortError after the follow ended, nobody handled it,
// and the back end process died. A stand-in cluster whose log requests never answer holds that moment open.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../connection/cluster';
import { ClusterError } from '../connection/errors';
import { streamClusterLogs } from './logs';

const where = { context: 'lab', server: 'https://127.0.0.1:6443' };
const pod = (name: string): Record<string, unknown> => ({
  metadata: { name, labels: { 'dev.podwright.pod': 'web' } },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
  status: {
    phase: 'Running',
    containerStatuses: [{ name: 'app', restartCount: 0, state: { running: { startedAt: '2026-12-07T00:00:00Z' } } }],
  },
});

/** Lists one replica; the watch then adds a second; no log request is ever answered until it is aborted. */
function silentKubelet(): { cluster: Cluster; logRequests: () => number } {
  let logs = 0;
  const cluster = {
    where,
    request: async (_method: string, path: string) => {
      if (path.endsWith('/pods/web')) throw new ClusterError('NOT_FOUND', 'pods "web" not found', where);
      return { metadata: { resourceVersion: '5' }, items: [pod('web-1')] };
    },
    stream: (path: string, init: { signal?: AbortSignal; query?: Record<string, unknown> }) => {
      if (init.query?.watch) {
        const watch = new PassThrough();
        watch.write(
          `${JSON.stringify({ type: 'ADDED', object: { ...pod('web-2'), metadata: { ...(pod('web-2').metadata as object), resourceVersion: '6' } } })}\n`,
        );
        init.signal?.addEventListener('abort', () => watch.destroy());
        return Promise.resolve(watch);
      }
      logs++;
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error), { once: true }),
      );
    },
  } as unknown as Cluster;
  return { cluster, logRequests: () => logs };
}

describe('a followed log stopped before the kubelet answered', () => {
  it('ends quietly, for the replicas listed first and for one that joined while following', async () => {
    const { cluster, logRequests } = silentKubelet();
    const stop = new AbortController();
    const rejections: unknown[] = [];
    const seen = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', seen);
    try {
      const following = streamClusterLogs(
        cluster,
        { name: 'web', namespace: 'default', follow: true },
        () => undefined,
        stop.signal,
      );
      // Both replicas asked for their log: the one listed, and the one the watch added.
      for (let i = 0; i < 100 && logRequests() < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(logRequests()).toBe(2);
      stop.abort();
      await following;
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', seen);
    }
  });
});
