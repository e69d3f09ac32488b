// The inspector's volume mount fields: shown inside the container form for each mount, and alone for a selected mount edge.
import { useTranslation } from 'react-i18next';
import type { Volume, VolumeMount } from '../../../../shared/model';
import { changeContainer } from './container-edit';
import { Field, setOrDelete } from './form';
import type { InspectorView } from './views';

export function MountFields({
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

/** A mount edge (container → volume): the same fields, editing that mount in its container. */
export const mountView: InspectorView = ({ id, doc, graph }, t) => {
  const edge = graph.edges.find((e) => e.id === id);
  if (edge?.kind !== 'mount') return undefined;
  const mount = doc.pod.spec[edge.list]?.[edge.index]?.volumeMounts?.[edge.mountIndex];
  return {
    title: t('inspector.mount'),
    body: mount ? (
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
    ) : null,
  };
};
