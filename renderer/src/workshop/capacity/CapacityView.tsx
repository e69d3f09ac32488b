// The node-capacity view: the Pod's requests from the document, editable nodes, which nodes fit, and the one-by-one failure.
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../../../shared/model/quantity';
import {
  fitNodes,
  podRequest,
  scheduleOneByOne,
  scheduledResources,
  type Shortfall,
} from '../../../../shared/workshop/schedule';
import { useDocument } from '../../store/document';
import { useCapacity } from './store';
import { centreElement } from '../lessons/centre-portal';
import './capacity.css';

function amount(resource: string, value: number, unlimited: string): string {
  return Number.isFinite(value) ? formatQuantity(resource, value) : unlimited;
}

export function CapacityView() {
  const { t } = useTranslation();
  const { open, nodes, update, add, remove, setOpen } = useCapacity();
  const pod = useDocument((s) => s.doc.pod);
  const request = useMemo(() => podRequest(pod), [pod]);
  const fits = useMemo(() => fitNodes(pod, nodes), [pod, nodes]);
  const oneByOne = useMemo(() => scheduleOneByOne(pod, nodes), [pod, nodes]);
  const centre = open ? centreElement() : null;
  if (!open || !centre) return null;
  const unlimited = t('capacity.unlimited');
  const shortText = (s: Shortfall): string =>
    t('capacity.short', {
      // The scheduler's own words ("Insufficient memory") name the resource as Kubernetes spells it.
      resource: s.resource,
      need: amount(s.resource, s.need, unlimited),
      free: amount(s.resource, Math.max(0, s.free), unlimited),
    });
  const fitting = fits.filter((f) => f.fits).map((f) => f.node);
  return createPortal(
    <aside className="capacity-view" aria-label={t('capacity.title')} data-testid="capacity-view">
      <header>
        <h2>{t('capacity.title')}</h2>
        <button
          className="tool"
          aria-label={t('capacity.close')}
          title={t('capacity.close')}
          onClick={() => setOpen(false)}
        >
          ✕
        </button>
      </header>
      <p className="hint">{t('capacity.intro')}</p>
      <h3>{t('capacity.podRequests')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('capacity.container')}</th>
            <th scope="col">{t('capacity.memory')}</th>
            <th scope="col">{t('capacity.cpu')}</th>
          </tr>
        </thead>
        <tbody>
          {request.containers.map((c) => (
            <tr key={`${c.list}/${c.name}`}>
              <td>
                {c.name}
                {c.list === 'initContainers' && (
                  <span className="capacity-tag">{c.sidecar ? t('capacity.tagSidecar') : t('capacity.tagInit')}</span>
                )}
              </td>
              <td>{formatQuantity('memory', c.requests.memory)}</td>
              <td>{formatQuantity('cpu', c.requests.cpu)}</td>
            </tr>
          ))}
          <tr className="capacity-total" data-testid="capacity-total">
            <th scope="row">{t('capacity.total')}</th>
            <td>{formatQuantity('memory', request.total.memory)}</td>
            <td>{formatQuantity('cpu', request.total.cpu)}</td>
          </tr>
        </tbody>
      </table>
      {scheduledResources
        .filter((r) => request.initDominates[r])
        .map((r) => (
          <p key={r} className="hint">
            {t('capacity.initNote', { resource: t(`capacity.${r}`) })}
          </p>
        ))}
      <h3>{t('capacity.nodes')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('capacity.node')}</th>
            <th scope="col">{t('capacity.freeMemory')}</th>
            <th scope="col">{t('capacity.freeCpu')}</th>
            <th scope="col" />
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {nodes.map((n, i) => {
            const fit = fits[i]!;
            return (
              <tr key={i} data-testid={`capacity-node-${i}`} data-fits={fit.fits ? 'true' : 'false'}>
                <td>
                  <input
                    value={n.name}
                    aria-label={t('capacity.nodeName', { n: i + 1 })}
                    onChange={(e) => update(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    value={n.memory}
                    aria-label={`${n.name}: ${t('capacity.freeMemory')}`}
                    onChange={(e) => update(i, { memory: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    value={n.cpu}
                    aria-label={`${n.name}: ${t('capacity.freeCpu')}`}
                    onChange={(e) => update(i, { cpu: e.target.value })}
                  />
                </td>
                <td className={fit.fits ? 'capacity-fits' : 'capacity-no'}>
                  {fit.fits ? `✓ ${t('capacity.fits')}` : `✗ ${t('capacity.doesNotFit')}`}
                  {fit.short.map((s) => (
                    <div key={s.resource} className="hint">
                      {shortText(s)}
                    </div>
                  ))}
                </td>
                <td>
                  <button
                    className="tool"
                    aria-label={t('capacity.removeNode', { name: n.name })}
                    onClick={() => remove(i)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button className="tool" onClick={add}>
        + {t('capacity.addNode')}
      </button>
      <p className="capacity-verdict" data-testid="capacity-verdict">
        {fitting.length > 0
          ? t('capacity.verdictOne', { nodes: fitting.join(', ') })
          : t('capacity.verdictNone', { count: nodes.length })}
      </p>
      <h3>{t('capacity.oneByOne')}</h3>
      <ul className="capacity-one-by-one" data-testid="capacity-one-by-one">
        {oneByOne.placements.map((p) => (
          <li key={p.container}>
            {p.node
              ? t('capacity.placed', { container: p.container, node: p.node })
              : t('capacity.placedNowhere', { container: p.container })}
          </li>
        ))}
        {oneByOne.stranded.map((s) => (
          <li key={`stranded-${s.container}`} className="capacity-stranded">
            {t('capacity.stranded', {
              container: s.container,
              node: oneByOne.anchor ?? '',
              short: s.short.map(shortText).join('; '),
            })}
          </li>
        ))}
        {!oneByOne.split && oneByOne.anchor && (
          <li className="hint">{t('capacity.notSplit', { node: oneByOne.anchor })}</li>
        )}
      </ul>
    </aside>,
    centre,
  );
}
