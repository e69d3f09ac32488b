// Test support: the recorded API server verdicts (shared/rules/testdata) and how validatePod's answer is compared
// with them, for the fidelity test and for anyone measuring agreement by hand (FIDELITY_REPORT=1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Pod } from '../model/pod';
import type { BoundaryCase } from './boundary-pods.test-support';
import { podOf } from './boundary-pods.test-support';
import type { Diagnostic } from './types';
import { acceptedByKubernetes, validatePod } from './validate';

export interface Cause {
  field: string;
  reason: string;
  message: string;
}

export interface RecordedCase extends BoundaryCase {
  /** 201 accepted; 422 invalid with causes; 400 the body did not decode. */
  verdict: { status: number; reason?: string; message?: string; causes?: Cause[] };
}

export interface Fixture {
  server: string;
  seed: number;
  count: number;
  bases: Record<string, Pod>;
  cases: RecordedCase[];
}

export const fixtureFile = join(process.cwd(), 'shared/rules/testdata/apiserver-verdicts.json.gz');

export function loadFixture(file = fixtureFile): Fixture {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Fixture;
}

/**
 * Our path in the API server's granularity. LABEL_INVALID names the label (`metadata.labels.app`) so the inspector
 * can show the message beside its row; the API server reports the map (`metadata.labels`).
 */
export function apiPath(path: string): string {
  for (const map of ['metadata.labels', 'spec.nodeSelector']) if (path.startsWith(`${map}.`)) return map;
  return path;
}

/**
 * Causes the reference API server reports that a real cluster does not, each with its reason. They are taken out of
 * the recorded verdict before comparing, and the fidelity test checks that each still occurs.
 */
export const knownDifferences: readonly { field: RegExp; reason: string }[] = [
  {
    field: /^spec\.volumes\[\d+\]\.projected\.sources\[\d+\]\.serviceAccountToken$/,
    reason:
      'The reference API server runs without the ServiceAccount admission plugin (it needs the controller-manager), so ' +
      'a Pod without spec.serviceAccountName reaches validation as it is, and a projected serviceAccountToken is ' +
      'refused ("must not be specified when serviceAccountName is not set"). On a cluster that plugin first sets ' +
      'serviceAccountName to "default", so the Pod is accepted; Podwright accepts it too.',
  },
];

export interface Comparison {
  case: RecordedCase;
  pod: Pod;
  diagnostics: Diagnostic[];
  theirsAccepted: boolean;
  oursAccepted: boolean;
  /** Field paths of the API server's causes, sorted, without repeats. */
  theirs: string[];
  /** Paths of our `kubernetes` errors in the same form. */
  ours: string[];
  sameVerdict: boolean;
  /** Same verdict, and for a 422 the same set of field paths (a 400 has no paths to compare). */
  samePaths: boolean;
  /** How many of the API server's causes are known differences (knownDifferences), left out of `theirs`. */
  known: number;
}

const sorted = (paths: Iterable<string>) => [...new Set(paths)].sort();

export function compare(c: RecordedCase, bases: Record<string, Pod>): Comparison {
  const pod = podOf(c, bases);
  const diagnostics = validatePod(pod);
  const causes = c.verdict.causes ?? [];
  const kept = causes.filter((cause) => !knownDifferences.some((k) => k.field.test(cause.field)));
  const known = causes.length - kept.length;
  const theirsAccepted = c.verdict.status === 201 || (c.verdict.status === 422 && known > 0 && kept.length === 0);
  const oursAccepted = acceptedByKubernetes(diagnostics);
  const theirs = sorted(kept.map((cause) => cause.field));
  const ours = sorted(
    diagnostics.filter((d) => d.category === 'kubernetes' && d.severity === 'error').map((d) => apiPath(d.path)),
  );
  const sameVerdict = theirsAccepted === oursAccepted;
  const samePaths = sameVerdict && (c.verdict.status !== 422 || ours.join('\n') === theirs.join('\n'));
  return { case: c, pod, diagnostics, theirsAccepted, oursAccepted, theirs, ours, sameVerdict, samePaths, known };
}

/** One line per disagreement, for test output and reports. */
export function describeDifference(r: Comparison): string {
  const verdict = (accepted: boolean) => (accepted ? 'accepts' : 'rejects');
  if (!r.sameVerdict)
    return (
      `#${r.case.id} [${r.case.area}] API ${verdict(r.theirsAccepted)}, we ${verdict(r.oursAccepted)}: ` +
      `API ${r.theirs.join(', ') || r.case.verdict.message || '-'}; ours ${r.ours.join(', ') || '-'}`
    );
  const missing = r.theirs.filter((p) => !r.ours.includes(p));
  const extra = r.ours.filter((p) => !r.theirs.includes(p));
  return `#${r.case.id} [${r.case.area}] paths: we miss ${missing.join(', ') || '-'}; we add ${extra.join(', ') || '-'}`;
}
