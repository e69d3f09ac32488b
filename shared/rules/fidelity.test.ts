// Differential test (issue 17): validatePod gives a Kubernetes 1.34 API server's verdict, with its field paths, on a
// few thousand Pods near the validation boundaries, recorded from a real kube-apiserver (testdata, server-side dry run).
import { describe, expect, it } from 'vitest';
import { compare, describeDifference, loadFixture, type Comparison } from './fidelity.test-support';

const fixture = loadFixture();
const results: Comparison[] = fixture.cases.map((c) => compare(c, fixture.bases));

if (process.env.FIDELITY_REPORT) {
  const verdicts = results.filter((r) => r.sameVerdict).length;
  const paths = results.filter((r) => r.samePaths).length;
  const falseErrors = results.filter((r) => r.theirsAccepted && !r.oursAccepted).length;
  const misses = results.filter((r) => !r.theirsAccepted && r.oursAccepted).length;
  const pct = (n: number) => ((100 * n) / results.length).toFixed(1);
  console.log(
    `${fixture.server}\n${results.length} Pods: same verdict ${verdicts} (${pct(verdicts)}%), same verdict and paths ` +
      `${paths} (${pct(paths)}%); we reject ${falseErrors} valid Pods, we accept ${misses} invalid ones`,
  );
  for (const r of results) if (!r.samePaths) console.log(describeDifference(r));
}

describe('validatePod against a Kubernetes 1.34 API server', () => {
  it('has a few thousand recorded Pods, valid and invalid', () => {
    expect(fixture.server).toMatch(/^v1\.34\./);
    expect(results.length).toBeGreaterThanOrEqual(3000);
    expect(results.filter((r) => r.theirsAccepted).length).toBeGreaterThan(1000);
    expect(results.filter((r) => !r.theirsAccepted).length).toBeGreaterThan(1000);
  });

  it('never rejects a Pod the API server accepts', () => {
    expect(results.filter((r) => r.theirsAccepted && !r.oursAccepted).map(describeDifference)).toEqual([]);
  });

  it('rejects every Pod the API server rejects', () => {
    expect(results.filter((r) => !r.theirsAccepted && r.oursAccepted).map(describeDifference)).toEqual([]);
  });

  it('points at the same fields as the API server', () => {
    expect(results.filter((r) => r.sameVerdict && !r.samePaths).map(describeDifference)).toEqual([]);
  });
});
