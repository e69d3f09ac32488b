// One "Prove it" claim: its button, the outputs of each container side by side, and the verdict against the lesson's claim.
import { useTranslation } from 'react-i18next';
import {
  proofLabelKey,
  proofWhyKey,
  type Lesson,
  type LessonStep,
  type Proof,
} from '../../../../shared/workshop/lessons';
import { prove } from './perform';
import { proofKey, useLessons } from './store';

interface ProofViewProps {
  lesson: Lesson;
  step: LessonStep;
  proof: Proof;
  /** The design lacks the step's containers: nothing to prove on (the panel says why). */
  offDesign: boolean;
}

export function ProofView({ lesson, step, proof, offDesign }: ProofViewProps) {
  const { t } = useTranslation();
  const run = useLessons((s) => s.proofs[proofKey(lesson, step, proof.id)]);
  const verdict = run?.result?.verdict;
  const asClaimed = verdict === proof.expect;
  return (
    <section className="lesson-proof" data-testid={`proof-${proof.id}`} aria-label={t(proofLabelKey(proof))}>
      <div className="lesson-proof-head">
        <button
          className="primary"
          onClick={() => void prove(lesson, step, proof)}
          disabled={run?.busy || offDesign}
          data-testid="prove-it"
        >
          {run?.waiting ? t('lessons.waiting') : run?.busy ? t('lessons.proving') : t('lessons.proveIt')}
        </button>
        <span>{t(proofLabelKey(proof))}</span>
        <code className="lesson-command">{proof.command.join(' ')}</code>
      </div>
      {run?.error && (
        <p className="lesson-error" role="alert">
          {t('lessons.failed', { message: run.error })}
        </p>
      )}
      {run && run.outputs.length > 0 && (
        <div
          className="lesson-outputs"
          style={{ gridTemplateColumns: `repeat(${run.outputs.length}, minmax(0, 1fr))` }}
        >
          {run.outputs.map((o) => (
            <figure key={o.container} className="lesson-output" data-testid={`proof-output-${o.container}`}>
              <figcaption>
                <strong>{o.container}</strong>
                {o.exitCode !== 0 && (
                  <span className="lesson-exit">{t('lessons.exitCode', { code: o.exitCode ?? '?' })}</span>
                )}
              </figcaption>
              <pre>{(o.stdout + (o.stderr ? `\n${o.stderr}` : '')).replace(/\0/g, ' ').trimEnd()}</pre>
            </figure>
          ))}
        </div>
      )}
      {verdict && (
        <div
          className={`lesson-verdict verdict-${verdict} ${asClaimed ? 'as-claimed' : 'not-claimed'}`}
          data-testid="proof-verdict"
          data-verdict={verdict}
          role="status"
        >
          <strong>{t(`lessons.verdict.${verdict}`)}</strong>
          <span>{asClaimed ? `✓ ${t('lessons.expected')}` : `✗ ${t('lessons.unexpected')}`}</span>
          {run?.result?.sees && (
            <ul>
              {Object.entries(run.result.sees).map(([container, others]) => (
                <li key={container}>
                  {others.length > 0
                    ? t('lessons.sees', { container, others: others.join(', ') })
                    : t('lessons.seesNone', { container })}
                </li>
              ))}
            </ul>
          )}
          <p>{t(proofWhyKey(proof))}</p>
        </div>
      )}
    </section>
  );
}
