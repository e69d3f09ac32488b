// What a step's actions brought back: the Pod's recent log lines, the engine's view of its containers, one command's output.
import { useTranslation } from 'react-i18next';
import { useLessons } from './store';

export function StepOutputView() {
  const { t } = useTranslation();
  const output = useLessons((s) => s.output);
  return (
    <>
      {output.logs && (
        <section className="lesson-logs" data-testid="lesson-logs" aria-label={t('lessons.output')}>
          <h3>
            {t('lessons.logsTitle', { containers: output.logs.containers?.join(', ') ?? t('lessons.allContainers') })}
          </h3>
          {output.logs.lines.length === 0 ? (
            <p className="hint">{t('lessons.noLogs')}</p>
          ) : (
            <pre>
              {output.logs.lines
                .slice(-12)
                .map((l) => `[${l.container}] ${l.text}`)
                .join('\n')}
            </pre>
          )}
        </section>
      )}
      {output.exec && (
        <section className="lesson-logs" data-testid="lesson-exec" aria-label={t('lessons.output')}>
          <h3>
            {t('lessons.execTitle', { container: output.exec.container, command: output.exec.command.join(' ') })}
          </h3>
          <pre>
            {[output.exec.stdout, output.exec.stderr].filter(Boolean).join('\n') ||
              t('lessons.exitCode', { code: output.exec.exitCode ?? '?' })}
          </pre>
        </section>
      )}
      {output.status !== undefined && (
        <section className="lesson-status" data-testid="lesson-status" aria-label={t('lessons.statusTitle')}>
          <h3>{t('lessons.statusTitle')}</h3>
          {output.status === null ? (
            <p className="hint">{t('lessons.noPod')}</p>
          ) : (
            <table>
              <tbody>
                {output.status.containers.map((c) => (
                  <tr key={c.name} data-state={c.state.state}>
                    <th scope="row">{c.name}</th>
                    <td>{c.role}</td>
                    <td>
                      {c.state.state === 'terminated'
                        ? `${c.state.state} (${c.state.reason}, ${c.state.exitCode})`
                        : c.state.state === 'waiting'
                          ? `${c.state.state} (${c.state.reason})`
                          : c.state.state}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
