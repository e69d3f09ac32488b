// One entrance, one gate: for every real-world manifest, every way in (CLI validate, export, run; the app's Open; a
// YAML paste) reads the same Pods and reports the same problems at the same paths. Each entrance's own code is a thin
// shell around the shared functions used here (see the CLI tests for the process-level checks).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic';
import { corpusDir, manifestFiles } from '../manifest/corpus.test-support';
import { readDesign } from '../manifest/read';
import { checkRun, type PlanEngine } from '../plan';
import { designCompanions } from '../manifest/pod-choice';
import { checkDesign, inObject, validatePod } from '../rules';
import { openDesign } from './design-file';
import { exportDesign, ExportRefused } from './export-design';
import { readProject } from './project';

const files = manifestFiles(corpusDir);
const docker: PlanEngine = { name: 'Docker', apiVersion: '1.47', cpus: 2, memoryBytes: 8 * 2 ** 30 };
const key = (d: Pick<Diagnostic, 'code' | 'path' | 'severity'>): string => `${d.severity} ${d.code} @ ${d.path}`;
/** A workload template's problem as the app shows it: the app edits the Pod, so its paths are the Pod's own. */
const inPod =
  (prefix: string) =>
  (d: Diagnostic): Diagnostic =>
    prefix && d.path.startsWith(`${prefix}.`) ? { ...d, path: d.path.slice(prefix.length + 1) } : d;

describe('every entrance reads and judges a file the same way', () => {
  it('covers the 58 real-world manifests', () => {
    expect(files).toHaveLength(58);
  });

  it.each(files.map((f) => [f.slice(corpusDir.length + 1), f]))('%s', (_, path) => {
    const text = readFileSync(path, 'utf8');
    const read = readDesign(text, { name: path });
    const validate = checkDesign(read);
    const opened = openDesign(text, { name: path });
    if (!validate.readable || read.pods.length === 0) {
      // Unreadable, or no Pod: the app refuses to open it too, and says why.
      expect(opened.ok).toBe(false);
      return;
    }
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.design.pods.map((d) => d.pod.metadata?.name)).toEqual(validate.pods.map((p) => p.pod.metadata?.name));
    validate.pods.forEach((checked, i) => {
      const expected = checked.diagnostics.map(key);
      // The app's Open: the rules on the Pod it draws, shown with the Pod's own paths.
      const app = validatePod(opened.design.pods[i]!.pod).map(key);
      expect(app).toEqual(checked.diagnostics.map(inPod(checked.origin.fieldPrefix)).map(key));
      // `podwright run` (and pod.run): the gate's rule problems, placed in the file as validate places them.
      const gate = checkRun(checked.pod, docker, { companions: designCompanions(read) });
      const ruleCodes = new Set(checked.diagnostics.map((d) => d.code));
      expect(
        gate.problems
          .filter((d) => ruleCodes.has(d.code) || d.category !== 'engine')
          .map((d) => key(inObject(read, d, checked))),
      ).toEqual(expected);
      // Every refusal of run is an error validate reports (plus what only the engine adds).
      for (const d of gate.blockers.filter((b) => b.category === 'kubernetes'))
        expect(expected).toContain(key(inObject(read, d, checked)));
      // Export refuses exactly the Pods validate calls rejected, with validate's problems.
      const rejected = checked.diagnostics.filter((d) => d.severity === 'error' && d.category === 'kubernetes');
      let refusal: readonly Diagnostic[] = [];
      try {
        exportDesign(
          read,
          { as: 'pod', single: true, replicas: 1, pod: checked.pod.metadata?.name, infraImage: 'x' },
          validate,
        );
      } catch (err) {
        if (!(err instanceof ExportRefused)) throw err;
        refusal = err.problems;
      }
      expect(refusal.map(key)).toEqual(
        [...validate.problems, ...rejected]
          .filter((d) => d.severity === 'error' && d.category === 'kubernetes')
          .map(key),
      );
    });
    // A YAML paste (the YAML panel) reads the first Pod as Open does.
    const pasted = readProject(text);
    expect(pasted.ok && pasted.doc.pod).toEqual(opened.design.pods[0]!.pod);
  });

  it("the issue's StatefulSet exports as a Pod that validates, its claim kept as a volume", () => {
    const path = files.find((f) => f.endsWith('k8s-website/zookeeper.yaml'))!;
    const read = readDesign(readFileSync(path, 'utf8'), { name: path });
    const out = exportDesign(read, { as: 'pod', single: true, replicas: 1, infraImage: 'x' });
    const again = checkDesign(readDesign(out.files[0]!.text, { name: 'zk.yaml' }));
    expect(again.accepted).toBe(true);
    expect(out.files[0]!.text).toContain('claimName: datadir-zk-0');
  });
});
