// Turns a Kubernetes Pod into the Docker Engine API calls that run it the way the kubelet would: an infra container
// that owns the network, IPC (and hostname), then init containers one by one, then the apps joining the infra.
// Pure: the same Pod and engine give the same plan, so it is tested without Docker (reference: pod-on-docker.md).
// The plan does not judge the Pod (the rules do, through checkRun); it reports only what the engine adds.
import { Labels } from '../model/labels';
import { withDefaults } from '../model/defaults';
import type { Pod as ModelPod } from '../model/pod';
import { planContainer } from './containers';
import { createPlanContext, report, type PlanContext } from './context';
import { API_MINIMUM, compareApiVersions } from './engine-api';
import { planInfra } from './infra';
import type { Companions, Pod } from './pod';
import { planSteps } from './steps';
import { planVolumeHelper, planVolumes } from './volumes';
import type { ContainerPlan, Plan, PlanEngine, PlanOptions, PullPolicy } from './types';

export function plan(pod: Pod, engine: PlanEngine, options: PlanOptions = {}, companions: Companions = {}): Plan {
  // Every default the API server would fill in (pull policies, grace period, protocols...) is filled in once, here.
  const defaulted = withDefaults(pod as ModelPod) as unknown as Pod;
  const ctx = createPlanContext(defaulted, pod, engine, options, companions);
  if (compareApiVersions(engine.apiVersion, API_MINIMUM) < 0) {
    report(
      ctx,
      'ENGINE_TOO_OLD',
      `${engine.name} speaks Engine API ${engine.apiVersion}; Podwright needs ${API_MINIMUM} or newer (Docker 20.10+).`,
      undefined,
      { engine: engine.name, apiVersion: engine.apiVersion, minimum: API_MINIMUM },
    );
  }
  const spec = defaulted.spec;
  const restartPolicy = (spec?.restartPolicy ?? 'Always') as Plan['restartPolicy'];
  planVolumes(ctx);
  const infra = planInfra(ctx);
  const init = (spec?.initContainers ?? []).map((c, i) => planContainer(ctx, c, i, 'init', restartPolicy));
  const apps = (spec?.containers ?? []).map((c, i) => planContainer(ctx, c, i, 'app', restartPolicy));
  const volumeHelper = planVolumeHelper(ctx);
  const result: Omit<Plan, 'steps'> = {
    pod: defaulted.metadata?.uid
      ? { name: ctx.name, namespace: ctx.namespace, uid: defaulted.metadata.uid }
      : { name: ctx.name, namespace: ctx.namespace },
    podLabels: ctx.podLabels,
    restartPolicy,
    network: projectNetwork(ctx),
    images: imagesOf([infra, ...init, ...apps]),
    hostPaths: ctx.hostPaths,
    volumes: [...ctx.volumePlans.values()],
    volumeHelper,
    infra,
    init,
    apps,
    problems: ctx.problems,
  };
  return { ...result, steps: planSteps(result) };
}

/** Whether the plan can be executed (no engine problem that refuses it). */
export function isRunnable(p: Plan): boolean {
  return !p.problems.some((x) => x.severity === 'error');
}

/** Each image once, with the strictest pull policy any container asks for it. */
function imagesOf(containers: ContainerPlan[]): Plan['images'] {
  const images = new Map<string, { image: string; pullPolicy: PullPolicy; containers: string[] }>();
  for (const c of containers) {
    if (!c.body.Image) continue;
    const entry = images.get(c.body.Image);
    if (!entry) images.set(c.body.Image, { image: c.body.Image, pullPolicy: c.pullPolicy, containers: [c.container] });
    else {
      entry.containers.push(c.container);
      // The strictest need wins: one container asking Always makes the image pulled.
      if (c.pullPolicy === 'Always' || (c.pullPolicy === 'IfNotPresent' && entry.pullPolicy === 'Never'))
        entry.pullPolicy = c.pullPolicy;
    }
  }
  return [...images.values()];
}

function projectNetwork(ctx: PlanContext): Plan['network'] {
  if (!ctx.networkName) return undefined;
  return {
    name: ctx.networkName,
    body: {
      Name: ctx.networkName,
      Driver: 'bridge',
      CheckDuplicate: true,
      Labels: { [Labels.managed]: 'true', [Labels.role]: 'network' },
    },
  };
}
