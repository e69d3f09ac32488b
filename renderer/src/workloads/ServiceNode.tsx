// A Service on the canvas: its name and type, its selector, and one row per port (port → targetPort) with a handle to
// drag to a container port; the last row's handle makes a new port. Reads its Service by id from the store.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceById, servicePorts, specOf } from '../../../shared/design';
import { labelText } from '../../../shared/rules/workloads/label-text';
import { Badge } from '../canvas/Badge';
import { useDocument } from '../store/document';
import { useServiceDiagnostics } from './derived';
import './workloads.css';

export const ServiceNode = memo(function ServiceNode({ id, selected }: NodeProps) {
  const { t } = useTranslation();
  const service = useDocument((s) => serviceById(s.companions, id)?.service);
  const index = useDocument((s) => serviceById(s.companions, id)?.index);
  const diagnostics = useServiceDiagnostics(index);
  if (!service) return null;
  const spec = specOf(service);
  const name =
    typeof (service.metadata as { name?: unknown } | undefined)?.name === 'string'
      ? (service.metadata as { name: string }).name
      : '';
  const type = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP';
  const headless = spec.clusterIP === 'None';
  const selector =
    spec.selector && typeof spec.selector === 'object' ? labelText(spec.selector as Record<string, string>) : '';
  const ports = servicePorts(service);
  return (
    <div className={`pw-node service-node${selected ? ' selected' : ''}`} data-testid={`node-${id}`}>
      <div className="node-head service-head">
        <span className="node-icon" aria-hidden="true">
          ⇄
        </span>
        <strong className="node-name">{name || t('canvas.unnamed')}</strong>
        <span className="role-tag">{headless ? t('workloads.service.headless') : type}</span>
        <Badge diagnostics={diagnostics} />
        <Handle
          type="source"
          position={Position.Right}
          id="selector"
          className="service-handle"
          isConnectable={false}
        />
      </div>
      <div className={selector ? 'service-selector' : 'service-selector missing'} data-testid="service-selector">
        {selector ? t('workloads.service.selects', { labels: selector }) : t('workloads.service.noSelector')}
      </div>
      <ul className="service-ports">
        {ports.map((p) => (
          <li key={p.index} className="service-port" data-testid="service-port">
            <span>
              {p.name ? `${p.name} ` : ''}
              {String(p.port ?? '?')}
              {p.protocol !== 'TCP' ? `/${p.protocol}` : ''} → {String(p.targetPort ?? '?')}
            </span>
            <Handle
              type="source"
              position={Position.Right}
              id={`port-${p.index}`}
              className="service-handle port-handle"
            />
          </li>
        ))}
        <li className="service-port new-port" data-testid="service-new-port">
          <span>{t('workloads.service.dragToPort')}</span>
          <Handle type="source" position={Position.Right} id="new" className="service-handle port-handle" />
        </li>
      </ul>
    </div>
  );
});
