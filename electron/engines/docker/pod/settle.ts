// Small promise and filter helpers for the engine calls the Pod runtime makes, often several at once.

/** Runs every promise to the end (so rollback sees everything created), then throws the first failure. */
export async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** `promise`, or a rejection with `reason()` as soon as `signal` aborts; the abandoned promise's failure is ignored. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, reason: () => Error): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Labels as the engine's `label` filter wants them: `key=value`. */
export function labelFilters(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

export function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number })?.statusCode === 404;
}

/** The object is gone, or going: not found, or a removal (another `podwright down`, say) is already under way. */
export function isGone(err: unknown): boolean {
  return isNotFound(err) || /removal of container .* is already in progress/i.test(String((err as Error)?.message));
}
