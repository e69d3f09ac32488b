// Differential test (issue 17): validatePod gives a Kubernetes 1.34 API server's verdict, with its field paths, on a
// few thousand Pods near the validation boundaries, recorded from a real kube-apiserver (testdata, server-side dry run).
import { describe, expect, it } from 'vitest';
import { compare, describeDifference, knownDifferences, loadFixture, type Comparison } from './fidelity.test-support';

const fixture = loadFixture();
const results: Comparison[] = fixture.cases.map((c) => compare(c, fixture.bases));

if (process.env.FIDELITY_REPORT) {
  // The raw agreement counts a known difference as a difference; the tests below leave those out.
  const accepted = (r: Comparison) => r.case.verdict.status === 201;
  const sameVerdict = results.filter((r) => accepted(r) === r.oursAccepted).length;
  const samePaths = results.filter((r) => r.samePaths && r.known === 0).length;
  const falseErrors = results.filter((r) => accepted(r) && !r.oursAccepted).length;
  const misses = results.filter((r) => !accepted(r) && r.oursAccepted).length;
  const pct = (n: number) => ((100 * n) / results.length).toFixed(1);
  console.log(
    `${fixture.server}\n${results.length} Pods: same verdict ${sameVerdict} (${pct(sameVerdict)}%), same verdict and ` +
      `paths ${samePaths} (${pct(samePaths)}%); we reject ${falseErrors} valid Pods, we accept ${misses} invalid ones; ` +
      `${results.filter((r) => r.known > 0).length} Pods hold a known difference`,
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

  it('still meets every known difference (remove one that no longer occurs)', () => {
    for (const k of knownDifferences)
      expect(
        results.some((r) => r.case.verdict.causes?.some((c) => k.field.test(c.field))),
        k.reason,
      ).toBe(true);
  });
});
