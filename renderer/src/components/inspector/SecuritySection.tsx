// The inspector's securityContext basics for one container: user and group, root and privilege switches, capabilities.
import { useTranslation } from 'react-i18next';
import type { Container, SecurityContext } from '../../../../shared/model';
import { diagnosticsOf, useWithDiagnostics } from '../../store/diagnostics';
import { Field, fromLines, linesOf, Problems, Section, setOrDelete, toNumberOrText, TriState } from './form';
import type { EditContainer } from './ProbesSection';
import './inspector.css';

const switches = ['runAsNonRoot', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation'] as const;

/** `container` with `update` applied to its securityContext; an empty one is removed, not left as `{}`. */
export function withSecurity(container: Container, update: (sc: SecurityContext) => SecurityContext): Container {
  const next = update(container.securityContext ?? {});
  const caps = next.capabilities;
  const tidy = caps && Object.keys(caps).length === 0 ? setOrDelete(next, 'capabilities', undefined) : next;
  return setOrDelete(container, 'securityContext', Object.keys(tidy).length ? tidy : undefined);
}

export function SecuritySection({
  base,
  container,
  edit,
}: {
  base: string;
  container: Container;
  edit: EditContainer;
}) {
  const { t } = useTranslation();
  const sc = container.securityContext ?? {};
  const path = `${base}.securityContext`;
  const all = useWithDiagnostics((st) => diagnosticsOf(st.doc).all);
  const set = (field: string, update: (sc: SecurityContext) => SecurityContext) =>
    edit(`securityContext.${field}`, (c) => withSecurity(c, update));
  const setCaps = (which: 'add' | 'drop', text: string) =>
    set(`capabilities.${which}`, (s) => ({
      ...s,
      capabilities: setOrDelete(s.capabilities ?? {}, which, fromLines(text)),
    }));
  return (
    <Section title={t('securityContext.title')}>
      {/* Conflicts between fields are reported on the whole securityContext. */}
      <div className="section-problems">
        <Problems diagnostics={all.filter((d) => d.path === path)} />
      </div>
      <div className="row security-ids">
        <Field
          label={t('securityContext.runAsUser')}
          path={`${path}.runAsUser`}
          exact
          value={String(sc.runAsUser ?? '')}
          placeholder="1000"
          onChange={(v) => set('runAsUser', (s) => setOrDelete(s, 'runAsUser', toNumberOrText(v)))}
        />
        <Field
          label={t('securityContext.runAsGroup')}
          path={`${path}.runAsGroup`}
          exact
          value={String(sc.runAsGroup ?? '')}
          placeholder="1000"
          onChange={(v) => set('runAsGroup', (s) => setOrDelete(s, 'runAsGroup', toNumberOrText(v)))}
        />
      </div>
      <div className="security-switches">
        {switches.map((field) => (
          <TriState
            key={field}
            label={t(`securityContext.${field}`)}
            path={`${path}.${field}`}
            value={sc[field]}
            onChange={(v) => set(field, (s) => setOrDelete(s, field, v))}
          />
        ))}
      </div>
      <div className="row security-ids">
        <Field
          label={t('securityContext.capabilitiesAdd')}
          path={`${path}.capabilities.add`}
          multiline
          value={linesOf(sc.capabilities?.add)}
          placeholder="NET_ADMIN"
          onChange={(v) => setCaps('add', v)}
        />
        <Field
          label={t('securityContext.capabilitiesDrop')}
          path={`${path}.capabilities.drop`}
          multiline
          value={linesOf(sc.capabilities?.drop)}
          placeholder="ALL"
          onChange={(v) => setCaps('drop', v)}
        />
      </div>
    </Section>
  );
}
