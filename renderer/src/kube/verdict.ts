// The cluster's dry-run verdict on the canvas: each problem on the node its field path points at (a container, a
// volume, else the Pod), beside the rules' own diagnostics, for as long as the design is the one that was judged.
import { useMemo } from 'react';
import { nodeForPath } from '../../../shared/design';
import type { Diagnostic } from '../../../shared/rules';
import { graphOf, useDocument } from '../store/document';
import { useCluster } from './store';

const none: Diagnostic[] = [];

/** The verdict's diagnostics for one node of the active Pod (`pod` undefined); none for other Pods' nodes. */
export function useVerdictAt(local: string, pod: number | undefined): Diagnostic[] {
  const verdict = useCluster((s) => s.verdict);
  const judged = useCluster((s) => s.verdictFor);
  const doc = useDocument((s) => s.doc);
  return useMemo(() => {
    if (pod !== undefined || verdict.length === 0 || judged !== doc.pod) return none;
    const graph = graphOf(doc);
    const mine = verdict.filter((d) => nodeForPath(graph, d.path) === local);
    return mine.length > 0 ? mine : none;
  }, [verdict, judged, doc, local, pod]);
}
