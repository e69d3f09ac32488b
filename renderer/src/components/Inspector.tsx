// The right-hand inspector: forms for the selected Pod, container, volume, mount or namespace, checked inline by the rules.
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Container, ContainerList, Pod, Volume, VolumeMount } from '../../../shared/model';
import { buildGraph, updateContainer, updateVolume, volumeKindOf, type CanvasDocument } from '../../../shared/design';
import { graphOf, useDocument } from '../store/document';
import { Field, RowProblems, Section, setOrDelete } from './inspector/form';
import { ProbesSection } from './inspector/ProbesSection';
import { SecuritySection } from './inspector/SecuritySection';
import { PodSharingField } from '../workshop/overlay/PodSharingField';
import { isServiceNodeId } from '../../../shared/design';
import { DeploymentSection } from './inspector/DeploymentSection';
import { ServiceForm } from './inspector/ServiceForm';

const noVolumes: Volume[] = [];

const lines = (value: string[] | undefined): string => (value ?? []).join('\n');
const fromLines = (text: string): string[] | undefined => {
  const out = text.split('\n');
  return text === '' ? undefined : out;
};

function toPort(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) ? n : text;
}

/** Edits one container; a rename moves the selection to the renamed node. */
function changeContainer(
  list: ContainerList,
  index: number,
  update: (c: Container) => Container,
  group: string,
  follow = true,
): void {
  const store = useDocument.getState();
  store.change((doc) => updateContainer(doc, list, index, update), { group });
  if (!follow) return;
  const after = buildGraph(useDocument.getState().doc).nodes.find(
    (n) => n.kind === 'container' && n.list === list && n.index === index,
  );
  if (after && !useDocument.getState().selection.includes(after.id)) store.select([after.id]);
}

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
        value={lines(container.command)}
        placeholder={t('field.onePerLine')}
        onChange={(v) => edit('command', (c) => setOrDelete(c, 'command', fromLines(v)))}
      />
      <Field
        label={t('field.args')}
        path={`${base}.args`}
        multiline
        value={lines(container.args)}
        placeholder={t('field.onePerLine')}
        onChange={(v) => edit('args', (c) => setOrDelete(c, 'args', fromLines(v)))}
      />
      <Section
        title={t('field.ports')}
        addLabel={t('field.addPort')}
        onAdd={() => edit('ports', (c) => ({ ...c, ports: [...(c.ports ?? []), { containerPort: 8080 }] }))}
      >
        {ports.map((port, i) => (
          <div className="row" key={i}>
            <Field
              label={t('field.containerPort')}
              path={`${base}.ports[${i}].containerPort`}
              exact
              value={String(port.containerPort ?? '')}
              onChange={(v) => editList('ports', i, 'containerPort', (p) => setOrDelete(p, 'containerPort', toPort(v)))}
            />
            <Field
              label={t('field.hostPort')}
              path={`${base}.ports[${i}].hostPort`}
              exact
              value={String(port.hostPort ?? '')}
              onChange={(v) => editList('ports', i, 'hostPort', (p) => setOrDelete(p, 'hostPort', toPort(v)))}
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

function MountFields({
  base,
  mount,
  volumes,
  onChange,
}: {
  base: string;
  mount: VolumeMount;
  volumes: Volume[];
  onChange: (m: VolumeMount | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="mount">
      <div className="form-field">
        <label>
          {t('field.volume')}
          <select
            value={mount.name}
            onChange={(e) => onChange({ ...mount, name: e.target.value })}
            data-path={`${base}.name`}
          >
            {!volumes.some((v) => v.name === mount.name) && <option value={mount.name}>{mount.name}</option>}
            {volumes.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Field
        label={t('field.mountPath')}
        path={`${base}.mountPath`}
        exact
        value={mount.mountPath ?? ''}
        onChange={(v) => onChange({ ...mount, mountPath: v })}
      />
      <Field
        label={t('field.subPath')}
        path={`${base}.subPath`}
        exact
        value={mount.subPath ?? ''}
        onChange={(v) => onChange(setOrDelete(mount, 'subPath', v))}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={mount.readOnly === true}
          onChange={(e) => onChange(setOrDelete(mount, 'readOnly', e.target.checked ? true : undefined))}
        />
        {t('field.readOnly')}
      </label>
      <button className="small remove" onClick={() => onChange(undefined)}>
        {t('field.removeMount')}
      </button>
    </div>
  );
}

const volumeSourceField: Record<string, [string, string]> = {
  hostPath: ['hostPath', 'path'],
  configMap: ['configMap', 'name'],
  secret: ['secret', 'secretName'],
  persistentVolumeClaim: ['persistentVolumeClaim', 'claimName'],
  emptyDir: ['emptyDir', 'medium'],
};

function VolumeForm({ index, volume }: { index: number; volume: Volume }) {
  const { t } = useTranslation();
  const base = `spec.volumes[${index}]`;
  const kind = volumeKindOf(volume);
  const edit = (field: string, update: (v: Volume) => Volume) => {
    const store = useDocument.getState();
    store.change((doc) => updateVolume(doc, index, update), { group: `${base}.${field}` });
    const after = buildGraph(useDocument.getState().doc).nodes.find((n) => n.kind === 'volume' && n.index === index);
    if (after) store.select([after.id]);
  };
  const source = volumeSourceField[kind];
  const sourceValue = source ? (volume[source[0]] as Record<string, unknown> | undefined)?.[source[1]] : undefined;
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={t('inspector.volumeForm')}>
      <Field
        label={t('field.name')}
        path={`${base}.name`}
        exact
        value={volume.name ?? ''}
        onChange={(v) => edit('name', (x) => ({ ...x, name: v }))}
      />
      <p className="hint">{t(`volumeKind.${kind}`)}</p>
      {source && (
        <Field
          label={t(`field.source.${kind}`)}
          path={`${base}.${source[0]}`}
          value={typeof sourceValue === 'string' ? sourceValue : ''}
          onChange={(v) =>
            edit(source[0], (x) => ({ ...x, [source[0]]: setOrDelete((x[source[0]] as object) ?? {}, source[1], v) }))
          }
        />
      )}
    </form>
  );
}

function PodForm({ pod, doc }: { pod: Pod; doc: CanvasDocument }) {
  const { t } = useTranslation();
  const change = (field: string, update: (doc: CanvasDocument) => CanvasDocument) =>
    useDocument.getState().change(update, { group: `pod.${field}` });
  const labels = Object.entries(pod.metadata?.labels ?? {});
  const setLabels = (entries: [string, string][]) =>
    change('labels', (doc) => ({
      ...doc,
      pod: {
        ...doc.pod,
        metadata: setOrDelete(
          doc.pod.metadata ?? {},
          'labels',
          entries.length ? Object.fromEntries(entries) : undefined,
        ),
      },
    }));
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={t('inspector.podForm')}>
      <Field
        label={t('field.podName')}
        path="metadata.name"
        exact
        value={pod.metadata?.name ?? ''}
        onChange={(v) =>
          change('name', (doc) => ({ ...doc, pod: { ...doc.pod, metadata: { ...doc.pod.metadata, name: v } } }))
        }
      />
      <div className="form-field">
        <label>
          {t('field.restartPolicy')}
          <select
            value={pod.spec.restartPolicy ?? 'Always'}
            data-path="spec.restartPolicy"
            onChange={(e) =>
              change('restartPolicy', (doc) => ({
                ...doc,
                pod: {
                  ...doc.pod,
                  spec: setOrDelete(
                    doc.pod.spec,
                    'restartPolicy',
                    e.target.value === 'Always' ? undefined : e.target.value,
                  ),
                },
              }))
            }
          >
            <option value="Always">Always</option>
            <option value="OnFailure">OnFailure</option>
            <option value="Never">Never</option>
          </select>
        </label>
      </div>
      <PodSharingField pod={pod} />
      <DeploymentSection doc={doc} />
      <Section
        title={t('field.labels')}
        addLabel={t('field.addLabel')}
        onAdd={() => setLabels([...labels, [`key${labels.length + 1}`, 'value']])}
      >
        {labels.map(([key, value], i) => (
          <div className="row" key={i}>
            <Field
              label={t('field.labelKey')}
              path={`metadata.labels.${key}`}
              exact
              value={key}
              onChange={(v) => setLabels(labels.map((e, j) => (j === i ? [v, e[1]] : e)))}
            />
            <Field
              label={t('field.labelValue')}
              path={`metadata.labels.${key}`}
              exact
              value={value}
              onChange={(v) => setLabels(labels.map((e, j) => (j === i ? [e[0], v] : e)))}
            />
            <button
              className="small remove"
              aria-label={t('field.removeLabel', { name: key })}
              onClick={() => setLabels(labels.filter((_, j) => j !== i))}
            >
              ×
            </button>
            {/* Exact: a label "app" must not show the problems of "app.kubernetes.io/name". */}
            <RowProblems path={`metadata.labels.${key}`} exact />
          </div>
        ))}
      </Section>
    </form>
  );
}

export function Inspector() {
  const { t } = useTranslation();
  const selection = useDocument((s) => s.selection);
  const doc = useDocument((s) => s.doc);
  const graph = graphOf(doc);
  const id = selection.length === 1 ? selection[0]! : selection.length === 0 ? 'pod' : undefined;
  let body: ReactNode;
  let title = t('inspector.title');
  if (id === undefined) {
    body = <p className="hint">{t('inspector.many', { count: selection.length })}</p>;
  } else if (id === 'pod') {
    title = t('inspector.pod');
    body = <PodForm pod={doc.pod} doc={doc} />;
  } else if (isServiceNodeId(id)) {
    title = t('workloads.service.title');
    // Not keyed by id: a rename changes the id, and the name field must keep the focus while typing.
    body = <ServiceForm id={id} />;
  } else {
    const node = graph.byId.get(id);
    if (node?.kind === 'container') {
      const container = doc.pod.spec[node.list]?.[node.index];
      title = t(`role.${node.role}`);
      body = container ? <ContainerForm key={id} list={node.list} index={node.index} container={container} /> : null;
    } else if (node?.kind === 'volume') {
      const volume = doc.pod.spec.volumes?.[node.index];
      title = t('inspector.volume');
      body = volume ? <VolumeForm index={node.index} volume={volume} /> : null;
    } else if (node?.kind === 'namespace') {
      title = t(`namespace.${node.namespace}`);
      body = <p className="hint">{t(`namespace.${node.namespace}Explain`)}</p>;
    } else {
      const edge = graph.edges.find((e) => e.id === id);
      if (edge?.kind === 'mount') {
        const mount = doc.pod.spec[edge.list]?.[edge.index]?.volumeMounts?.[edge.mountIndex];
        title = t('inspector.mount');
        body = mount ? (
          <MountFields
            base={`spec.${edge.list}[${edge.index}].volumeMounts[${edge.mountIndex}]`}
            mount={mount}
            volumes={doc.pod.spec.volumes ?? []}
            onChange={(next) =>
              changeContainer(
                edge.list,
                edge.index,
                (c) => {
                  const items = [...(c.volumeMounts ?? [])];
                  if (next) items[edge.mountIndex] = next;
                  else items.splice(edge.mountIndex, 1);
                  return setOrDelete(c, 'volumeMounts', items.length ? items : undefined);
                },
                `mount.${edge.id}`,
                false,
              )
            }
          />
        ) : null;
      } else if (edge) {
        title = t(`namespace.${edge.namespace}`);
        body = <p className="hint">{t(`namespace.${edge.namespace}Explain`)}</p>;
      } else body = <p className="hint">{t('inspector.nothing')}</p>;
    }
  }
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      <h2>{title}</h2>
      {body}
    </aside>
  );
}
