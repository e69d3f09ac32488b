// The problem badge on a canvas node: the count of its diagnostics in the colour of the worst, their text as a tooltip.
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../shared/rules';
import { diagnosticText } from '../problems-text';
import { withoutBackticks } from '../components/WithCode';

function worst(diagnostics: readonly Diagnostic[]): 'error' | 'warning' | 'info' | undefined {
  if (diagnostics.some((d) => d.severity === 'error')) return 'error';
  if (diagnostics.some((d) => d.severity === 'warning')) return 'warning';
  return diagnostics.length > 0 ? 'info' : undefined;
}

export function Badge({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const { t } = useTranslation();
  const level = worst(diagnostics);
  if (!level) return null;
  return (
    <span
      className={`badge badge-${level}`}
      role="img"
      aria-label={t('canvas.problemCount', { count: diagnostics.length })}
      title={diagnostics.map((d) => withoutBackticks(diagnosticText(t, d))).join('\n')}
    >
      {diagnostics.length}
    </span>
  );
}
