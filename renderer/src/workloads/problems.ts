// The Problems panel's rows for the design's objects: the active Pod's Deployment and every Service, each with the
// node it belongs to and a fix that edits that object (one undo step), not the Pod.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFix } from '../../../shared/rules/fix';
import type { Diagnostic, QuickFix } from '../../../shared/rules/types';
import { deploymentOf, serviceName, servicesOf, updateService, withDeployment } from '../../../shared/design';
import type { KubeObject } from '../../../shared/manifest';
import { useDocument } from '../store/document';
import { useNotice } from '../store/notice';
import { designDiagnosticsOf } from './derived';
import { useWithDiagnostics } from '../store/diagnostics';

export interface ObjectProblem {
  d: Diagnostic;
  label: string;
  /** The canvas node to reveal: the Pod's group for its Deployment, the Service's node. */
  node: string;
  fix: (fix: QuickFix) => boolean;
}

/** Runs an edit that may not fit the object any more (a fix made for an older version); says so instead of throwing. */
function attempt(edit: () => void): boolean {
  try {
    edit();
    return true;
  } catch (err) {
    useNotice.getState().show(String(err instanceof Error ? err.message : err));
    return false;
  }
}

/** Applies a fix of the active Pod's Deployment: to the Deployment put together, then split into Pod and Deployment. */
export function applyDeploymentFix(fix: QuickFix): boolean {
  return attempt(() =>
    useDocument.getState().change((doc) => {
      const deployment = deploymentOf(doc);
      if (!deployment) return doc;
      return withDeployment(doc, applyFix(deployment as never, fix) as unknown as KubeObject);
    }),
  );
}

/** Applies a fix of the Service at `index` among the design's objects. */
export function applyServiceFix(index: number, fix: QuickFix): boolean {
  return attempt(() =>
    useDocument.getState().changeDesign((d) => ({
      ...d,
      companions: updateService(d.companions, index, (s) => applyFix(s as never, fix) as unknown as KubeObject),
    })),
  );
}

export function useObjectProblems(): ObjectProblem[] {
  const { t } = useTranslation();
  const diagnostics = useWithDiagnostics((s) => designDiagnosticsOf(s));
  const active = useDocument((s) => s.active);
  const companions = useDocument((s) => s.companions);
  const podName = useDocument((s) => s.doc.pod.metadata?.name ?? '');
  return useMemo(() => {
    const out: ObjectProblem[] = [];
    for (const d of diagnostics.deployments[active] ?? [])
      out.push({
        d,
        label: t('workloads.problems.deployment', { name: podName }),
        node: 'pod',
        fix: applyDeploymentFix,
      });
    for (const ref of servicesOf(companions))
      for (const d of diagnostics.services.get(ref.index) ?? [])
        out.push({
          d,
          label: t('workloads.problems.service', { name: serviceName(ref.service) }),
          node: ref.id,
          fix: (fix) => applyServiceFix(ref.index, fix),
        });
    return out;
  }, [diagnostics, active, companions, podName, t]);
}
