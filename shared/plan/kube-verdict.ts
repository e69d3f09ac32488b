// What the API server said of a dry run, in Podwright's words and the rules' vocabulary: each refusal cause mapped
// onto the Pod's field path (so the canvas marks the container it is about), conflicts with other field managers
// explained, and the diff between what is live and what the apply would store.
import { stringify } from 'yaml';
import type { ClusterProblem, ClusterPreview } from '../api/contract';
import type { PlannedObject } from './kube';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface KubeStatus {
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: StatusCause[] };
}

export function objectLabel(o: Pick<PlannedObject, 'kind' | 'name'>): string {
  return `${o.kind} ${o.name}`;
}

/** A cause's field inside the Pod: `spec.template.spec.containers[0].image` of a Deployment is the Pod's `spec.containers[0].image`. */
export function podPath(field: string | undefined, prefix: string | undefined): string {
  if (!field || prefix === undefined) return '';
  const clean = field.replace(/^\./, '');
  if (prefix === '') return clean;
  return clean.startsWith(`${prefix}.`) ? clean.slice(prefix.length + 1) : '';
}

/** The problems a refusal (a Status from a dry run) names, one per cause, each on the field it is about. */
export function refusalProblems(status: KubeStatus, object: PlannedObject): ClusterProblem[] {
  const label = objectLabel(object);
  const causes = status.details?.causes ?? [];
  const code =
    status.code === 403 && /exceeded quota/.test(status.message ?? '')
      ? 'KUBE_QUOTA_EXCEEDED'
      : /admission webhook/.test(status.message ?? '')
        ? 'KUBE_ADMISSION_DENIED'
        : status.code === 403
          ? 'KUBE_FORBIDDEN'
          : 'KUBE_SERVER_REJECTED';
  if (causes.length === 0 || code !== 'KUBE_SERVER_REJECTED') {
    const message = status.message ?? status.reason ?? `HTTP ${status.code ?? '?'}`;
    return [{ code, severity: 'error', path: '', object: label, message, messageId: `kube.verdict.${code}`, params: { object: label, message } }];
  }
  return causes.map((c) => {
    const path = podPath(c.field, object.podPrefix);
    const message = c.field ? `${c.field.replace(/^\./, '')}: ${c.message ?? c.reason ?? ''}` : (c.message ?? c.reason ?? '');
    return { code, severity: 'error', path, object: label, message, messageId: `kube.verdict.${code}`, params: { object: label, message } };
  });
}

/** Conflicts of a 409: which manager owns which field, from the Status's causes. */
export function conflictsOf(status: KubeStatus, object: PlannedObject): ClusterPreview['conflicts'] {
  return (status.details?.causes ?? [])
    .filter((c) => c.reason === 'FieldManagerConflict')
    .map((c) => ({ object: objectLabel(object), field: c.field ?? '', manager: /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1] ?? c.message ?? '' }));
}

export function conflictProblems(conflicts: ClusterPreview['conflicts'], prefixes: Record<string, string | undefined>): ClusterProblem[] {
  return conflicts.map((c) => {
    const message = `${c.field} is managed by "${c.manager}"`;
    return {
      code: 'KUBE_FIELD_CONFLICT',
      severity: 'warning',
      path: podPath(c.field, prefixes[c.object]),
      object: c.object,
      message,
      messageId: 'kube.verdict.KUBE_FIELD_CONFLICT',
      params: { object: c.object, field: c.field, manager: c.manager },
    };
  });
}

// ------------------------------------------------------------------ diff

type Json = Record<string, unknown>;

/** The object without what the server keeps for itself, so a diff shows what the design changes. */
export function comparable(obj: Json | undefined): Json | undefined {
  if (!obj) return undefined;
  const copy = structuredClone(obj);
  delete copy.status;
  const meta = typeof copy.metadata === 'object' && copy.metadata !== null ? (copy.metadata as Json) : {};
  for (const key of ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink']) delete meta[key];
  const annotations = meta.annotations as Record<string, unknown> | undefined;
  if (annotations) {
    delete annotations['deployment.kubernetes.io/revision'];
    if (Object.keys(annotations).length === 0) delete meta.annotations;
  }
  copy.metadata = meta;
  return copy;
}

export type DiffLine = ClusterPreview['objects'][number]['diff'][number];

/** A line diff (longest common subsequence) of two YAML texts; equal runs longer than `context` lines are cut. */
export function lineDiff(before: string, after: string, context = 3): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i]! });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ op: '-', text: a[i++]! });
    else out.push({ op: '+', text: b[j++]! });
  }
  if (!out.some((l) => l.op !== ' ')) return [];
  // Keep `context` unchanged lines around each change.
  const keep = out.map(() => false);
  out.forEach((l, k) => {
    if (l.op === ' ') return;
    for (let x = Math.max(0, k - context); x <= Math.min(out.length - 1, k + context); x++) keep[x] = true;
  });
  const cut: DiffLine[] = [];
  out.forEach((l, k) => {
    if (keep[k]) cut.push(l);
    else if (keep[k - 1]) cut.push({ op: ' ', text: '…' });
  });
  return cut;
}

/** The change an apply would make: create (all added), update (the changed lines) or unchanged. */
export function objectChange(live: Json | undefined, after: Json): { action: 'create' | 'update' | 'unchanged'; diff: DiffLine[] } {
  const next = stringify(comparable(after), { sortMapEntries: true });
  if (!live) return { action: 'create', diff: next.replace(/\n$/, '').split('\n').map((text) => ({ op: '+', text })) };
  const diff = lineDiff(stringify(comparable(live), { sortMapEntries: true }), next);
  return { action: diff.length === 0 ? 'unchanged' : 'update', diff };
}
