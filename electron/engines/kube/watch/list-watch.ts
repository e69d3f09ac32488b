// List, then watch from the list's resourceVersion, the way client-go's reflector does: events move the
// resourceVersion on (bookmarks too), a dropped connection is watched again from where it stopped, and `410 Gone`
// (the server's history no longer reaches back that far) means listing again. Never a polling loop.
import type { Cluster } from '../connection/cluster';
import { ClusterError } from '../connection/errors';

type Json = Record<string, unknown>;

export interface ListWatchOptions {
  /** The collection: /api/v1/namespaces/ns/pods. */
  path: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Called after each (re)list with every object: what the watcher knows is replaced by this. */
  onList: (items: Json[]) => void;
  onEvent: (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: Json) => void;
  /** A failure the loop will retry after a pause (the UI may say the cluster is unreachable meanwhile). */
  onError?: (err: unknown) => void;
  signal: AbortSignal;
  /** Seconds a watch request may last before the server ends it (the loop then watches again). */
  timeoutSeconds?: number;
}

export interface WatchCounters {
  lists: number;
  watches: number;
  bookmarks: number;
  expired: number;
  errors: number;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

/** Runs until `signal` aborts; `counters` says what it did (for tests and diagnostics). */
export async function listWatch(cluster: Cluster, options: ListWatchOptions, counters: WatchCounters = { lists: 0, watches: 0, bookmarks: 0, expired: 0, errors: 0 }): Promise<WatchCounters> {
  const { signal } = options;
  let resourceVersion: string | undefined;
  let pause = 250;
  while (!signal.aborted) {
    try {
      if (resourceVersion === undefined) {
        const list = await cluster.request<{ metadata?: { resourceVersion?: string }; items?: Json[] }>('GET', options.path, {
          query: { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
          signal,
        });
        counters.lists++;
        resourceVersion = list.metadata?.resourceVersion ?? '0';
        options.onList(list.items ?? []);
      }
      counters.watches++;
      const stream = await cluster.stream(options.path, {
        query: {
          watch: 'true',
          resourceVersion,
          allowWatchBookmarks: 'true',
          labelSelector: options.labelSelector,
          fieldSelector: options.fieldSelector,
          timeoutSeconds: options.timeoutSeconds ?? 300 + Math.floor(Math.random() * 300),
        },
        signal,
      });
      pause = 250;
      let buffered = '';
      let expired = false;
      for await (const chunk of stream) {
        buffered += (chunk as Buffer).toString('utf8');
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl).trim();
          buffered = buffered.slice(nl + 1);
          if (!line) continue;
          let event: { type?: string; object?: Json };
          try {
            event = JSON.parse(line) as { type?: string; object?: Json };
          } catch {
            continue;
          }
          const object = event.object ?? {};
          const rv = (object.metadata as Json | undefined)?.resourceVersion;
          if (event.type === 'ERROR') {
            if ((object as { code?: number }).code === 410) {
              expired = true;
              counters.expired++;
              break;
            }
            throw new ClusterError('SERVER', String((object as { message?: string }).message ?? 'watch error'), cluster.where);
          }
          if (typeof rv === 'string') resourceVersion = rv;
          if (event.type === 'BOOKMARK') counters.bookmarks++;
          else if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED') options.onEvent(event.type, object);
        }
        if (expired) break;
      }
      stream.destroy();
      if (expired) resourceVersion = undefined;
    } catch (err) {
      if (signal.aborted) break;
      if (err instanceof ClusterError && err.code === 'GONE') {
        counters.expired++;
        resourceVersion = undefined;
        continue;
      }
      counters.errors++;
      options.onError?.(err);
      await sleep(pause, signal);
      pause = Math.min(pause * 2, 5000);
    }
  }
  return counters;
}
