// The images a Pod needs, as its pull policies say: found on the engine, or pulled with per-layer progress, and the
// registry's failure in plain words; also the runAsNonRoot check that needs the image's user.
import type Docker from 'dockerode';
import type { ContainerPlan, Plan } from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { isEngineLost } from '../connection/engine-lost';
import { explainEngineError, PodError } from './pod-errors';
import { podMessages, pullReasons, type Phrase } from './pod-messages';
import type { RunProgress } from './pod-status';
import { abortable, isNotFound, settleAll } from './settle';

/** Makes every image of the plan present (pulling as its policy says) and checks runAsNonRoot against its user. */
export async function ensureImages(
  engine: Engine,
  plan: Plan,
  progress: (p: RunProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const containersByImage = new Map<string, ContainerPlan[]>();
  for (const c of [plan.infra, ...plan.init, ...plan.apps]) {
    containersByImage.set(c.body.Image, [...(containersByImage.get(c.body.Image) ?? []), c]);
  }
  await settleAll(
    plan.images.map(async (image) => {
      const first = containersByImage.get(image.image)?.[0]?.container;
      let info: Docker.ImageInspectInfo | undefined;
      if (image.pullPolicy !== 'Always') {
        info = await engine.docker
          .getImage(image.image)
          .inspect()
          .catch((err: unknown) =>
            isNotFound(err) ? undefined : Promise.reject(explainEngineError(err, 'inspect the image of', first)),
          );
      }
      if (!info) {
        if (image.pullPolicy === 'Never') {
          throw new PodError(
            'IMAGE_MISSING',
            podMessages.IMAGE_NEVER_PULL({ image: image.image, container: String(first) }),
            { container: first },
          );
        }
        await pull(engine, image.image, first, progress, signal);
        info = await engine.docker.getImage(image.image).inspect();
      }
      for (const c of containersByImage.get(image.image) ?? []) {
        if (!c.requireNonRoot) continue;
        const user = (info.Config?.User ?? '').split(':')[0] ?? '';
        if (user === '' || user === '0' || user === 'root') {
          throw new PodError(
            'IMAGE_RUNS_AS_ROOT',
            podMessages.IMAGE_RUNS_AS_ROOT({ container: c.container, image: image.image, user: user || 'root' }),
            { container: c.container },
          );
        }
        if (!/^\d+$/.test(user)) {
          throw new PodError('IMAGE_RUNS_AS_ROOT', podMessages.IMAGE_USER_NAME({ container: c.container, user }), {
            container: c.container,
          });
        }
      }
    }),
  );
}

async function pull(
  engine: Engine,
  image: string,
  container: string | undefined,
  progress: (p: RunProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  progress({ stage: 'pull', container, message: `Pulling ${image}` });
  const request = engine.streams.pull(image) as Promise<NodeJS.ReadableStream & { destroy?: () => void }>;
  // A cancel closes the pull's connection, and the engine abandons the download (unless another client pulls it too).
  const onAbort = (): void =>
    void request.then(
      (stream) => stream.destroy?.(),
      () => undefined,
    );
  signal?.addEventListener('abort', onAbort, { once: true });
  // The run's own catch turns any failure after a cancel into RUN_CANCELLED.
  const stopped = (): Error => new Error('the pull was cancelled');
  try {
    const stream = await abortable(request, signal, stopped);
    // docker-modem reports a stream that closed before its end as a finished pull: that is the engine gone.
    let ended = false;
    stream.once('end', () => (ended = true));
    const done = new Promise<void>((resolve, reject) => {
      engine.streams.modem.followProgress(
        stream,
        (err: Error | null, output: { error?: string }[]) => {
          const failed = output?.find((o) => o.error);
          if (err || failed) reject(err ?? new Error(failed?.error));
          else if (!ended) reject(Object.assign(new Error('the pull was cut off'), { code: 'ECONNRESET' }));
          else resolve();
        },
        (event: { id?: string; status?: string; progressDetail?: { current?: number; total?: number } }) => {
          // "Pulling from <repository>" carries the tag as its id: it is about the image, not a layer.
          if (!event.id || event.status?.startsWith('Pulling from ')) return;
          progress({
            stage: 'pull',
            container,
            message: `${image}: ${event.id} ${event.status ?? ''}`.trim(),
            layer: {
              id: event.id,
              status: event.status ?? '',
              current: event.progressDetail?.current,
              total: event.progressDetail?.total,
            },
          });
        },
      );
    });
    // A destroyed stream may never report its end: the cancel does not wait for it.
    await abortable(done, signal, stopped);
  } catch (err) {
    if (signal?.aborted || isEngineLost(err)) throw err;
    const cause = (
      (err as { json?: { message?: string } }).json?.message ??
      (err as Error).message ??
      String(err)
    ).trim();
    const reason = pullFailureReason(cause, registryOf(image));
    throw new PodError(
      'IMAGE_PULL_FAILED',
      podMessages.IMAGE_PULL_FAILED({ image, container: String(container), reason }),
      { container, cause },
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The registry an image reference names (its first component when that looks like a host), else Docker Hub. */
export function registryOf(image: string): string {
  const first = image.split('/')[0]!;
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'docker.io';
}

/** The engine's pull error in plain words (it comes as "(HTTP code 500) server error - Get \"http://...\": dial tcp ..."). */
export function pullFailure(cause: string, registry: string): string {
  const reason = pullFailureReason(cause, registry);
  return typeof reason === 'string' ? reason : reason.text;
}

/** pullFailure's reason as a catalogue phrase; the registry's own words otherwise. */
function pullFailureReason(cause: string, registry: string): Phrase | string {
  if (/manifest unknown|manifest for .* not found|not found: manifest/i.test(cause))
    return pullReasons.noManifest(registry);
  if (/pull access denied|unauthorized|authentication required|requested access to the resource is denied/i.test(cause))
    return pullReasons.denied(registry);
  const corrupt = /verification failed for digest (sha256:[0-9a-f]{12})/i.exec(cause);
  if (corrupt) return pullReasons.corrupt(registry, corrupt[1]!);
  if (/server gave HTTP response to HTTPS client/i.test(cause)) return pullReasons.plainHttp(registry);
  if (
    /connection refused|no such host|dial tcp|i\/o timeout|context deadline exceeded|network is unreachable|TLS handshake timeout|no route to host/i.test(
      cause,
    )
  )
    return pullReasons.unreachable(registry);
  return cause.replace(/^\(HTTP code \d+\) [a-z ]+ - /, '');
}
