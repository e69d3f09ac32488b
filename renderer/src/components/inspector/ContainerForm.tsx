// The inspector's container form: name, image, command, ports, env, mounts, resources, probes and securityContext.
import { useTranslation } from 'react-i18next';
import type { Container, ContainerList, Volume } from '../../../../shared/model';
import { unusedContainerPort } from '../../../../shared/design/document';
import { useDocument } from '../../store/document';
import { changeContainer } from './container-edit';
import { Field, fromLines, linesOf, RowProblems, Section, setOrDelete, toNumberOrText } from './form';
import { MountFields } from './MountFields';
import { ProbesSection } from './ProbesSection';
import { SecuritySection } from './SecuritySection';
import type { InspectorView } from './views';

const noVolumes: Volume[] = [];

function ContainerForm({ list, index, container }: { list: ContainerList; index: number; container: Container }) {
  const { t } = useTranslation();
  const volumes = useDocument((s) => s.doc.pod.spec.volumes) ?? noVolumes;
  const base = `spec.${list}[${index}]`;
  const edit = (field: string, update: (c: Container) => Container) =>
    changeContainer(list, index, update, `${base}.${field}`);
  const ports = container.ports ?? [];
  const env = container.env ?? [];
  const mounts = container.volumeMounts ?? [];
  const res = container.resources ?? {};
  const setResource = (kind: 'requests' | 'limits', name: string, value: string) =>
    edit(`resources.${kind}.${name}`, (c) => {
      const group = setOrDelete(c.resources?.[kind] ?? {}, name, value);
      const resources = setOrDelete(c.resources ?? {}, kind, Object.keys(group).length ? group : undefined);
      return setOrDelete(c, 'resources', Object.keys(resources).length ? resources : undefined);
    });
  const editList = <K extends 'ports' | 'env' | 'volumeMounts'>(
    key: K,
    i: number,
    field: string,
    update: (item: NonNullable<Container[K]>[number]) => NonNullable<Container[K]>[number] | undefined,
  ) =>
    edit(`${key}[${i}].${field}`, (c) => {
      const items = [...((c[key] ?? []) as NonNullable<Container[K]>[number][])];
      const next = update(items[i]!);
      if (next === undefined) items.splice(i, 1);
      else items[i] = next;
      return setOrDelete(c, key, items.length ? items : undefined);
    });

  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={t('inspector.containerForm')}>
      <Field
        label={t('field.name')}
        path={`${base}.name`}
        exact
        value={container.name ?? ''}
        onChange={(v) => edit('name', (c) => ({ ...c, name: v }))}
      />
      <Field
        label={t('field.image')}
        path={`${base}.image`}
        exact
        value={container.image ?? ''}
        placeholder="nginx:1.27"
        onChange={(v) => edit('image', (c) => setOrDelete(c, 'image', v))}
      />
      <Field
        label={t('field.command')}
        path={`${base}.command`}
        multiline
        value={linesOf(container.command)}
        placeholder={t('field.onePerLine')}
        onChange={(v) => edit('command', (c) => setOrDelete(c, 'command', fromLines(v)))}
      />
      <Field
        label={t('field.args')}
        path={`${base}.args`}
        multiline
        value={linesOf(container.args)}
        placeholder={t('field.onePerLine')}
        onChange={(v) => edit('args', (c) => setOrDelete(c, 'args', fromLines(v)))}
      />
      <Section
        title={t('field.ports')}
        addLabel={t('field.addPort')}
        onAdd={() => {
          const containerPort = unusedContainerPort(useDocument.getState().doc.pod);
          edit('ports', (c) => ({ ...c, ports: [...(c.ports ?? []), { containerPort }] }));
        }}
      >
        {ports.map((port, i) => (
          <div className="row" key={i}>
            <Field
              label={t('field.portName')}
              path={`${base}.ports[${i}].name`}
              exact
              value={port.name ?? ''}
              onChange={(v) => editList('ports', i, 'name', (p) => setOrDelete(p, 'name', v))}
            />
            <Field
              label={t('field.containerPort')}
              path={`${base}.ports[${i}].containerPort`}
              exact
              value={String(port.containerPort ?? '')}
              onChange={(v) =>
                editList('ports', i, 'containerPort', (p) => setOrDelete(p, 'containerPort', toNumberOrText(v)))
              }
            />
            <Field
              label={t('field.hostPort')}
              path={`${base}.ports[${i}].hostPort`}
              exact
              value={String(port.hostPort ?? '')}
              onChange={(v) => editList('ports', i, 'hostPort', (p) => setOrDelete(p, 'hostPort', toNumberOrText(v)))}
            />
            <div className="form-field">
              <label>
                {t('field.protocol')}
                <select
                  value={port.protocol ?? 'TCP'}
                  onChange={(e) =>
                    editList('ports', i, 'protocol', (p) =>
                      setOrDelete(p, 'protocol', e.target.value === 'TCP' ? undefined : e.target.value),
                    )
                  }
                >
                  <option>TCP</option>
                  <option>UDP</option>
                  <option>SCTP</option>
                </select>
              </label>
            </div>
            <button
              className="small remove"
              aria-label={t('field.removePort', { n: i + 1 })}
              onClick={() => editList('ports', i, 'remove', () => undefined)}
            >
              ×
            </button>
            <RowProblems path={`${base}.ports[${i}]`} />
          </div>
        ))}
      </Section>
      <Section
        title={t('field.env')}
        addLabel={t('field.addEnv')}
        onAdd={() =>
          edit('env', (c) => ({
            ...c,
            env: [...(c.env ?? []), { name: `VAR_${(c.env?.length ?? 0) + 1}`, value: '' }],
          }))
        }
      >
        {env.map((v, i) => (
          <div className="row" key={i}>
            <Field
              label={t('field.envName')}
              path={`${base}.env[${i}].name`}
              exact
              value={v.name ?? ''}
              onChange={(x) => editList('env', i, 'name', (e) => ({ ...e, name: x }))}
            />
            <Field
              label={t('field.envValue')}
              path={`${base}.env[${i}].value`}
              exact
              value={v.value ?? ''}
              onChange={(x) => editList('env', i, 'value', (e) => ({ ...e, value: x }))}
            />
            <button
              className="small remove"
              aria-label={t('field.removeEnv', { name: v.name })}
              onClick={() => editList('env', i, 'remove', () => undefined)}
            >
              ×
            </button>
            <RowProblems path={`${base}.env[${i}]`} />
          </div>
        ))}
      </Section>
      <Section title={t('field.mounts')}>
        {mounts.length === 0 && <p className="hint">{t('field.noMounts')}</p>}
        {mounts.map((m, i) => (
          <MountFields
            key={i}
            base={`${base}.volumeMounts[${i}]`}
            mount={m}
            volumes={volumes}
            onChange={(next) => editList('volumeMounts', i, 'mount', () => next)}
          />
        ))}
      </Section>
      <Section title={t('field.resources')}>
        <div className="row">
          <Field
            label={t('field.cpuRequest')}
            path={`${base}.resources.requests.cpu`}
            value={String(res.requests?.cpu ?? '')}
            placeholder="250m"
            onChange={(v) => setResource('requests', 'cpu', v)}
          />
          <Field
            label={t('field.cpuLimit')}
            path={`${base}.resources.limits.cpu`}
            value={String(res.limits?.cpu ?? '')}
            placeholder="1"
            onChange={(v) => setResource('limits', 'cpu', v)}
          />
        </div>
        <div className="row">
          <Field
            label={t('field.memoryRequest')}
            path={`${base}.resources.requests.memory`}
            value={String(res.requests?.memory ?? '')}
            placeholder="128Mi"
            onChange={(v) => setResource('requests', 'memory', v)}
          />
          <Field
            label={t('field.memoryLimit')}
            path={`${base}.resources.limits.memory`}
            value={String(res.limits?.memory ?? '')}
            placeholder="256Mi"
            onChange={(v) => setResource('limits', 'memory', v)}
          />
        </div>
      </Section>
      {/* Kubernetes refuses probes on an init container unless it is a sidecar (restartPolicy Always). */}
      {(list === 'containers' || container.restartPolicy === 'Always') && (
        <ProbesSection base={base} container={container} edit={edit} />
      )}
      <SecuritySection base={base} container={container} edit={edit} />
    </form>
  );
}

/** A container node: titled by its role (app, init, sidecar). */
export const containerView: InspectorView = ({ id, doc, graph }, t) => {
  const node = graph.byId.get(id);
  if (node?.kind !== 'container') return undefined;
  const container = doc.pod.spec[node.list]?.[node.index];
  // Keyed by the container's place, not its node id: the id is made from the name, so a key by id remounted the form
  // on every letter typed into the name and took the focus away.
  return {
    title: t(`role.${node.role}`),
    body: container ? (
      <ContainerForm key={`${node.list}[${node.index}]`} list={node.list} index={node.index} container={container} />
    ) : null,
  };
};
