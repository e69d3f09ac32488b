// The inspector's form for a Service of the design: name, type (and headless), the selector's labels, the ports
// (name, port, targetPort, protocol, nodePort), each field with the Service's problems and their fixes.
import { useTranslation } from 'react-i18next';
import { isServiceNodeId, serviceById, servicesOf, specOf, updateService } from '../../../../shared/design';
import type { KubeObject } from '../../../../shared/manifest';
import { isRecord } from '../../../../shared/model/record';
import { useDocument, type DesignEdit } from '../../store/document';
import { useServiceDiagnostics } from '../../workloads/derived';
import { applyServiceFix } from '../../workloads/problems';
import { Section, setOrDelete, toNumberOrText } from './form';
import { ObjectField, ObjectProblems } from './object-form';
import type { InspectorView } from './views';

const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const protocols = ['TCP', 'UDP', 'SCTP'];

type Port = Record<string, unknown>;

/** Edits the Service at `index` (one undo step per field while typing); a rename keeps the node selected. */
function edit(index: number, field: string, update: (service: KubeObject) => KubeObject): void {
  const store = useDocument.getState();
  store.changeDesign((d: DesignEdit) => ({ ...d, companions: updateService(d.companions, index, update) }), {
    group: `service.${index}.${field}`,
  });
  const after = servicesOf(useDocument.getState().companions).find((s) => s.index === index);
  if (after && !useDocument.getState().selection.includes(after.id)) store.select([after.id]);
}

function withSpecField(service: KubeObject, key: string, value: unknown): KubeObject {
  return { ...service, spec: setOrDelete(specOf(service), key, value) };
}

export function ServiceForm({ id }: { id: string }) {
  const { t } = useTranslation();
  // Two selections of plain values: a ServiceRef object made per call would never compare equal.
  const service = useDocument((s) => serviceById(s.companions, id)?.service);
  const index = useDocument((s) => serviceById(s.companions, id)?.index);
  const diagnostics = useServiceDiagnostics(index);
  if (!service || index === undefined) return null;
  const spec = specOf(service);
  const name = isRecord(service.metadata) && typeof service.metadata.name === 'string' ? service.metadata.name : '';
  const type = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP';
  const selector = Object.entries(isRecord(spec.selector) ? spec.selector : {}).map(
    ([k, v]) => [k, String(v)] as [string, string],
  );
  const ports: Port[] = Array.isArray(spec.ports) ? spec.ports.map((p) => (isRecord(p) ? p : {})) : [];
  const setSelector = (entries: [string, string][]) =>
    edit(index, 'selector', (s) =>
      withSpecField(s, 'selector', entries.length ? Object.fromEntries(entries) : undefined),
    );
  const setPort = (i: number, field: string, value: unknown) =>
    edit(index, `ports[${i}].${field}`, (s) => {
      const list = Array.isArray(specOf(s).ports) ? [...(specOf(s).ports as Port[])] : [];
      list[i] = setOrDelete(list[i] ?? {}, field, value);
      return withSpecField(s, 'ports', list);
    });
  const removePort = (i: number) =>
    edit(index, `ports[${i}].remove`, (s) => {
      const list = (Array.isArray(specOf(s).ports) ? (specOf(s).ports as Port[]) : []).filter((_, j) => j !== i);
      return withSpecField(s, 'ports', list.length ? list : undefined);
    });
  const onFix = (fix: Parameters<typeof applyServiceFix>[1]) => void applyServiceFix(index, fix);
  const unplaced = diagnostics.filter(
    (d) => !/^(metadata\.name|spec\.(type|ports|selector|externalName))/.test(d.path),
  );
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={t('workloads.service.form')}>
      <ObjectField
        label={t('field.name')}
        path="metadata.name"
        value={name}
        diagnostics={diagnostics}
        onChange={(v) =>
          edit(index, 'name', (s) => ({ ...s, metadata: { ...(isRecord(s.metadata) ? s.metadata : {}), name: v } }))
        }
      />
      <div className="form-field">
        <label>
          {t('workloads.service.type')}
          <select
            value={type}
            data-path="spec.type"
            onChange={(e) =>
              edit(index, 'type', (s) =>
                withSpecField(s, 'type', e.target.value === 'ClusterIP' ? undefined : e.target.value),
              )
            }
          >
            {types.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={spec.clusterIP === 'None'}
          onChange={(e) =>
            edit(index, 'clusterIP', (s) => withSpecField(s, 'clusterIP', e.target.checked ? 'None' : undefined))
          }
        />
        {t('workloads.service.headlessField')}
      </label>
      {type === 'ExternalName' && (
        <ObjectField
          label={t('workloads.service.externalName')}
          path="spec.externalName"
          value={typeof spec.externalName === 'string' ? spec.externalName : ''}
          placeholder="db.example.com"
          diagnostics={diagnostics}
          onChange={(v) => edit(index, 'externalName', (s) => withSpecField(s, 'externalName', v))}
        />
      )}
      <ObjectProblems
        diagnostics={diagnostics.filter((d) => d.path === 'spec.type' || d.path.startsWith('spec.clusterIP'))}
        onFix={onFix}
      />
      <Section
        title={t('workloads.service.selector')}
        addLabel={t('field.addLabel')}
        onAdd={() => setSelector([...selector, [`key${selector.length + 1}`, 'value']])}
      >
        {selector.length === 0 && <p className="hint">{t('workloads.service.selectorHint')}</p>}
        {selector.map(([key, value], i) => (
          <div className="row" key={i}>
            <ObjectField
              label={t('field.labelKey')}
              path={`spec.selector.${key}`}
              value={key}
              diagnostics={[]}
              onChange={(v) => setSelector(selector.map((e, j) => (j === i ? [v, e[1]] : e)))}
            />
            <ObjectField
              label={t('field.labelValue')}
              path={`spec.selector.${key}`}
              value={value}
              diagnostics={[]}
              onChange={(v) => setSelector(selector.map((e, j) => (j === i ? [e[0], v] : e)))}
            />
            <button
              type="button"
              className="small remove"
              aria-label={t('field.removeLabel', { name: key })}
              onClick={() => setSelector(selector.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <ObjectProblems diagnostics={diagnostics.filter((d) => d.path.startsWith('spec.selector'))} onFix={onFix} />
      </Section>
      <Section title={t('field.ports')} addLabel={t('field.addPort')} onAdd={() => setPort(ports.length, 'port', 80)}>
        {ports.length === 0 && <p className="hint">{t('workloads.service.portsHint')}</p>}
        {ports.map((port, i) => (
          <div className="service-port-fields" key={i}>
            <div className="row">
              <ObjectField
                label={t('workloads.service.portName')}
                path={`spec.ports[${i}].name`}
                value={typeof port.name === 'string' ? port.name : ''}
                diagnostics={diagnostics}
                onChange={(v) => setPort(i, 'name', v)}
              />
              <ObjectField
                label={t('workloads.service.port')}
                path={`spec.ports[${i}].port`}
                value={port.port === undefined ? '' : String(port.port)}
                diagnostics={diagnostics}
                onChange={(v) => setPort(i, 'port', toNumberOrText(v))}
              />
            </div>
            <div className="row">
              <ObjectField
                label={t('workloads.service.targetPort')}
                path={`spec.ports[${i}].targetPort`}
                value={port.targetPort === undefined ? '' : String(port.targetPort)}
                placeholder={port.port === undefined ? '' : String(port.port)}
                diagnostics={diagnostics}
                testId={`service-target-port-${i}`}
                onChange={(v) => setPort(i, 'targetPort', toNumberOrText(v))}
              />
              <div className="form-field">
                <label>
                  {t('field.protocol')}
                  <select
                    value={typeof port.protocol === 'string' ? port.protocol : 'TCP'}
                    data-path={`spec.ports[${i}].protocol`}
                    onChange={(e) => setPort(i, 'protocol', e.target.value === 'TCP' ? undefined : e.target.value)}
                  >
                    {protocols.map((p) => (
                      <option key={p}>{p}</option>
                    ))}
                  </select>
                </label>
              </div>
            </div>
            {(type === 'NodePort' || type === 'LoadBalancer' || port.nodePort !== undefined) && (
              <ObjectField
                label={t('workloads.service.nodePort')}
                path={`spec.ports[${i}].nodePort`}
                value={port.nodePort === undefined ? '' : String(port.nodePort)}
                placeholder="30000-32767"
                diagnostics={diagnostics}
                onChange={(v) => setPort(i, 'nodePort', toNumberOrText(v))}
              />
            )}
            <ObjectProblems
              diagnostics={diagnostics.filter((d) => d.path.startsWith(`spec.ports[${i}]`))}
              onFix={onFix}
            />
            <button type="button" className="small remove" onClick={() => removePort(i)}>
              {t('workloads.service.removePort', { n: i + 1 })}
            </button>
          </div>
        ))}
        <ObjectProblems diagnostics={diagnostics.filter((d) => d.path === 'spec.ports')} onFix={onFix} />
      </Section>
      <ObjectProblems diagnostics={unplaced} onFix={onFix} />
    </form>
  );
}

/** A Service node of the design (not keyed by id: a rename changes the id, and the name field must keep the focus). */
export const serviceView: InspectorView = ({ id }, t) =>
  isServiceNodeId(id) ? { title: t('workloads.service.title'), body: <ServiceForm id={id} /> } : undefined;
