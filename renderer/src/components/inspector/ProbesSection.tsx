// The inspector's probe forms: liveness, readiness and startup, each with one handler (HTTP GET, TCP, command, gRPC)
// and its timings, checked inline by PROBE_INVALID.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Container, Probe } from '../../../../shared/model';
import { diagnosticsOf, useWithDiagnostics } from '../../store/diagnostics';
import { Field, fromLines, linesOf, Problems, Section, setOrDelete, toNumberOrText } from './form';
import './inspector.css';

export const probeKinds = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeKind = (typeof probeKinds)[number];

const handlers = ['httpGet', 'tcpSocket', 'exec', 'grpc'] as const;
type Handler = (typeof handlers)[number];

/** The timings users tune, with Kubernetes' defaults as placeholders. */
const timings = [
  ['initialDelaySeconds', '0'],
  ['periodSeconds', '10'],
  ['timeoutSeconds', '1'],
  ['failureThreshold', '3'],
] as const;

export function handlerOf(probe: Probe | undefined): Handler | undefined {
  return probe ? handlers.find((h) => probe[h] !== undefined) : undefined;
}

/** A probe switched to `handler`: the other handlers go, the timings stay; the new one starts with usable values. */
export function withHandler(probe: Probe | undefined, handler: Handler | '', container: Container): Probe | undefined {
  if (handler === '') return undefined;
  const port = container.ports?.[0]?.containerPort ?? 80;
  const rest: Probe = { ...(probe ?? {}) };
  for (const h of handlers) delete rest[h];
  const start: Required<Pick<Probe, Handler>> = {
    httpGet: { path: '/', port },
    tcpSocket: { port },
    exec: { command: ['cat', '/tmp/healthy'] },
    grpc: { port: typeof port === 'number' ? port : 80 },
  };
  return { [handler]: start[handler], ...rest };
}

export type EditContainer = (field: string, update: (c: Container) => Container) => void;

function ProbeEditor({
  kind,
  base,
  container,
  edit,
}: {
  kind: ProbeKind;
  base: string;
  container: Container;
  edit: EditContainer;
}) {
  const { t } = useTranslation();
  const id = useId();
  const path = `${base}.${kind}`;
  const probe = container[kind];
  const handler = handlerOf(probe);
  const all = useWithDiagnostics((s) => diagnosticsOf(s.doc).all);
  const setProbe = (field: string, update: (p: Probe) => Probe | undefined) =>
    edit(`${kind}.${field}`, (c) => setOrDelete(c, kind, update(c[kind] ?? {})));
  const setHandlerField = (h: Handler, field: string, value: unknown) =>
    setProbe(`${h}.${field}`, (p) => ({ ...p, [h]: setOrDelete((p[h] as object | undefined) ?? {}, field, value) }));
  return (
    <div className="probe" data-probe={kind}>
      <div className="form-field">
        <label htmlFor={id}>{t(`probe.${kind}`)}</label>
        <select
          id={id}
          data-path={path}
          value={handler ?? ''}
          aria-invalid={all.some((d) => d.path === path && d.severity === 'error')}
          onChange={(e) =>
            edit(kind, (c) => setOrDelete(c, kind, withHandler(c[kind], e.target.value as Handler | '', c)))
          }
        >
          <option value="">{t('probe.none')}</option>
          {handlers.map((h) => (
            <option key={h} value={h}>
              {t(`probe.handler.${h}`)}
            </option>
          ))}
        </select>
        <Problems diagnostics={all.filter((d) => d.path === path)} />
      </div>
      {probe && (
        <>
          {handler === 'httpGet' && (
            <div className="row probe-row">
              <Field
                label={t('probe.path')}
                path={`${path}.httpGet.path`}
                exact
                value={probe.httpGet?.path ?? ''}
                placeholder="/healthz"
                onChange={(v) => setHandlerField('httpGet', 'path', v)}
              />
              <Field
                label={t('probe.port')}
                path={`${path}.httpGet.port`}
                exact
                value={String(probe.httpGet?.port ?? '')}
                onChange={(v) => setHandlerField('httpGet', 'port', toNumberOrText(v))}
              />
            </div>
          )}
          {handler === 'tcpSocket' && (
            <Field
              label={t('probe.port')}
              path={`${path}.tcpSocket.port`}
              exact
              value={String(probe.tcpSocket?.port ?? '')}
              onChange={(v) => setHandlerField('tcpSocket', 'port', toNumberOrText(v))}
            />
          )}
          {handler === 'grpc' && (
            <Field
              label={t('probe.port')}
              path={`${path}.grpc.port`}
              exact
              value={String(probe.grpc?.port ?? '')}
              onChange={(v) => setHandlerField('grpc', 'port', toNumberOrText(v))}
            />
          )}
          {handler === 'exec' && (
            <Field
              label={t('probe.command')}
              path={`${path}.exec.command`}
              multiline
              value={linesOf(probe.exec?.command)}
              placeholder={t('field.onePerLine')}
              onChange={(v) => setHandlerField('exec', 'command', fromLines(v))}
            />
          )}
          <div className="probe-timings">
            {timings.map(([field, fallback]) => (
              <Field
                key={field}
                label={t(`probe.${field}`)}
                path={`${path}.${field}`}
                exact
                value={String(probe[field] ?? '')}
                placeholder={fallback}
                onChange={(v) => setProbe(field, (p) => setOrDelete(p, field, toNumberOrText(v)))}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** Probes for an app container or a sidecar (Kubernetes refuses them on a plain init container). */
export function ProbesSection({ base, container, edit }: { base: string; container: Container; edit: EditContainer }) {
  const { t } = useTranslation();
  return (
    <Section title={t('probe.title')}>
      {probeKinds.map((kind) => (
        <ProbeEditor key={kind} kind={kind} base={base} container={container} edit={edit} />
      ))}
    </Section>
  );
}
