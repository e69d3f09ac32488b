// Form pieces for objects other than the Pod (a Deployment, a Service): a field whose problems come from that object's
// diagnostics (passed in, matched by path) and a list of problems with their one-click fixes.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic, QuickFix } from '../../../../shared/rules';
import { fixText } from '../../problems-text';
import { fieldDiagnostics, Problems } from './form';
import '../../workloads/workloads.css';
import { labelled } from '../../punctuation';

export function ObjectField({
  label,
  path,
  value,
  onChange,
  diagnostics,
  placeholder,
  testId,
}: {
  label: string;
  /** The field's path in the object, as its diagnostics name it (`spec.ports[0].targetPort`). */
  path: string;
  value: string;
  onChange: (value: string) => void;
  diagnostics: readonly Diagnostic[];
  placeholder?: string;
  testId?: string;
}) {
  const id = useId();
  const mine = fieldDiagnostics(diagnostics, path);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        data-path={path}
        data-testid={testId}
        aria-invalid={mine.some((d) => d.severity === 'error')}
        onChange={(e) => onChange(e.target.value)}
      />
      <Problems diagnostics={mine} />
    </div>
  );
}

/** Problems of an object (or part of one) with a button per fix. */
export function ObjectProblems({
  diagnostics,
  onFix,
}: {
  diagnostics: readonly Diagnostic[];
  onFix: (fix: QuickFix) => void;
}) {
  const { t } = useTranslation();
  if (diagnostics.length === 0) return null;
  return (
    <div className="object-problems">
      <Problems diagnostics={diagnostics} />
      {diagnostics
        .flatMap((d) => d.fixes)
        .map((fix, i) => (
          <button key={i} type="button" className="fix" onClick={() => onFix(fix)}>
            {labelled(t, t('problems.fix'), fixText(t, fix))}
          </button>
        ))}
    </div>
  );
}
