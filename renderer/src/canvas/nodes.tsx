// Custom React Flow nodes: small views that read their container, volume or namespace by id from the document store.
// A node of a Pod that is not the active one carries that Pod's prefix in its id (splitPodNodeId) and reads that Pod.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../shared/rules';
import { replicaCount, splitPodNodeId, volumeKindOf } from '../../../shared/design';
import { graphAt, podAt, useDocument } from '../store/document';
import { podDiagnosticsAt, useWithDiagnostics } from '../store/diagnostics';
import { ContainerRunStatus, PodRunPhase } from '../run/ContainerRunStatus';
import { useRun } from '../run/store';
import { PodGroupTag } from './PodGroupTag';
import { Badge } from './Badge';
import { DeploymentTag } from '../workloads/DeploymentTag';
import { useVerdictAt } from '../kube/verdict';

const noDiagnostics: Diagnostic[] = [];

/** The Pod a canvas id belongs to (undefined: the active Pod) and the node's own id in it. */
function usePodNode(id: string): { pod: number | undefined; local: string } {
  return useMemo(() => splitPodNodeId(id), [id]);
}

/**
 * Whether this node shows run status: only the active Pod's nodes do, and with several Pods only while the Pod the run
 * bar follows is the active one (a Pod started before switching must not lend its status to another's containers).
 */
function useShowsRun(pod: number | undefined): boolean {
  const activeName = useDocument((s) => (s.others.length === 0 ? undefined : (s.doc.pod.metadata?.name ?? '')));
  const runName = useRun((s) => s.pinned?.name ?? s.snapshot?.name);
  return pod === undefined && (activeName === undefined || runName === undefined || runName === activeName);
}

function useNodeDiagnostics(id: string): Diagnostic[] {
  const { pod, local } = usePodNode(id);
  const rules = useWithDiagnostics((s) => podDiagnosticsAt(s, pod).byNode.get(local) ?? noDiagnostics);
  // A cluster's dry-run verdict marks the node its field is about, beside the rules (issue 18).
  const verdict = useVerdictAt(local, pod);
  return useMemo(() => (verdict.length === 0 ? rules : [...rules, ...verdict]), [rules, verdict]);
}

/**
 * This container's clashing port indexes as a string (" 0  2 "), so the node redraws when its own clashes change, not
 * whenever any port anywhere starts or stops clashing.
 */
function useClashingPorts(id: string): string {
  const { pod, local } = usePodNode(id);
  return useWithDiagnostics((s) => {
    const n = graphAt(s, pod)?.byId.get(local);
    if (n?.kind !== 'container') return '';
    const ports = podAt(s, pod)?.pod.spec[n.list]?.[n.index]?.ports;
    if (!Array.isArray(ports)) return '';
    const clashing = podDiagnosticsAt(s, pod).clashingPorts;
    if (clashing.size === 0) return '';
    let out = '';
    for (let i = 0; i < ports.length; i++) if (clashing.has(`spec.${n.list}[${n.index}].ports[${i}]`)) out += ` ${i} `;
    return out;
  });
}

export const ContainerNode = memo(function ContainerNode({ id, selected }: NodeProps) {
  const { t } = useTranslation();
  const { pod, local } = usePodNode(id);
  const node = useDocument((s) => graphAt(s, pod)?.byId.get(local));
  const container = useDocument((s) => {
    const n = graphAt(s, pod)?.byId.get(local);
    return n?.kind === 'container' ? podAt(s, pod)?.pod.spec[n.list]?.[n.index] : undefined;
  });
  const clashing = useClashingPorts(id);
  const diagnostics = useNodeDiagnostics(id);
  const showsRun = useShowsRun(pod);
  if (node?.kind !== 'container' || !container) return null;
  return (
    <div
      className={`pw-node container-node role-${node.role}${selected ? ' selected' : ''}`}
      data-testid={`node-${id}`}
      aria-label={t('canvas.containerNode', { name: node.name, role: t(`role.${node.role}`) })}
    >
      <Handle type="source" position={Position.Top} id="ns" />
      <div className="node-head">
        <span className="node-icon" aria-hidden="true">
          {node.role === 'app' ? '▣' : node.role === 'sidecar' ? '◧' : '◔'}
        </span>
        <strong className="node-name">{node.name || t('canvas.unnamed')}</strong>
        <span className="role-tag">{t(`role.${node.role}`)}</span>
        <Badge diagnostics={diagnostics} />
      </div>
      <div className={container.image ? 'node-image' : 'node-image missing'}>
        {container.image || t('canvas.noImage')}
      </div>
      {Array.isArray(container.ports) && container.ports.length > 0 && (
        <div className="ports">
          {container.ports.map((port, i) => {
            const clash = clashing.includes(` ${i} `);
            return (
              <span
                key={i}
                className={clash ? 'port clash' : 'port'}
                data-testid="port-badge"
                data-clash={clash ? 'true' : 'false'}
                data-port-name={port.name}
                title={clash ? t('canvas.portClash') : port.name}
              >
                {/* Where a Service's port edge lands, and where dragging a connection to a Service may start. */}
                <Handle type="target" position={Position.Left} id={`port-${i}`} className="port-handle" />
                {/* A named port reads as its name and number (`http 8080`), as kubectl shows it: Services refer to it so. */}
                {typeof port.name === 'string' && port.name !== '' && <span className="port-name">{port.name} </span>}
                {port.containerPort}
                {port.protocol && port.protocol !== 'TCP' ? `/${port.protocol}` : ''}
                {port.hostPort ? ` → ${t('canvas.host')} ${port.hostPort}` : ''}
              </span>
            );
          })}
        </div>
      )}
      {showsRun && <ContainerRunStatus name={node.name} />}
      <Handle type="source" position={Position.Bottom} id="mounts" />
    </div>
  );
});

export const VolumeNode = memo(function VolumeNode({ id, selected }: NodeProps) {
  const { t } = useTranslation();
  const { pod, local } = usePodNode(id);
  const volume = useDocument((s) => {
    const n = graphAt(s, pod)?.byId.get(local);
    return n?.kind === 'volume' ? podAt(s, pod)?.pod.spec.volumes?.[n.index] : undefined;
  });
  const diagnostics = useNodeDiagnostics(id);
  if (!volume) return null;
  const kind = volumeKindOf(volume);
  return (
    <div
      className={`pw-node volume-node${selected ? ' selected' : ''}`}
      data-testid={`node-${id}`}
      aria-label={t('canvas.volumeNode', { name: volume.name })}
    >
      <Handle type="target" position={Position.Top} id="in" />
      <div className="node-head">
        <span className="node-icon" aria-hidden="true">
          ⛁
        </span>
        <strong className="node-name">{volume.name || t('canvas.unnamed')}</strong>
        <Badge diagnostics={diagnostics} />
      </div>
      <div className="node-image">{t(`volumeKind.${kind}`)}</div>
    </div>
  );
});

export const NamespaceNode = memo(function NamespaceNode({ id, selected }: NodeProps) {
  const { t } = useTranslation();
  const { pod, local } = usePodNode(id);
  const node = useDocument((s) => graphAt(s, pod)?.byId.get(local));
  const diagnostics = useNodeDiagnostics(id);
  if (node?.kind !== 'namespace') return null;
  return (
    <div
      className={`pw-node namespace-node ns-${node.namespace}${selected ? ' selected' : ''}`}
      data-testid={`node-${id}`}
      aria-label={t(`namespace.${node.namespace}`)}
      title={t(`namespace.${node.namespace}Hint`)}
    >
      <div className="node-head">
        <span className="node-icon" aria-hidden="true">
          ◎
        </span>
        <strong className="node-name">{t(`namespace.${node.namespace}`)}</strong>
        <Badge diagnostics={diagnostics} />
      </div>
      <div className="node-image">{t(`namespace.${node.namespace}Hint`)}</div>
      <Handle type="target" position={Position.Bottom} id="in" />
    </div>
  );
});

export const PodNode = memo(function PodNode({ id, selected }: NodeProps) {
  const { t } = useTranslation();
  const { pod } = usePodNode(id);
  const name = useDocument((s) => podAt(s, pod)?.pod.metadata?.name);
  const several = useDocument((s) => s.others.length > 0);
  const diagnostics = useNodeDiagnostics(id);
  const showsRun = useShowsRun(pod);
  const place = several ? (pod === undefined ? ' active-pod' : ' other-pod') : '';
  // A Deployment of several replicas is drawn as a stack of copies (workloads.css).
  const stack = useDocument((s) => {
    const doc = podAt(s, pod);
    const replicas = doc?.workload ? replicaCount(doc) : undefined;
    return replicas === undefined ? '' : replicas > 1 ? ' deployment stacked' : ' deployment';
  });
  return (
    <div
      className={`pod-group${selected ? ' selected' : ''}${place}${stack}`}
      data-testid={`node-${id}`}
      aria-label={t('canvas.podNode', { name })}
    >
      <Handle type="target" position={Position.Left} id="selector" className="selector-handle" isConnectable={false} />
      <div className="pod-title">
        <span>{t('canvas.pod')}</span> <strong>{name || t('canvas.unnamed')}</strong>
        <Badge diagnostics={diagnostics} />
        <DeploymentTag pod={pod} />
        {several && <PodGroupTag pod={pod} />}
        {showsRun && <PodRunPhase />}
      </div>
    </div>
  );
});

export const nodeTypes = { container: ContainerNode, volume: VolumeNode, namespace: NamespaceNode, pod: PodNode };
