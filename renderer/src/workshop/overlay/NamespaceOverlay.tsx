// The namespace overlay: one lane per Linux namespace, with bars showing which of the Pod's containers (and its infra
// container, and the host) share it, a legend and a one-line reason per lane. Drawn as a React Flow node.
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  groupsText,
  podNamespaces,
  type NamespaceGroup,
  type NamespaceLane,
  type NamespaceMember,
  type NamespaceOwner,
} from '../../../../shared/namespaces';
import { useDocument } from '../../store/document';
import { useEngine } from '../../store/engine';
import { namespaceEngine } from './engine-facts';
import './overlay.css';
import { labelled } from '../../punctuation';

/** Grid column of the host and of member i (1-based, after the lane label). */
const HOST_COLUMN = 2;
const memberColumn = (i: number): number => 3 + i;

/** Splits a group into runs of adjacent columns, so each run is one bar. */
function runs(group: NamespaceGroup, index: ReadonlyMap<string, number>): [number, number][] {
  const columns = [
    ...(group.owner === 'host' ? [HOST_COLUMN] : []),
    ...group.members.map((id) => memberColumn(index.get(id) ?? 0)),
  ].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && last[1] === c) last[1] = c + 1;
    else out.push([c, c + 1]);
  }
  return out;
}

function Lane({ lane, members }: { lane: NamespaceLane; members: readonly NamespaceMember[] }) {
  const { t } = useTranslation();
  const index = useMemo(() => new Map(members.map((m, i) => [m.id, i])), [members]);
  const name = (id: string): string => {
    const m = members.find((x) => x.id === id);
    return m?.role === 'infra' ? t('nsOverlay.infra') : (m?.name ?? id);
  };
  return (
    <div
      className={`ns-lane ns-${lane.type} verdict-${lane.verdict}`}
      role="group"
      aria-label={labelled(t, t(`nsOverlay.type.${lane.type}`), t(`nsOverlay.${lane.reason.key}`, lane.reason.args))}
      data-testid={`ns-lane-${lane.type}`}
      data-verdict={lane.verdict}
      data-group-count={lane.groups.length}
      data-groups={groupsText(lane, members)}
    >
      <div className="ns-lane-label">
        <strong>{t(`nsOverlay.type.${lane.type}`)}</strong>
        <span className="ns-verdict">{t(`nsOverlay.verdict.${lane.verdict}`)}</span>
      </div>
      {lane.groups.flatMap((group, g) =>
        runs(group, index).map(([from, to], r) => (
          <div
            key={`${g}-${r}`}
            className={`ns-bar owner-${group.owner}`}
            style={{ gridColumn: `${from} / ${to}` }}
            data-testid="ns-group"
            data-owner={group.owner}
            data-members={group.members.map(name).join(',')}
            title={group.members.map(name).join(', ')}
          >
            {t(`nsOverlay.bar.${group.owner}`)}
          </div>
        )),
      )}
      <p className="ns-reason">{t(`nsOverlay.${lane.reason.key}`, lane.reason.args)}</p>
      {lane.notes.map((note) => (
        <p key={note.key} className="ns-note">
          {t(`nsOverlay.${note.key}`, note.args)}
        </p>
      ))}
    </div>
  );
}

function Legend({ owners }: { owners: readonly NamespaceOwner[] }) {
  const { t } = useTranslation();
  return (
    <ul className="ns-legend" aria-label={t('nsOverlay.legend')}>
      {owners.map((owner) => (
        <li key={owner}>
          <span className={`ns-swatch owner-${owner}`} aria-hidden="true" />
          {t(`nsOverlay.legendItem.${owner}`)}
        </li>
      ))}
    </ul>
  );
}

export const NamespaceOverlayNode = memo(function NamespaceOverlayNode() {
  const { t } = useTranslation();
  const doc = useDocument((s) => s.doc);
  const status = useEngine((s) => s.status);
  const model = useMemo(() => podNamespaces(doc, namespaceEngine(status)), [doc, status]);
  // The three usual owners always, plus a rootless engine's when this engine has one.
  const owners = useMemo(() => {
    const present = new Set(model.lanes.flatMap((l) => l.groups.map((g) => g.owner)));
    return (['infra', 'own', 'host', 'engine'] as const).filter((o) => o !== 'engine' || present.has(o));
  }, [model]);
  const columns = `var(--ns-label-width) var(--ns-host-width) repeat(${model.members.length}, var(--ns-member-width))`;
  return (
    <section
      className="ns-overlay"
      data-testid="ns-overlay"
      aria-label={t('nsOverlay.title', { name: doc.pod.metadata?.name ?? '' })}
      style={{ ['--ns-columns' as string]: columns }}
    >
      <header className="ns-head">
        <h3>{t('nsOverlay.title', { name: doc.pod.metadata?.name ?? '' })}</h3>
        <Legend owners={owners} />
      </header>
      <div className="ns-columns" aria-hidden="true">
        <span />
        <span className="ns-col ns-col-host">{t('nsOverlay.host')}</span>
        {model.members.map((m) => (
          <span key={m.id} className={`ns-col role-${m.role}`} data-testid={`ns-member-${m.id}`}>
            <strong>{m.role === 'infra' ? t('nsOverlay.infra') : m.name || t('canvas.unnamed')}</strong>
            <small>{m.role === 'infra' ? t('nsOverlay.pause') : t(`role.${m.role}`)}</small>
          </span>
        ))}
      </div>
      {model.lanes.map((lane) => (
        <Lane key={lane.type} lane={lane} members={model.members} />
      ))}
    </section>
  );
});
