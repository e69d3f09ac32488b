// Checks a whole design as read by readDesign: the Pod rules on every Pod (and every workload's Pod template, with
// paths in the workload), the object checks (workloads, Services), and the reader's own problems, each placed at its
// line. Every entrance (CLI validate/export/run, the app) reports a file's problems through this one function.
import type { Diagnostic } from '../model/diagnostic';
import { joinFieldPath } from '../manifest/field-path';
import { podTemplatePaths, type DesignObject, type DesignPod, type DesignRead, type KubeObject } from '../manifest/read';
import { readerProblem } from '../manifest/read-problems';
import type { ValidateOptions } from './types';
import { acceptedByKubernetes, validatePod } from './validate';

/** The problems one object checker found on one object, with paths inside that object (`spec.replicas`). */
export interface ObjectCheck {
  object: DesignObject;
  diagnostics: Diagnostic[];
}

/** Checks the design's non-Pod objects it knows (workloads, Services); objects it does not return stay unchecked. */
export type ObjectChecker = (read: DesignRead) => ObjectCheck[];

const objectCheckers: ObjectChecker[] = [];

/** Adds a checker of design objects (called once by its module). */
export function registerObjectChecker(checker: ObjectChecker): void {
  if (!objectCheckers.includes(checker)) objectCheckers.push(checker);
}

export interface CheckedPod extends DesignPod {
  /** The Pod's name, or `document N` when it has none. */
  name: string;
  /** The Pod rules' findings, with paths as the API server reports them for the object the Pod came from. */
  diagnostics: Diagnostic[];
}

export interface DesignCheck {
  pods: CheckedPod[];
  /** Problems that are not about one Pod: the reader's, and the object checkers'. */
  problems: Diagnostic[];
  /** Information: what the reader did, objects nothing checked. */
  notes: Diagnostic[];
  /** How many objects were checked (Pods, workload templates, checked objects). */
  checked: number;
  /** The text could be read (no syntax or limit problem). */
  readable: boolean;
  /** Nothing the API server would reject was found. */
  accepted: boolean;
}

/** Kinds that travel with Pods as data and are used by them (volumes, env), so they are not "unchecked" kinds. */
const companionKinds = new Set(['ConfigMap', 'Secret']);

/** Reader problem codes that mean the text itself could not be read. */
const unreadableCodes = new Set([
  'FILE_TOO_LARGE',
  'FILE_NOT_TEXT',
  'YAML_SYNTAX',
  'YAML_TOO_DEEP',
  'YAML_TOO_MANY_DOCUMENTS',
  'YAML_ALIASES',
  'YAML_NUMBER_OUT_OF_RANGE',
]);

export interface CheckDesignOptions {
  /** Options for the Pod rules of one Pod (the canvas passes namespace joins and node capacity). */
  podOptions?: (pod: DesignPod) => ValidateOptions;
}

export function checkDesign(read: DesignRead, options: CheckDesignOptions = {}): DesignCheck {
  const pods = read.pods.map((p) => checkPod(read, p, options.podOptions?.(p) ?? {}));
  const problems = [...read.problems];
  const checkedObjects = new Set<DesignObject>();
  for (const checker of objectCheckers) {
    for (const result of checker(read)) {
      checkedObjects.add(result.object);
      for (const d of result.diagnostics) problems.push(placed(read, d, result.object.document, result.object.path));
    }
  }
  const notes: Diagnostic[] = read.notes.map((n) => ({
    code: n.code,
    severity: 'info',
    category: 'practice',
    path: n.path ?? '',
    message: n.message,
    explanation: '',
    fixes: [],
    related: [],
    messageId: `rules.${n.code}.messages.main`,
    params: n.params ?? {},
    ...(n.document !== undefined ? { at: read.locate(n.document, [], n.path ?? '') } : {}),
  }));
  for (const o of read.objects) {
    const kind = typeof o.object.kind === 'string' ? o.object.kind : '';
    // A workload's template is checked as a Pod (or its absence reported); its own fields are the object checkers'.
    if (checkedObjects.has(o) || companionKinds.has(kind) || kind in podTemplatePaths) continue;
    notes.push(uncheckedNote(read, o, kind));
  }
  const readable = !problems.some((d) => unreadableCodes.has(d.code));
  const checked = pods.length + checkedObjects.size;
  if (readable && checked === 0 && !problems.some((d) => d.severity === 'error')) {
    const kinds = [...new Set(read.objects.map((o) => String(o.object.kind ?? '?')))].join(', ');
    problems.push(
      readerProblem(
        'NOTHING_TO_CHECK',
        `nothing in ${read.name} could be checked: it holds no Pod and no workload${kinds ? ` (found: ${kinds})` : ''}`,
        { file: read.name, kinds },
      ),
    );
  }
  const accepted =
    readable &&
    acceptedByKubernetes(problems) &&
    pods.every((p) => acceptedByKubernetes(p.diagnostics)) &&
    !problems.some((d) => d.code === 'NOTHING_TO_CHECK');
  return { pods, problems, notes, checked, readable, accepted };
}

function checkPod(read: DesignRead, designPod: DesignPod, options: ValidateOptions): CheckedPod {
  const { pod, origin } = designPod;
  const name = typeof pod.metadata?.name === 'string' && pod.metadata.name ? pod.metadata.name : `document ${origin.document + 1}`;
  const diagnostics = validatePod(pod, options).map((d) => inObject(read, d, designPod));
  return { ...designPod, name, diagnostics };
}

/**
 * A Pod rule's finding moved into the object the Pod came from: a template's `spec.containers[0]` becomes
 * `spec.template.spec.containers[0]`. A template's name and namespace are the workload's own (the reader copies them
 * in), so problems with those point at the workload's metadata.
 */
export function inObject(read: DesignRead, d: Diagnostic, { origin }: DesignPod): Diagnostic {
  if (origin.fieldPrefix === '') return placed(read, d, origin.document, origin.objectPath);
  const ownField = /^metadata\.(name|namespace)\b/.test(d.path);
  const path = ownField ? d.path : joinFieldPath(origin.fieldPrefix, d.path);
  const related = d.related.map((r) => joinFieldPath(origin.fieldPrefix, r));
  return placed(read, { ...d, path, related }, origin.document, origin.objectPath);
}

function placed(read: DesignRead, d: Diagnostic, document: number, objectPath: DesignObject['path']): Diagnostic {
  const at = read.locate(document, objectPath, d.path);
  return at ? { ...d, at } : d;
}

function uncheckedNote(read: DesignRead, o: DesignObject, kind: string): Diagnostic {
  const object = o.object as KubeObject;
  const name = typeof (object.metadata as { name?: unknown } | undefined)?.name === 'string' ? String((object.metadata as { name: string }).name) : '';
  const at = read.locate(o.document, o.path, '');
  return {
    code: 'KIND_NOT_CHECKED',
    severity: 'info',
    category: 'practice',
    path: '',
    message: `${kind}${name ? ` "${name}"` : ''} (document ${o.document + 1}) is kept as it is; Podwright does not check ${kind} objects`,
    explanation: 'Podwright checks Pods, the Pod templates of workloads, and the workload and Service objects it knows.',
    fixes: [],
    related: [],
    messageId: 'rules.KIND_NOT_CHECKED.messages.main',
    params: { kind, name, document: o.document + 1 },
    ...(at ? { at } : {}),
  };
}
