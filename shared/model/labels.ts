// The labels Podwright puts on every Docker object it creates, so a restarted app can find, reattach to,
// or clean up what it left behind (DESIGN.md §4).
export const LABEL_PREFIX = 'dev.podwright.';

export const Labels = {
  /** Marks an object as Podwright's: always "true". */
  managed: `${LABEL_PREFIX}managed`,
  /** The Pod's metadata.name. */
  pod: `${LABEL_PREFIX}pod`,
  /** The Pod's metadata.namespace (default "default"). */
  namespace: `${LABEL_PREFIX}namespace`,
  /** The design (project file) the Pod came from, so two designs with a Pod of the same name stay apart. */
  design: `${LABEL_PREFIX}design`,
  /** infra | init | app | sidecar | volume | network */
  role: `${LABEL_PREFIX}role`,
  /** The container's name in the Pod spec. */
  container: `${LABEL_PREFIX}container`,
  /** The container's index in initContainers[] or containers[]. */
  index: `${LABEL_PREFIX}index`,
  /** The Pod volume's name, on named volumes made for emptyDir / configMap / secret. */
  volume: `${LABEL_PREFIX}volume`,
  /** "true" on a volume that outlives the Pod (a persistentVolumeClaim's); down keeps it. */
  persistent: `${LABEL_PREFIX}persistent`,
  /** Seconds of grace on stop (terminationGracePeriodSeconds), so `down` can stop the way the Pod asked without an inspect. */
  grace: `${LABEL_PREFIX}grace`,
  /**
   * On the infra: the Pod's init and app containers, JSON [[role, name, image], ...] in spec order (set by the engine
   * back end), so the Pod's status shows one that was removed behind Podwright's back instead of losing it.
   */
  containers: `${LABEL_PREFIX}containers`,
  /** On the infra: the Pod's restartPolicy, which the Pod phase depends on. */
  restartPolicy: `${LABEL_PREFIX}restart-policy`,
  /** On the infra: the Pod it was run from (JSON), so "New design from running containers" gives that design back. */
  spec: `${LABEL_PREFIX}spec`,
  /**
   * The run that created the object, "<host>/<pid>/<random>" (set by the engine back end, not the plan): a rollback
   * finds by it what a lost answer hid.
   */
  run: `${LABEL_PREFIX}run`,
} as const;

export type Role = 'infra' | 'init' | 'app' | 'sidecar' | 'volume' | 'network';
