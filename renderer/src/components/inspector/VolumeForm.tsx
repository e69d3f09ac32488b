// The inspector's volume form: the name, what kind of volume it is, and its source (path, ConfigMap, Secret, claim).
import { useTranslation } from 'react-i18next';
import type { Volume } from '../../../../shared/model';
import { buildGraph, updateVolume, volumeKindOf } from '../../../../shared/design';
import { useDocument } from '../../store/document';
import { Field, setOrDelete } from './form';
import type { InspectorView } from './views';

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

export const volumeView: InspectorView = ({ id, doc, graph }, t) => {
  const node = graph.byId.get(id);
  if (node?.kind !== 'volume') return undefined;
  const volume = doc.pod.spec.volumes?.[node.index];
  return { title: t('inspector.volume'), body: volume ? <VolumeForm index={node.index} volume={volume} /> : null };
};
