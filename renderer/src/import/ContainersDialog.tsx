// "New design from running containers": the engine's containers, a Compose project (or a Podwright Pod) at a time
// or one by one; the chosen ones are inspected and proposed as Pods in the import dialog.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INSPECT, type ContainerDetails, type ContainerSummary } from '../../../shared/api/imports';
import { api } from '../api';
import { RunDialog } from '../run/RunDialog';
import { useImport } from './store';

interface Group {
  key: string;
  kind: 'compose' | 'podwright' | 'other';
  name: string;
  containers: ContainerSummary[];
}

function groupsOf(containers: readonly ContainerSummary[]): Group[] {
  const groups = new Map<string, Group>();
  for (const c of containers) {
    const [kind, name] = c.composeProject
      ? (['compose', c.composeProject] as const)
      : c.podwrightPod
        ? (['podwright', c.podwrightPod] as const)
        : (['other', ''] as const);
    const key = `${kind}/${name}`;
    const group = groups.get(key) ?? { key, kind, name, containers: [] };
    group.containers.push(c);
    groups.set(key, group);
  }
  // Projects and Pods first, then the loose containers.
  return [...groups.values()].sort(
    (a, b) => (a.kind === 'other' ? 1 : 0) - (b.kind === 'other' ? 1 : 0) || a.name.localeCompare(b.name),
  );
}

export function ContainersDialog() {
  const picking = useImport((s) => s.picking);
  // Mounted afresh each time it opens, so the list and the choice start empty.
  return picking ? <Picker /> : null;
}

function Picker() {
  const { t } = useTranslation();
  const close = () => useImport.getState().pickContainers(false);
  const [list, setList] = useState<{ containers: ContainerSummary[]; truncated: boolean } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    api()
      .call('containers.list', {})
      .then(
        (answer) => live && setList(answer),
        (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
      );
    return () => {
      live = false;
    };
  }, []);
  const groups = useMemo(() => groupsOf(list?.containers ?? []), [list]);

  const toggle = (ids: string[], on: boolean): void => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setChosen(next);
  };
  const proceed = async (): Promise<void> => {
    setBusy(true);
    try {
      const ids = [...chosen];
      const details: ContainerDetails[] = [];
      for (let i = 0; i < ids.length; i += MAX_INSPECT) {
        details.push(...(await api().call('containers.inspect', { ids: ids.slice(i, i + MAX_INSPECT) })));
      }
      useImport.getState().begin({ kind: 'containers', name: t('import.titleContainers'), details });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <RunDialog title={t('import.pickTitle')} onClose={close} testId="containers-dialog" className="import-dialog">
      <p className="hint">{t('import.pickLead')}</p>
      {error && <p className="yaml-error">{error}</p>}
      {!list && !error && <p className="hint">{t('import.loading')}</p>}
      {list && list.containers.length === 0 && <p className="hint">{t('import.noContainers')}</p>}
      <ul className="import-container-groups">
        {groups.map((g) => {
          const ids = g.containers.map((c) => c.id);
          const all = ids.every((id) => chosen.has(id));
          return (
            <li key={g.key} className="import-pod" data-testid={`containers-${g.kind}-${g.name}`}>
              <label className="import-group-head">
                <input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} />
                <strong>
                  {g.kind === 'compose'
                    ? t('import.composeProject', { name: g.name })
                    : g.kind === 'podwright'
                      ? t('import.podwrightPod', { name: g.name })
                      : t('import.otherContainers')}
                </strong>
              </label>
              <ul>
                {g.containers.map((c) => (
                  <li key={c.id} className="import-service">
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(c.id)}
                        onChange={(e) => toggle([c.id], e.target.checked)}
                      />
                      <code>{c.composeService ?? c.name}</code>
                    </label>
                    <span className="hint">{c.image}</span>
                    <span className={`import-state state-${c.state}`}>{c.status}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {list?.truncated && <p className="hint">{t('import.truncated', { count: list.containers.length })}</p>}
      <footer className="import-actions">
        <button onClick={close}>{t('import.cancel')}</button>
        <button className="primary" disabled={chosen.size === 0 || busy} onClick={() => void proceed()}>
          {t('import.continue', { count: chosen.size })}
        </button>
      </footer>
    </RunDialog>
  );
}
