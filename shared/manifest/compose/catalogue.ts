// The Compose reader's words: every note (`compose.notes.<code>`) and problem (`rules.<CODE>`) in English, with
// {{placeholders}}. assets/locales/compose-reader/{en,zh-CN}.json carry the same keys for the UI (a test keeps en.json equal
// to this file, and the i18n test keeps zh-CN complete).
import type { Category, Severity } from '../../rules/types';

export const NOTE_TEXT = {
  variablesUnset: 'Variables not set, replaced with an empty string (as Compose does): {{names}}.',
  versionObsolete: 'The top-level "version: {{version}}" is obsolete; Compose ignores it, and so does the import.',
  includeIgnored: '"include:" was not read: import the included files on their own.',
  profileDisabled: 'Left out because none of their profiles is chosen: {{services}}.',
  fieldIgnored: '"{{field}}" has no Pod equivalent; left out: {{services}}.',
  modelsIgnored: 'The top-level "models" has no Pod equivalent; left out.',
  mountOptionsIgnored: '{{service}}: mount options of {{target}} have no Pod equivalent: {{options}}.',
  mountTypeUnsupported: '{{service}}: the {{type}} mount at {{target}} has no Pod equivalent; left out.',
  shmSize: '{{service}}: shm_size {{size}} became a memory-backed emptyDir at /dev/shm (the Kubernetes way).',
  volumeExternal: 'External volume "{{volume}}" became persistentVolumeClaim "{{claim}}", which must already exist.',
  volumeClaim:
    'Volume "{{volume}}" became persistentVolumeClaim "{{claim}}" (1Gi, ReadWriteOnce, added to the design; check the size).',
  volumeEmptyDir:
    'Volume "{{volume}}" became an emptyDir: its data lives as long as the Pod, not across runs as a Compose volume does (import with volumes "pvc" to keep it).',
  volumeDriver: 'Volume "{{volume}}" uses driver "{{driver}}"; an emptyDir has no driver.',
  bindUnresolved:
    '{{service}}: bind mount "{{source}}" could not be made absolute (the Compose file\'s folder or HOME is unknown); the hostPath keeps it as written.',
  bindRelative: 'Bind mounts became hostPath volumes; relative paths were resolved against {{directory}}.',
  fileOwner: '{{service}}: uid/gid of {{target}} have no equivalent in a ConfigMap or Secret volume; left out.',
  fileExternal:
    '{{kind}} "{{name}}" (from external "{{source}}") is not in the file; it must exist where the Pod runs.',
  fileContentMissing: '{{kind}} "{{source}}": its content ({{file}}) was not available, so the {{kind}} is empty.',
  emptyCommand: '{{service}}: an empty {{field}} means "none" in Compose but "the image\'s" in Kubernetes; left out.',
  shellOperator:
    '{{service}}: Compose stops reading the {{field}} string at an unquoted shell operator and drops "{{text}}"; so does the import. Use a list with "sh", "-c" to run it.',
  buildIgnored: '{{service}}: "build:" is left out; Podwright runs the image {{image}} (build it first).',
  envConfigMap: '{{service}}: {{count}} environment variables went into ConfigMap "{{name}}" (read with envFrom).',
  portHostRange: '{{service}}: host port range {{range}} has no Pod equivalent; hostPort {{port}} was taken.',
  portRandomHost:
    '{{service}}: ports {{ports}} are published on a random host port by Compose; in the Pod they are only declared.',
  healthcheckDisabled: "{{service}}: the image's healthcheck is switched off; a Pod runs no image healthcheck anyway.",
  healthcheckProbe:
    "{{services}}: the healthcheck became a readinessProbe (and a startupProbe for its start_period): Docker only marks a container unhealthy, Kubernetes also stops sending it a Service's traffic.",
  userName: '{{service}}: user "{{user}}" is a name; Kubernetes needs numbers (runAsUser), so the image\'s user stays.',
  serviceRenamed: 'Service "{{service}}" became container "{{name}}" (container names are lower-case DNS labels).',
  restartUnknown: '{{service}}: restart "{{value}}" is not one Compose knows; taken as "no".',
  restartRetries:
    '{{service}}: on-failure retries ({{retries}}) have no Pod equivalent; Kubernetes retries with back-off.',
  restartMerged:
    'Pod "{{pod}}" restarts {{policy}}: Kubernetes has one restart policy per Pod, so the strictest was kept; Compose restarted {{services}} differently.',
  hostNetworkMixed:
    'Pod "{{pod}}" uses the host network because {{services}} did: every container of the Pod does now.',
  pidShared: 'Pod "{{pod}}" shares one PID namespace (shareProcessNamespace) because {{services}} shared theirs.',
  pidSharedOthers:
    'Pod "{{pod}}" shares one PID namespace (shareProcessNamespace) because {{services}} shared theirs; Kubernetes shares it with every container of the Pod, so {{others}} see their processes too.',
  networkNone: '{{service}}: network_mode "none" has no Pod equivalent; it gets the Pod\'s network.',
  networkBridge:
    '{{service}}: network_mode "bridge" (Docker\'s default bridge) has no Pod equivalent; it gets the Pod\'s network.',
  namespaceContainer:
    '{{service}}: {{field}} joins container "{{container}}", which is not a service of this file; a Pod cannot join it.',
  networkCustom: '{{service}}: network_mode "{{mode}}" has no Pod equivalent; it gets the Pod\'s network.',
  ipcDefault: '{{service}}: ipc "{{value}}" is left out: every container of a Pod shares the Pod\'s IPC namespace.',
  hostnameMerged: 'Pod "{{pod}}" has hostname "{{hostname}}"; a Pod has one hostname, so {{others}} was left out.',
  hostnameDots:
    'Pod "{{pod}}": hostname "{{hostname}}" became "{{label}}": a Pod\'s hostname is one DNS label (its domain would need a subdomain and a headless Service).',
  localNames:
    'Pod "{{pod}}": {{names}} resolve to 127.0.0.1 (hostAliases), so services of one Pod still reach each other by name.',
  hostGateway:
    'Pod "{{pod}}": extra_hosts {{names}} point at "host-gateway", which Kubernetes does not know; left out.',
  podWide: 'Pod "{{pod}}": {{field}} apply to the whole Pod in Kubernetes, not to one container.',
  dnsConfig: 'Pod "{{pod}}": dns, dns_search and dns_opt became dnsConfig, added to the cluster\'s own DNS settings.',
  sysctlConflict: 'Pod "{{pod}}": sysctl {{sysctl}} was set differently ({{values}}); the last one was kept.',
  podTogetherNetwork:
    'Pod "{{pod}}" holds {{from}} and {{to}}: {{from}} joins the network namespace of {{to}} ({{mode}}).',
  podTogetherIpc: 'Pod "{{pod}}" holds {{from}} and {{to}}: {{from}} joins the IPC namespace of {{to}} ({{mode}}).',
  podTogetherPid: 'Pod "{{pod}}" holds {{from}} and {{to}}: {{from}} sees the processes of {{to}} ({{mode}}).',
  podTogetherVolume:
    'Pod "{{pod}}" holds {{from}} and {{to}}: both write volume "{{volume}}", and an emptyDir is shared only inside one Pod.',
  volumeSplit:
    '{{service}} and {{target}} both write volume "{{volume}}" but are in different Pods ({{pods}}); each Pod gets its own copy.',
  tieBrokenNetwork:
    '{{service}} joined the network namespace of {{target}} in Compose ({{mode}}), but they are in different Pods ({{pods}}); that sharing is gone.',
  tieBrokenIpc:
    '{{service}} joined the IPC namespace of {{target}} in Compose ({{mode}}), but they are in different Pods ({{pods}}); that sharing is gone.',
  tieBrokenPid:
    '{{service}} saw the processes of {{target}} in Compose ({{mode}}), but they are in different Pods ({{pods}}); that sharing is gone.',
  initContainer:
    '{{service}} runs to completion before others start (service_completed_successfully): it became an init container of {{pods}}.',
  initRunsPerPod:
    '{{service}} runs once in Compose, but as an init container it runs in each of the {{count}} Pods that wait for it: it must be safe to run again.',
  dependsStarted:
    '{{services}} waited for {{target}} to start; Kubernetes starts containers and Pods without waiting, so they must retry until {{target}} answers.',
  dependsHealthy:
    "{{services}} waited for {{target}} to be healthy; {{target}}'s healthcheck became its readinessProbe, but Kubernetes does not hold them back: they must retry.",
  dependsHealthyNoCheck:
    '{{services}} waited for {{target}} to be healthy, but {{target}} has no healthcheck in the file; nothing waits now.',
  volumeNotShared:
    'Volume "{{volume}}" is used in several Pods ({{pods}}); as an emptyDir each Pod has its own, so they do not see each other\'s files.',
  serviceNameInvalid: 'No Service for "{{service}}": a Service name must start with a letter.',
  serviceObjectRenamed: 'The Service for "{{service}}" is named "{{name}}".',
  serviceImagePort: '{{service}} declares no ports; its Service uses {{ports}}, where the {{image}} image listens.',
  serviceNoPorts:
    'No Service for {{services}}: they declare no ports (ports or expose), and a Service needs them; other Pods cannot reach them by name.',
  networksFlat:
    'Networks {{networks}}: in Kubernetes every Pod can reach every other, so the separation between Compose networks is gone.',
  networkIgnored: 'Network "{{network}}": {{fields}} have no Pod equivalent; left out.',
  networkAliases:
    '{{service}}: network aliases {{aliases}} were not kept (a Service needs ports and a name starting with a letter, not taken by a service).',
  networkAliasServices:
    '{{service}}: network aliases {{aliases}} became Services of those names, so they still resolve.',
  infraService:
    'Service "{{service}}" is the infra (pause) container of a Podwright Pod; it is the Pod itself, not a container of it.',
  containerPodwright: 'Containers of Podwright Pod "{{pod}}" became the design they were run from.',
} as const;

export type NoteCode = keyof typeof NOTE_TEXT;

interface ProblemEntry {
  severity: Severity;
  category: Category;
  title: string;
  explanation: string;
  messages: Readonly<Record<string, string>>;
}

export const PROBLEM_TEXT = {
  COMPOSE_YAML: {
    severity: 'error',
    category: 'runtime',
    title: 'Compose file syntax',
    explanation: 'The file is not YAML that can be read safely, so nothing in it can become a Pod.',
    messages: { yaml: '{{problem}}' },
  },
  COMPOSE_INVALID: {
    severity: 'error',
    category: 'runtime',
    title: 'Compose file',
    explanation:
      'docker compose refuses a file that does not follow the Compose Specification; the import reads what it can and names the rest.',
    messages: {
      empty: 'the file is empty',
      notMapping: 'the top level must be a mapping',
      topKey: 'additional property "{{key}}" is not allowed at the top level',
      v1Format:
        '"{{key}}" sits at the top level: this is the old Compose v1 format; put the services under "services:"',
      noServices: 'there is no "services:"',
      servicesNotMapping: '"services" must be a mapping',
      serviceName: 'service name "{{service}}" may only hold letters, digits, ".", "_" and "-"',
      serviceNotMapping: 'service "{{service}}" must be a mapping',
      unknownKey: 'service "{{service}}": additional property "{{key}}" is not allowed',
      type: '{{field}} must be {{expected}}',
      shell: '{{field}}: {{problem}}',
      port: 'port "{{value}}": {{problem}}',
      volume: 'volume "{{value}}": {{problem}}',
      depends: 'depends_on: {{problem}}',
      healthcheck: 'healthcheck: {{problem}}',
      hosts: 'extra_hosts: {{problem}}',
      networkModeAndNetworks: 'service "{{service}}" declares both network_mode and networks',
      tooMany: 'the file has {{count}} services; the import reads at most {{limit}}',
    },
  },
  COMPOSE_INTERPOLATION: {
    severity: 'error',
    category: 'runtime',
    title: 'Compose variables',
    explanation:
      'Compose replaces ${VAR} from the environment and the .env file beside the Compose file; "$$" is a literal "$". A required variable (${VAR:?message}) that is missing stops Compose.',
    messages: {
      invalid:
        'invalid interpolation format for {{where}}: "{{template}}"; you may need to escape any $ with another $',
      required: 'required variable {{variable}} is missing a value: {{reason}}',
    },
  },
  COMPOSE_ENV_FILE: {
    severity: 'error',
    category: 'runtime',
    title: 'env_file',
    explanation:
      'An env_file is read relative to the Compose file; a required one (the default) that is missing stops Compose.',
    messages: {
      missing: 'service "{{service}}": env file {{file}} not found',
      parse: '{{file}} line {{line}}: {{problem}}',
    },
  },
  COMPOSE_EXTENDS: {
    severity: 'error',
    category: 'runtime',
    title: 'extends',
    explanation: 'A service extends another one, in the same file or in the file named by extends.file.',
    messages: {
      cycle: 'service "{{service}}": extends goes round in a circle',
      noService: 'service "{{service}}": extends needs a service',
      fileMissing: 'service "{{service}}": extends file {{file}} was not available',
      fileUnreadable: 'service "{{service}}": extends file {{file}} has no readable services',
      notFound: 'service "{{service}}": cannot extend "{{base}}", which {{file}} does not define',
    },
  },
  COMPOSE_REFERENCE: {
    severity: 'error',
    category: 'runtime',
    title: 'Compose references',
    explanation:
      'A service names something the file does not define (another service, a volume, a network, a config or a secret); docker compose refuses it.',
    messages: {
      depends: 'service "{{service}}" depends on undefined service "{{target}}"',
      dependsDisabled: 'service "{{service}}" depends on service "{{target}}", which no chosen profile enables',
      namespace: 'service "{{service}}": {{field}} names service "{{target}}", which does not exist',
      network: 'service "{{service}}" refers to undefined network {{target}}',
      volume: 'service "{{service}}" refers to undefined volume {{target}}',
      config: 'service "{{service}}" refers to undefined config {{target}}',
      secret: 'service "{{service}}" refers to undefined secret {{target}}',
      cycle: 'dependency cycle: {{services}}',
    },
  },
  COMPOSE_NO_IMAGE: {
    severity: 'error',
    category: 'runtime',
    title: 'No image',
    explanation: 'A service needs an image (or a build from which Compose makes one).',
    messages: { noImage: 'service "{{service}}" has neither an image nor a build context' },
  },
  COMPOSE_BUILD_ONLY: {
    severity: 'warning',
    category: 'runtime',
    title: 'Build first',
    explanation:
      'Podwright runs images; it does not build them. A service with only "build:" runs the image Compose would build for it, so build it first (docker compose build), or give the service an image.',
    messages: {
      buildOnly:
        'service "{{service}}" is only built (build: without image:): build the image first; Podwright runs {{image}}, the name Compose gives it',
    },
  },
} as const satisfies Record<string, ProblemEntry>;

export type ProblemCode = keyof typeof PROBLEM_TEXT;
