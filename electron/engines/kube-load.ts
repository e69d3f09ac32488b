// The Kubernetes engine, loaded on first use: @kubernetes/client-node is large, and a back end that only ever talks
// to a container engine should not pay for it at start. The handlers of the API dispatch through here.
import type { CallHandlers, TopicHandlers } from '../../shared/api';
import { clusterCalls } from '../../shared/api/contract';
import type * as Kube from './kube';
import type { ClusterHolder } from './kube';

type KubeModule = typeof Kube;
type PodHandlers = ReturnType<KubeModule['clusterPodHandlers']>;
type ClusterCallName = keyof typeof clusterCalls;

let module: Promise<KubeModule> | undefined;

export function loadKube(): Promise<KubeModule> {
  return (module ??= import('./kube'));
}

/** The cluster's pod.* handlers for `holder`, made once on first use (one exec session registry). */
export function lazyClusterPods(holder: ClusterHolder): () => Promise<PodHandlers> {
  let handlers: Promise<PodHandlers> | undefined;
  return () => (handlers ??= loadKube().then((kube) => kube.clusterPodHandlers(holder)));
}

/** The kube.* calls, each loading the engine on its first call. */
export function lazyClusterCalls(holder: ClusterHolder): Pick<CallHandlers, ClusterCallName> {
  let calls: Promise<ReturnType<KubeModule['clusterCallHandlers']>> | undefined;
  const get = (): Promise<ReturnType<KubeModule['clusterCallHandlers']>> => (calls ??= loadKube().then((kube) => kube.clusterCallHandlers(holder)));
  const out: Record<string, (input: never) => Promise<unknown>> = {};
  for (const name of Object.keys(clusterCalls) as ClusterCallName[]) out[name] = async (input: never) => ((await get())[name] as (i: never) => Promise<unknown>)(input);
  return out as unknown as Pick<CallHandlers, ClusterCallName>;
}

export type ClusterTopics = Pick<TopicHandlers, 'pod.status' | 'pod.logs' | 'pod.exec.session'>;
