// The pod.* API calls and the pod.status topic, on top of PodRuntime; errors cross the boundary as ApiErrors.
import { ApiError, type ApiErrorCode, type ApiHandlers } from '../../../../shared/api';
import { checkRun, type Plan, type PlanEngine, type PlanOptions } from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { engineLostError, isEngineLost } from '../connection/engine-lost';
import { PodError, type PodErrorCode } from './pod-errors';
import { podMessages } from './pod-messages';
import { choosePod, designCompanions } from '../../../../shared/manifest/pod-choice';
import { readDesign, type DesignPod, type DesignRead } from '../../../../shared/manifest/read';
import { PodRuntime } from './pod-runtime';
import { infraImageSetting, newRunId } from './run-settings';

/**
 * The one gate (checkRun), as every entrance applies it: a Pod the API server or this engine would refuse is refused
 * here too, whatever the caller decided before asking.
 */
function gate(read: DesignRead, chosen: DesignPod, info: PlanEngine, options: PlanOptions): Plan {
  const check = checkRun(chosen.pod, info, { companions: designCompanions(read), planOptions: options });
  if (check.blockers.length > 0) {
    const name = chosen.pod.metadata?.name ?? '';
    const problems = check.blockers;
    throw new PodError('PLAN_INVALID', podMessages.PLAN_INVALID({ name, problems: problems.map((p) => p.message).join(' ') }), {
      problems,
    });
  }
  return check.plan!;
}

const apiCodes: Partial<Record<PodErrorCode, ApiErrorCode>> = {
  PLAN_INVALID: 'BAD_REQUEST',
  POD_EXISTS: 'CONFLICT',
  NAME_CONFLICT: 'CONFLICT',
  PORT_TAKEN: 'CONFLICT',
  IMAGE_MISSING: 'NOT_FOUND',
  HOSTPATH_INVALID: 'BAD_REQUEST',
  RUN_CANCELLED: 'CANCELLED',
  ENGINE_LOST: 'ENGINE_UNREACHABLE',
};

/**
 * A PodError as an ApiError: the API code for the UI's branch, the pod error's own code and context in details. A call
 * that lost the engine (`engine` given) says so in words instead of crossing as INTERNAL.
 */
export function toApiError(err: unknown, engine?: Engine): unknown {
  if (engine && !(err instanceof PodError) && isEngineLost(err)) return engineLostError(engine.docker, err);
  if (!(err instanceof PodError)) return err;
  return new ApiError(apiCodes[err.code] ?? 'INTERNAL', err.message, { pod: { code: err.code, ...err.details } });
}

type PodCalls = Pick<ApiHandlers['calls'], 'pod.run' | 'pod.cancel' | 'pod.stop' | 'pod.down' | 'pod.list'>;
type PodTopics = Pick<ApiHandlers['topics'], 'pod.status'>;

export function podHandlers(engine: Engine, runtime = new PodRuntime(engine)): { calls: PodCalls; topics: PodTopics } {
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw toApiError(err, engine);
    }
  };
  return {
    calls: {
      'pod.run': (input) =>
        guard(async () => {
          // The renderer's objects go through the one reader, like a file would (as JSON, which is YAML).
          const read = readDesign(input.documents.map((d) => JSON.stringify(d)).join('\n---\n'), {
            name: 'the design',
            format: 'kubernetes',
          });
          let loaded: DesignPod;
          try {
            loaded = choosePod(read);
          } catch (err) {
            throw new ApiError('BAD_REQUEST', (err as Error).message);
          }
          const pod = loaded.pod.metadata ?? {};
          const ref = { name: pod.name ?? '', namespace: pod.namespace || undefined };
          // Tracked from here, so a cancel that arrives while the engine is asked is not lost.
          return runtime.runs.track(ref, undefined, async (signal) => {
            const info = await engine.info();
            if (!info.reachable) throw new ApiError('ENGINE_UNREACHABLE', `${info.reason} ${info.hint}`);
            const options: PlanOptions = { runId: newRunId() };
            const infraImage = infraImageSetting(input.infraImage);
            if (infraImage) options.infraImage = infraImage;
            if (input.design) options.design = input.design;
            return runtime.run(gate(read, loaded, info, options), { signal });
          });
        }),
      'pod.cancel': (input) => guard(async () => ({ outcome: await runtime.cancel(input) })),
      'pod.stop': (input) =>
        guard(async () => (await runtime.stop(input, { graceSeconds: input.graceSeconds })) ?? null),
      'pod.down': (input) => guard(() => runtime.down(input, { graceSeconds: input.graceSeconds })),
      'pod.list': () => guard(() => runtime.list()),
    },
    topics: {
      'pod.status': (params, emit, signal) => runtime.watch(params, emit, signal),
    },
  };
}
