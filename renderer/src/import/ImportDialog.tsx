// The import dialog: the Pods a Compose file (or running containers) would become, why services share a Pod, the
// notes and problems, before anything is created; the grouping, volumes and profiles can be changed here.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeRead, DesignNote, Tie } from '../../../shared/manifest/compose';
import { diagnosticText } from '../problems-text';
import { RunDialog } from '../run/RunDialog';
import { createDesign } from './create';
import { useImport } from './store';
// The Compose reader comes with this dialog: it loads when the first import begins (or in idle time).
import { moveService, proposal, type ImportChoices } from './proposal';
import './import.css';

type Translate = ReturnType<typeof useTranslation>['t'];

function noteText(t: Translate, n: DesignNote): string {
  return t(`compose.notes.${n.code}`, { ...n.params, defaultValue: n.message, interpolation: { escapeValue: false } });
}

function tieText(t: Translate, tie: Tie): string {
  return t(`import.tie.${tie.kind}`, { from: tie.from, to: tie.to, volume: tie.volume ?? '' });
}

function Choices({ read, choices }: { read: ComposeRead; choices: ImportChoices }) {
  const { t } = useTranslation();
  const choose = useImport((s) => s.choose);
  const active = choices.profiles ?? [];
  return (
    <div className="import-choices">
      <label className="field">
        <span>{t('import.pods')}</span>
        <select
          aria-label={t('import.pods')}
          value={choices.groups ? 'chosen' : choices.pods}
          onChange={(e) => choose({ pods: e.target.value as ImportChoices['pods'], groups: undefined })}
        >
          <option value="auto">{t('import.podsAuto')}</option>
          <option value="one">{t('import.podsOne')}</option>
          <option value="per-service">{t('import.podsPerService')}</option>
          {choices.groups && <option value="chosen">{t('import.podsChosen')}</option>}
        </select>
      </label>
      <label className="field">
        <span>{t('import.volumes')}</span>
        <select
          aria-label={t('import.volumes')}
          value={choices.volumes}
          onChange={(e) => choose({ volumes: e.target.value as ImportChoices['volumes'] })}
        >
          <option value="emptyDir">{t('import.volumesEmptyDir')}</option>
          <option value="pvc">{t('import.volumesPvc')}</option>
        </select>
      </label>
      {read.profiles.length > 0 && (
        <fieldset className="import-profiles">
          <legend>{t('import.profiles')}</legend>
          {read.profiles.map((p) => (
            <label key={p}>
              <input
                type="checkbox"
                checked={active.includes(p)}
                onChange={(e) =>
                  choose({
                    profiles: e.target.checked ? [...active, p] : active.filter((x) => x !== p),
                    groups: undefined,
                  })
                }
              />
              {p}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function Pods({ read }: { read: ComposeRead }) {
  const { t } = useTranslation();
  const choose = useImport((s) => s.choose);
  const groups = read.grouping?.groups ?? [];
  const pods = read.read.pods;
  // Pods rebuilt whole (a Podwright Pod from its spec) come first and are not regrouped.
  const offset = pods.length - groups.length;
  const podNames = pods.map((p) => p.pod.metadata.name ?? '');
  return (
    <section className="import-pods" aria-label={t('import.proposed')}>
      <h3>{t('import.proposedCount', { count: pods.length })}</h3>
      <ul>
        {pods.map(({ pod }, i) => {
          const group = i >= offset ? groups[i - offset] : undefined;
          const init = pod.spec.initContainers ?? [];
          return (
            <li key={pod.metadata.name} className="import-pod" data-testid={`import-pod-${pod.metadata.name}`}>
              <header>
                <strong>{pod.metadata.name}</strong>
                <span className="hint">
                  {t('import.containerCount', { count: init.length + pod.spec.containers.length })}
                </span>
              </header>
              {group && group.ties.length > 0 && (
                <p className="import-why">{group.ties.map((tie) => tieText(t, tie)).join(' · ')}</p>
              )}
              <ul>
                {init.map((c) => (
                  <li key={`init-${c.name}`} className="import-service">
                    <span className="import-chip">{t('role.init')}</span>
                    <code>{c.name}</code>
                    <span className="hint">{c.image}</span>
                  </li>
                ))}
                {(group?.services ?? pod.spec.containers.map((c) => c.name)).map((service, j) => (
                  <li key={service} className="import-service">
                    <code>{service}</code>
                    <span className="hint">{pod.spec.containers[j]?.image}</span>
                    {group && (
                      <select
                        aria-label={t('import.moveTo', { service })}
                        value={i - offset}
                        onChange={(e) =>
                          choose({
                            groups: moveService(
                              read,
                              service,
                              e.target.value === 'new' ? 'new' : Number(e.target.value),
                            ),
                          })
                        }
                      >
                        {groups.map((_, k) => (
                          <option key={k} value={k}>
                            {t('import.inPod', { pod: podNames[k + offset] })}
                          </option>
                        ))}
                        <option value="new">{t('import.newPod')}</option>
                      </select>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ImportDialog() {
  const { t } = useTranslation();
  const source = useImport((s) => s.source);
  const choices = useImport((s) => s.choices);
  const cancel = useImport((s) => s.cancel);
  const read = useMemo(() => (source ? proposal(source, choices) : undefined), [source, choices]);
  if (!source || !read) return null;
  const problems = read.read.problems;
  const notes = read.read.notes;
  const title =
    source.kind === 'compose' ? t('import.titleCompose', { name: source.name }) : t('import.titleContainers');
  return (
    <RunDialog title={title} onClose={cancel} testId="import-dialog" className="import-dialog" initialFocus="select">
      <p className="hint">{t(source.kind === 'compose' ? 'import.leadCompose' : 'import.leadContainers')}</p>
      <Choices read={read} choices={choices} />
      <div className="import-body">
        <Pods read={read} />
        <div className="import-side">
          {problems.length > 0 && (
            <section aria-label={t('import.problems')}>
              <h3>{t('import.problemsCount', { count: problems.length })}</h3>
              <ul className="import-problems">
                {problems.map((p, i) => (
                  <li key={i} className={`problem sev-${p.severity}`}>
                    <span className={`sev-icon sev-${p.severity}`} role="img" aria-label={t(`severity.${p.severity}`)}>
                      {p.severity === 'error' ? '×' : p.severity === 'warning' ? '!' : 'i'}
                    </span>
                    <span>
                      {diagnosticText(t, p)}
                      {p.at && <span className="hint"> {t('import.line', { line: p.at.line })}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {source.kind === 'compose' && source.skipped.length > 0 && (
            <section aria-label={t('import.skipped')}>
              <h3>{t('import.skipped')}</h3>
              <ul className="import-notes">
                {source.skipped.map((s) => (
                  <li key={s.path}>
                    <code>{s.path}</code> {t(`import.skipReason.${s.reason}`, { defaultValue: s.reason })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-label={t('import.notes')}>
            <h3>{t('import.notesCount', { count: notes.length })}</h3>
            <ul className="import-notes">
              {notes.map((n, i) => (
                <li key={i} data-code={n.code}>
                  {noteText(t, n)}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
      <footer className="import-actions">
        <button onClick={cancel}>{t('import.cancel')}</button>
        <button
          className="primary"
          disabled={read.read.pods.length === 0}
          onClick={() => createDesign(read, source.asked)}
        >
          {t('import.create', { count: read.read.pods.length })}
        </button>
      </footer>
    </RunDialog>
  );
}
