// A container node on a cluster: one dot per replica (its state, with the kubelet's or the scheduler's words on
// hover), so each replica's way from Pending to Running shows on the canvas; and the container's ports as links
// forwarded to 127.0.0.1.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../run/store';
// The cluster's styles stay with the first screen (the log panel's replica prefixes use them too); the bar loads later.
import './kube.css';

interface Dot {
  replica: string;
  state: 'running' | 'waiting' | 'terminated';
  reason: string;
  message?: string;
  ready: boolean;
}

/** This container in each replica, serialised so a node re-renders only when its own dots change. */
function useDots(name: string): Dot[] {
  const text = useRun((s) => {
    const replicas = s.snapshot?.replicas;
    if (!replicas || !s.snapshot?.workload) return '';
    const dots: Dot[] = replicas
      .filter((r) => !r.terminating)
      .map((r) => {
        const c = r.containers.find((x) => x.name === name);
        const st = c?.state;
        return {
          replica: r.name,
          state: st?.state ?? 'waiting',
          reason: st?.state === 'waiting' || st?.state === 'terminated' ? st.reason : 'Running',
          ...(st && 'message' in st && st.message ? { message: st.message } : {}),
          ready: c?.ready === true,
        };
      });
    return JSON.stringify(dots);
  });
  return text ? (JSON.parse(text) as Dot[]) : [];
}

export const ReplicaDots = memo(function ReplicaDots({ name }: { name: string }) {
  const { t } = useTranslation();
  const dots = useDots(name);
  if (dots.length === 0) return null;
  return (
    <span className="kube-replicas-dots" data-testid="replica-dots" aria-label={t('kube.replica')}>
      {dots.map((d) => (
        <span
          key={d.replica}
          className={`kube-dot dot-${d.state}${d.ready ? ' ready' : ''}`}
          data-testid="replica-dot"
          data-replica={d.replica}
          data-state={d.state}
          data-reason={d.reason}
          title={t('kube.replicaState', { replica: d.replica, state: d.message ? `${d.reason}: ${d.message}` : d.reason })}
        />
      ))}
    </span>
  );
});

/** The container's ports forwarded to 127.0.0.1 (a cluster's replicas publish no host ports). */
export function useForwards(name: string): { localPort: number; containerPort: number }[] {
  const text = useRun((s) =>
    (s.snapshot?.forwards ?? [])
      .filter((f) => f.container === name)
      .map((f) => `${f.localPort}:${f.containerPort}`)
      .join(','),
  );
  return text ? text.split(',').map((p) => ({ localPort: Number(p.split(':')[0]), containerPort: Number(p.split(':')[1]) })) : [];
}

export function ForwardLinks({ name }: { name: string }) {
  const { t } = useTranslation();
  const forwards = useForwards(name);
  return (
    <>
      {forwards.map((f) => (
        <a
          key={f.localPort}
          className="run-port nodrag"
          href={`http://127.0.0.1:${f.localPort}/`}
          target="_blank"
          rel="noopener noreferrer"
          title={t('kube.forward', { port: f.localPort, container: name, containerPort: f.containerPort })}
          data-testid="run-port-link"
        >
          ↗ {f.localPort}
        </a>
      ))}
    </>
  );
}
