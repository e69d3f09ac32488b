// The Pod runtime's error sentences, each once: the English the API, CLI and logs read, built together with its
// runerrors catalogue key and values (assets/locales/runerrors), so the UI can show it in the user's language.
import type { PodMessage, PodMessageParams, PodPhrase } from './pod-errors';

/** A phrase inside a sentence (who, which action, why): its English and its catalogue entry. */
export interface Phrase extends PodPhrase {
  text: string;
}

type Value = string | number | Phrase;

function phrase(id: string, text: string, params?: Record<string, string | number>): Phrase {
  return params ? { id: `runerrors.${id}`, params, text } : { id: `runerrors.${id}`, text };
}

/** A sentence from its English and its values; phrases go on the wire as their catalogue entry only. */
function message(id: string, params: Record<string, Value>, text: string): PodMessage {
  const wire: PodMessageParams = {};
  for (const [name, value] of Object.entries(params))
    wire[name] =
      typeof value === 'object' ? (value.params ? { id: value.id, params: value.params } : { id: value.id }) : value;
  return { text, id: `runerrors.pod.${id}`, params: wire };
}

const textOf = (value: Value): string => (typeof value === 'object' ? value.text : String(value));

/** Who an error is about: "POD" is the infra container, no container the whole Pod. */
export function who(container: string | undefined): Phrase {
  if (container === 'POD') return phrase('who.infra', "the Pod's infra container");
  if (container) return phrase('who.container', `container "${container}"`, { name: container });
  return phrase('who.pod', 'the Pod');
}

/** The runtime's actions (explainEngineError's `action`) by catalogue id. */
export const actionIds = {
  create: 'create',
  start: 'start',
  run: 'run',
  'create the network for': 'createNetwork',
  'inspect the network of': 'inspectNetwork',
  'inspect the image of': 'inspectImage',
  'prepare the volumes of': 'prepareVolumes',
  'fill the volumes of': 'fillVolumes',
} as const;

/** An action as a phrase; one the catalogue does not know stays plain English. */
export function action(text: string): Phrase | string {
  const id = (actionIds as Record<string, string>)[text];
  return id ? phrase(`action.${id}`, text) : text;
}

export const phrases = {
  outOfMemory: () => phrase('phrase.outOfMemory', ' (out of memory)'),
  podFailed: () => phrase('phrase.podFailed', 'the Pod is Failed'),
  podStopped: () => phrase('phrase.podStopped', 'Kubernetes would retry it; Podwright stops the Pod'),
};

/** The command that removes a Pod, as the user types it: a Pod outside "default" needs its namespace to be found. */
export function downCommand(name: string, namespace = 'default'): string {
  return `podwright down ${name}${namespace === 'default' ? '' : ` -n ${namespace}`}`;
}

/** What a run was doing when something happened to it (the engine went away): the step of its last progress. */
export const doing = {
  check: () => phrase('doing.check', 'checking images, network and host paths'),
  network: () => phrase('doing.network', 'creating the network'),
  pull: (container: string | undefined) =>
    container && container !== 'POD'
      ? phrase('doing.pull', `pulling the image of container "${container}"`, { container })
      : phrase('doing.pullInfra', "pulling the infra container's image"),
  volume: () => phrase('doing.volume', 'creating the volumes'),
  create: (container: string | undefined) =>
    container && container !== 'POD'
      ? phrase('doing.create', `creating container "${container}"`, { container })
      : phrase('doing.createInfra', 'creating the infra container'),
  start: (container: string | undefined) =>
    container && container !== 'POD'
      ? phrase('doing.start', `starting container "${container}"`, { container })
      : phrase('doing.startInfra', 'starting the infra container'),
  init: (container: string) => phrase('doing.init', `waiting for init container "${container}"`, { container }),
  startApps: () => phrase('doing.startApps', 'starting the app containers'),
  rollback: () => phrase('doing.rollback', 'removing what the run had created'),
};

/** Why a pull failed, by what the registry said. */
export const pullReasons = {
  noManifest: (registry: string) =>
    phrase(
      'pull.noManifest',
      `the registry ${registry} has no image by that name and tag. Check the image name and tag.`,
      { registry },
    ),
  denied: (registry: string) =>
    phrase(
      'pull.denied',
      `the registry ${registry} refused it: the image does not exist, or the registry wants a login ("docker login ${registry}").`,
      { registry },
    ),
  corrupt: (registry: string, digest: string) =>
    phrase(
      'pull.corrupt',
      `a layer from ${registry} did not match its digest (${digest}…): the download was damaged. Try again; if it keeps failing, the image in the registry is broken.`,
      { registry, digest },
    ),
  plainHttp: (registry: string) =>
    phrase(
      'pull.plainHttp',
      `the registry ${registry} speaks plain HTTP only; add it to the engine's "insecure-registries" to pull from it.`,
      { registry },
    ),
  unreachable: (registry: string) =>
    phrase('pull.unreachable', `the registry ${registry} cannot be reached. Check the name, and the network.`, {
      registry,
    }),
};

/** Why a hostPath volume cannot be used, as the kubelet's type checks say it. */
export const hostPathReasons = {
  existsNotDirectory: () =>
    phrase('hostPath.existsNotDirectory', 'exists but is not a directory (type DirectoryOrCreate)'),
  missingDirectory: () =>
    phrase('hostPath.missingDirectory', 'does not exist (type Directory needs an existing directory)'),
  notDirectory: () => phrase('hostPath.notDirectory', 'is not a directory (type Directory)'),
  existsNotFile: () => phrase('hostPath.existsNotFile', 'exists but is not a file (type FileOrCreate)'),
  missingFile: () => phrase('hostPath.missingFile', 'does not exist (type File needs an existing file)'),
  notFile: () => phrase('hostPath.notFile', 'is not a file (type File)'),
  notSocket: () => phrase('hostPath.notSocket', 'is not a UNIX socket (type Socket)'),
  missingSocket: () => phrase('hostPath.missingSocket', 'does not exist (type Socket)'),
  notCharDevice: () => phrase('hostPath.notCharDevice', 'is not a character device (type CharDevice)'),
  notBlockDevice: () => phrase('hostPath.notBlockDevice', 'is not a block device (type BlockDevice)'),
};

/** Every sentence of the Pod runtime's errors, by catalogue id. */
export const podMessages = {
  PLAN_INVALID: (p: { name: string; problems: string }) =>
    message('PLAN_INVALID', p, `Pod "${p.name}" cannot run: ${p.problems}`),
  POD_EXISTS: (p: { name: string; count: number }) =>
    message(
      p.count === 1 ? 'POD_EXISTS_ONE' : 'POD_EXISTS',
      p,
      `Pod "${p.name}" already exists (${p.count} container${p.count === 1 ? '' : 's'}). Run "podwright down ${p.name}" first.`,
    ),
  IMAGE_NEVER_PULL: (p: { image: string; container: string }) =>
    message(
      'IMAGE_NEVER_PULL',
      p,
      `Image ${p.image} of container "${p.container}" is not on this machine and its imagePullPolicy is Never (ErrImageNeverPull). Build or load the image, or allow pulling.`,
    ),
  IMAGE_MISSING: (p: { image?: string; who: Phrase }) =>
    p.image
      ? message(
          'IMAGE_MISSING',
          { image: p.image, who: p.who },
          `Image ${p.image} for ${p.who.text} is not on this machine and cannot be pulled.`,
        )
      : message(
          'IMAGE_MISSING_UNNAMED',
          { who: p.who },
          `Image for ${p.who.text} is not on this machine and cannot be pulled.`,
        ),
  IMAGE_PULL_FAILED: (p: { image: string; container: string; reason: Phrase | string }) =>
    message(
      'IMAGE_PULL_FAILED',
      p,
      `Could not pull image ${p.image} for container "${p.container}": ${textOf(p.reason)}`,
    ),
  IMAGE_RUNS_AS_ROOT: (p: { container: string; image: string; user: string }) =>
    message(
      'IMAGE_RUNS_AS_ROOT',
      p,
      `Container "${p.container}" must not run as root (runAsNonRoot), but image ${p.image} runs as ${p.user}. Set securityContext.runAsUser.`,
    ),
  IMAGE_USER_NAME: (p: { container: string; user: string }) =>
    message(
      'IMAGE_USER_NAME',
      p,
      `Container "${p.container}" has runAsNonRoot and image user "${p.user}" is a name, which cannot be verified as non-root. Set securityContext.runAsUser.`,
    ),
  PORT_TAKEN: (p: { port?: number; who: Phrase }) => {
    const then = `so ${p.who.text} could not publish it. Stop what uses the port, or pick another hostPort.`;
    return p.port
      ? message(
          'PORT_TAKEN',
          { port: p.port, who: p.who },
          `Host port ${p.port} is already in use on this machine, ${then}`,
        )
      : message(
          'PORT_TAKEN_UNKNOWN',
          { who: p.who },
          `A host port of this Pod is already in use on this machine, ${then}`,
        );
  },
  MOUNT_FAILED: (p: { who: Phrase; cause: string }) =>
    message('MOUNT_FAILED', p, `A volume of ${p.who.text} could not be mounted: ${p.cause}`),
  HOSTPATH_INVALID: (p: { volume: string; path: string; why: Phrase }) =>
    message('HOSTPATH_INVALID', p, `hostPath volume "${p.volume}": ${p.path} ${p.why.text}.`),
  INIT_FAILED: (p: { container: string; exitCode: number; oom: Phrase | ''; then: Phrase }) =>
    message(
      'INIT_FAILED',
      p,
      `Init container "${p.container}" exited with code ${p.exitCode}${textOf(p.oom)}; ${p.then.text} and no app container was started.`,
    ),
  NAME_CONFLICT: (p: { who: Phrase }) =>
    message(
      'NAME_CONFLICT',
      p,
      `A container called like ${p.who.text} already exists. Run "podwright down" for this Pod first.`,
    ),
  RUN_CANCELLED: (p: { name: string }) =>
    message('RUN_CANCELLED', p, `Starting Pod "${p.name}" was cancelled; what it had created was removed.`),
  REMOVED_DURING_RUN: (p: { name: string }) =>
    message(
      'REMOVED_DURING_RUN',
      p,
      `Pod "${p.name}" was removed (podwright down) while it was starting; the run stopped there.`,
    ),
  /** The Pod's status: the run that made it was killed mid-way, leaving containers that will never start. */
  POD_INTERRUPTED: (p: { name: string; namespace: string; count: number }) =>
    message(
      p.count === 1 ? 'POD_INTERRUPTED_ONE' : 'POD_INTERRUPTED',
      { name: p.name, count: p.count, down: downCommand(p.name, p.namespace) },
      `The run that started Pod "${p.name}" was interrupted (its process is gone) and left ${p.count} container${p.count === 1 ? '' : 's'} that nothing will start. Remove ${p.count === 1 ? 'it' : 'them'} with "${downCommand(p.name, p.namespace)}".`,
    ),
  /** The engine went away during a run: what it was doing, and what is left on it (or that nothing is). */
  ENGINE_LOST: (p: {
    engine: string;
    doing: Phrase;
    name: string;
    namespace: string;
    left: string[];
    back: boolean;
  }) => {
    const lost = `Lost the connection to the Docker Engine at ${p.engine} while ${p.doing.text}`;
    const values = { engine: p.engine, doing: p.doing, name: p.name };
    if (p.left.length > 0) {
      const left = p.left.join(', ');
      const down = downCommand(p.name, p.namespace);
      return message(
        'ENGINE_LOST_LEFT',
        { ...values, left, down },
        `${lost}; left on the engine: ${left}. Once it is back, remove them with "${down}".`,
      );
    }
    return p.back
      ? message('ENGINE_LOST_CLEANED', values, `${lost}. It came back, and what the run had created was removed.`)
      : message('ENGINE_LOST_NOTHING', values, `${lost}; the run had not created anything yet.`);
  },
  /** The Pod's status: its infra stopped (or went) under its containers, which lost their namespaces. */
  INFRA_STOPPED: (p: { name: string; namespace: string }) =>
    message(
      'INFRA_STOPPED',
      { name: p.name, down: downCommand(p.name, p.namespace) },
      `The Pod's infra container stopped, so its containers lost the network and IPC they share, and nothing restarts it. Remove the Pod with "${downCommand(p.name, p.namespace)}" and run it again.`,
    ),
  INFRA_MISSING: (p: { name: string; namespace: string }) =>
    message(
      'INFRA_MISSING',
      { name: p.name, down: downCommand(p.name, p.namespace) },
      `The Pod's infra container was removed from the engine, so its containers lost the network and IPC they share. Remove the Pod with "${downCommand(p.name, p.namespace)}" and run it again.`,
    ),
  /** The Pod's status: a container it should have was removed behind Podwright's back. */
  CONTAINER_MISSING: (p: { name: string; namespace: string; containers: string[] }) =>
    message(
      'CONTAINER_MISSING',
      { containers: p.containers.join(', '), down: downCommand(p.name, p.namespace) },
      `Removed from the engine, and nothing recreates it: ${p.containers.join(', ')}. Remove the Pod with "${downCommand(p.name, p.namespace)}" and run it again.`,
    ),
  /** A call that lost the engine, before the run says what it was doing. */
  ENGINE_LOST_NOW: (p: { cause: string }) =>
    message('ENGINE_LOST_NOW', p, `Lost the connection to the Docker Engine: ${p.cause}`),
  ENGINE_ERROR: (p: { action: Phrase | string; who: Phrase; cause: string }) =>
    message('ENGINE_ERROR', p, `Could not ${textOf(p.action)} ${p.who.text}: ${p.cause}`),
};
