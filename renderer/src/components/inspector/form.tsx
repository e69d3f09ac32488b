// The inspector's form building blocks: a text field, a section and problems, all matched to rules by Kubernetes path.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../../shared/rules';
import { diagnosticsOf, useWithDiagnostics } from '../../store/diagnostics';
import { diagnosticText } from '../../problems-text';
import { Markdown } from '../Markdown';

export function fieldDiagnostics(all: readonly Diagnostic[], path: string): Diagnostic[] {
  return all.filter((d) => d.path === path || d.path.startsWith(`${path}.`) || d.path.startsWith(`${path}[`));
}

export function Problems({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const { t } = useTranslation();
  if (diagnostics.length === 0) return null;
  return (
    <ul className="field-problems">
      {diagnostics.map((d, i) => (
        <li key={i} className={`sev-${d.severity}`}>
          <Markdown text={diagnosticText(t, d)} />
        </li>
      ))}
    </ul>
  );
}

/** In a row of narrow fields the messages go below the whole row, where they have room. */
export function RowProblems({ path, exact }: { path: string; exact?: boolean }) {
  const all = useWithDiagnostics((s) => diagnosticsOf(s.doc).all);
  return (
    <div className="row-problems">
      <Problems diagnostics={exact ? all.filter((d) => d.path === path) : fieldDiagnostics(all, path)} />
    </div>
  );
}

export interface FieldProps {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  /** Diagnostics are matched to the field by Kubernetes path. */
  exact?: boolean;
}

export function Field({ label, path, value, onChange, placeholder, multiline, exact }: FieldProps) {
  const id = useId();
  const all = useWithDiagnostics((s) => diagnosticsOf(s.doc).all);
  const diagnostics = exact ? all.filter((d) => d.path === path) : fieldDiagnostics(all, path);
  const invalid = diagnostics.some((d) => d.severity === 'error');
  const common = {
    id,
    value,
    placeholder,
    'data-path': path,
    'aria-invalid': invalid,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" spellCheck={false} {...common} />}
      <Problems diagnostics={diagnostics} />
    </div>
  );
}

export function Section({
  title,
  children,
  onAdd,
  addLabel,
}: {
  title: string;
  children: ReactNode;
  onAdd?: () => void;
  addLabel?: string;
}) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
      {onAdd && (
        <button className="small" onClick={onAdd}>
          + {addLabel}
        </button>
      )}
    </fieldset>
  );
}

/** Sets `key`, or removes it when the value is empty, so the YAML never carries empty fields. */
export function setOrDelete<T extends object>(obj: T, key: string, value: unknown): T {
  const out = { ...obj } as Record<string, unknown>;
  if (value === undefined || value === '') delete out[key];
  else out[key] = value;
  return out as T;
}

/** A whole number as a number; anything else is kept as typed, so the rules can say what is wrong with it. */
export function toNumberOrText(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) ? n : text;
}

export const linesOf = (value: readonly string[] | undefined): string => (value ?? []).join('\n');
export const fromLines = (text: string): string[] | undefined => (text === '' ? undefined : text.split('\n'));

/** A boolean field Kubernetes leaves unset by default: not set, true or false. */
export function TriState({
  label,
  path,
  value,
  onChange,
}: {
  label: string;
  path: string;
  value: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
}) {
  const id = useId();
  const all = useWithDiagnostics((s) => diagnosticsOf(s.doc).all);
  // A conflict reported on the whole section (securityContext) names this field among its related paths.
  const diagnostics = all.filter((d) => d.path === path);
  const conflicted = all.some((d) => d.severity === 'error' && d.related.includes(path));
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-path={path}
        aria-invalid={conflicted || diagnostics.some((d) => d.severity === 'error')}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
      >
        <option value="">–</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
      <Problems diagnostics={diagnostics} />
    </div>
  );
}
