// What an export says beside the files it writes (what Compose cannot express, what a made-up Deployment chose), in
// English from one catalogue: the CLI prints the text as it is, and the app finds the code and values again
// (exportNoteOf) to show it in the UI language through `export.notes.<code>` (assets/locales/export).

export const EXPORT_NOTE_TEXT = {
  subPathDropped:
    '{{container}}: the mount of "{{volume}}" at {{mountPath}} uses subPath, which Compose cannot express; left out.',
  memoryEmptyDir:
    'Volume "{{volume}}" is a memory-backed emptyDir; Docker cannot share one tmpfs between containers, so it is a named volume on disk.',
  claimAsVolume:
    'Volume "{{volume}}" claims "{{claim}}"; Compose uses a local named volume of that name instead of a PersistentVolumeClaim.',
  volumeDropped:
    '{{container}}: volume "{{volume}}" ({{source}}) at {{mountPath}} has no Compose equivalent; left out.',
  envFromMissing: '{{container}}: envFrom {{kind}} "{{name}}" is not in the design; left out.',
  envUnreadable: '{{container}}: env {{env}} comes from {{sources}}, which Compose cannot read; left out.',
  noImage: '{{container}}: no image; Compose needs one.',
  kubeExpansion:
    '{{container}}: command or args use Kubernetes $(VAR) expansion, which Compose does not do; they run as written.',
  requestsIgnored: '{{container}}: resource requests only matter to a scheduler; Compose ignores them.',
  probesDropped:
    '{{container}}: probes are not translated (Compose healthchecks do not restart or gate traffic the same way).',
  sidecarStartup:
    'Native sidecars start in order, but Compose does not wait for their startup probes before the next container.',
  restartPerContainer: 'restartPolicy {{policy}} applies per container here; Kubernetes decides it for the whole Pod.',
  hostNetwork: 'hostNetwork: the infra service uses the host network, so ports are not published.',
  configMapMissing: 'The Pod reads ConfigMap "{{name}}", which is not in the project; create it in the cluster first.',
  selectorMadeUp: 'The Pod has no labels, so the Deployment selects on app: {{name}} and the template carries it.',
  restartAlways: "A Deployment's Pods must restart Always; restartPolicy {{policy}} was left out.",
  noNamedPort: 'No container port has a name, so no Service was written (a Service targets named ports).',
  serviceNotSelecting: 'Service "{{service}}" does not select this Pod, so it was not exported with it.',
  serviceNotApplied: 'Service "{{service}}" does not select this Pod, so it was not applied with it.',
  noService: 'No Service selects this Pod, so none was exported.',
  severalPods: '{{design}} holds {{count}} Pods; exporting the first, "{{pod}}" (choose with --pod).',
} as const;

export type ExportNoteCode = keyof typeof EXPORT_NOTE_TEXT;
export type ExportNoteParams = Record<string, string | number>;

/** The note's English text with `params` in place. */
export function exportNoteText(code: ExportNoteCode, params: ExportNoteParams = {}): string {
  return EXPORT_NOTE_TEXT[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const patterns = (Object.entries(EXPORT_NOTE_TEXT) as [ExportNoteCode, string][]).map(([code, text]) => {
  const names: string[] = [];
  const source = text
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const param = /^\{\{(\w+)\}\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([\\s\\S]*?)';
    })
    .join('');
  return { code, names, pattern: new RegExp(`^${source}$`) };
});

/** The code and values of a note made by exportNoteText, or undefined for any other text (a reader's note). */
export function exportNoteOf(message: string): { code: ExportNoteCode; params: Record<string, string> } | undefined {
  for (const { code, names, pattern } of patterns) {
    const found = pattern.exec(message);
    if (found) return { code, params: Object.fromEntries(names.map((n, i) => [n, found[i + 1]!])) };
  }
  return undefined;
}
