// The Problems list: every diagnostic with where it is, why it matters, and its quick fixes one click away.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic, QuickFix } from '../../../shared/rules';
import { applyFix } from '../../../shared/rules/fix';
import { nodeForPath } from '../../../shared/design';
import { graphOf, useDocument } from '../store/document';
import { isStartingStep, useDiagnostics } from '../store/diagnostics';
import { useChecksLoaded } from '../store/checks-part';
import { WithCode } from './WithCode';
import { Markdown } from './Markdown';
import { flow } from '../canvas/flow';
import { useNotice } from '../store/notice';
import { diagnosticText, explanationText, fixText } from '../problems-text';
import { useObjectProblems } from '../workloads/problems';
import { labelled } from '../punctuation';

/** Applies a rule's fix as one undoable change; a Pod-wide PID share replaces any partial join drawn on the canvas. */
export function applyQuickFix(fix: QuickFix): boolean {
  try {
    useDocument.getState().change((doc) => {
      const pod = applyFix(doc.pod, fix);
      const shared = pod.spec?.shareProcessNamespace === true;
      const wasShared = doc.pod.spec?.shareProcessNamespace === true;
      const pidJoins = shared ? null : wasShared ? [] : doc.pidJoins;
      return { ...doc, pod, pidJoins };
    });
    return true;
  } catch (err) {
    useNotice.getState().show(String(err instanceof Error ? err.message : err));
    return false;
  }
}

/**
 * Selects the node a diagnostic points at (`node`, else the Pod's node for its path) and puts the cursor in the field,
 * when the inspector shows one.
 */
export function revealDiagnostic(d: Diagnostic, nodeId?: string): void {
  const state = useDocument.getState();
  const id = nodeId ?? nodeForPath(graphOf(state.doc), d.path);
  state.select([id]);
  const node = flow()?.getNode(id);
  if (node && id !== 'pod') void flow()?.fitView({ nodes: [{ id }], duration: 200, maxZoom: 1.2 });
  requestAnimationFrame(() => {
    const fields = [...document.querySelectorAll<HTMLElement>('.inspector [data-path]')];
    const match = fields
      .filter(
        (f) =>
          d.path === f.dataset.path || d.path.startsWith(`${f.dataset.path}.`) || f.dataset.path!.startsWith(d.path),
      )
      .sort((a, b) => b.dataset.path!.length - a.dataset.path!.length)[0];
    match?.focus();
  });
}

/** One problem; a Deployment's or Service's (workloads/problems.ts) brings its own fix and the node it belongs to. */
export function ProblemRow({
  d,
  label,
  start,
  onFix = applyQuickFix,
  node,
}: {
  d: Diagnostic;
  label: string;
  /** The empty Pod's first step ("add a container"), said as a step and not as a mistake. */
  start?: boolean;
  onFix?: (fix: QuickFix) => boolean;
  node?: string;
}) {
  const { t } = useTranslation();
  const [why, setWhy] = useState(false);
  // The empty Pod's "add a container" is the next step, not a mistake: no red, and said as a step.
  const tone = start ? 'start' : d.severity;
  return (
    <li className={`problem sev-${tone}`} data-code={d.code} data-start={start || undefined}>
      <div className="problem-line">
        <span
          className={`sev-icon sev-${tone}`}
          role="img"
          aria-label={t(start ? 'editing.start.label' : `severity.${d.severity}`)}
        >
          {start ? '+' : d.severity === 'error' ? '×' : d.severity === 'warning' ? '!' : 'i'}
        </span>
        <button className="link problem-message" onClick={() => revealDiagnostic(d, node)} title={d.path}>
          {start ? t('editing.start.addContainer') : <Markdown text={diagnosticText(t, d)} />}
        </button>
        <span className="problem-where">
          {label} · <code>{d.code}</code>
        </span>
        <button className="link" aria-expanded={why} onClick={() => setWhy(!why)}>
          {t('problems.why')}
        </button>
        {d.fixes.map((fix, i) => (
          <button key={i} className="fix" onClick={() => onFix(fix)} title={t('problems.fixHint')}>
            {labelled(t, t('problems.fix'), fixText(t, fix))}
          </button>
        ))}
      </div>
      {why && (
        <p className="explanation">
          <WithCode text={explanationText(t, d)} />
        </p>
      )}
    </li>
  );
}

export function ProblemsPanel() {
  const { t } = useTranslation();
  const { all } = useDiagnostics();
  const graph = useDocument((s) => graphOf(s.doc));
  // The active Pod's Deployment and the design's Services have problems of their own (workloads/problems.ts).
  const objects = useObjectProblems();
  const checked = useChecksLoaded();
  // The checks arrive a moment after the first screen: until then the panel claims nothing ("No problems." would be
  // wrong for a new Pod, whose first step it lists).
  if (!checked) return null;
  if (all.length === 0 && objects.length === 0) return <p className="hint">{t('panel.noProblems')}</p>;
  return (
    <ul className="problems" aria-label={t('problems.label')}>
      {all.map((d, i) => {
        const id = nodeForPath(graph, d.path);
        const node = graph.byId.get(id);
        const label =
          node?.kind === 'container' || node?.kind === 'volume'
            ? node.name
            : node
              ? t(`namespace.${node.namespace}`)
              : t('canvas.pod');
        return <ProblemRow key={`${d.code}:${d.path}:${i}`} d={d} label={label} start={isStartingStep(d, graph)} />;
      })}
      {objects.map((p, i) => (
        <ProblemRow
          key={`object:${p.node}:${p.d.code}:${p.d.path}:${i}`}
          d={p.d}
          label={p.label}
          onFix={p.fix}
          node={p.node}
        />
      ))}
    </ul>
  );
}
