// PROBE_INVALID: a probe needs exactly one handler and sane timings (validateProbe and the per-kind checks).
import { msg } from '../message';
import { isRecord } from '../context';
import type { Rule } from '../types';
import { handlerProblems } from './handlers';

const probeKinds = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const numericFields = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
] as const;

export const probeInvalid: Rule = {
  code: 'PROBE_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Probes',
  source: 'validateLivenessProbe / validateReadinessProbe / validateStartupProbe / validateProbe / validateHandler',
  explanation:
    'A probe is how the kubelet asks a container "are you alive / ready / started?". It asks in exactly one way: run ' +
    'a command (exec), make an HTTP request (httpGet), open a TCP connection (tcpSocket) or call gRPC. Timings must ' +
    'not be negative. Liveness and startup probes must succeed once to count (successThreshold 1), and only liveness ' +
    'and startup probes may override the grace period, because a failing readiness probe never kills the container.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      // A plain init container may have no probes at all (INIT_CONTAINER_HOOKS_FORBIDDEN); their insides go unchecked.
      if (!c.longRunning) continue;
      for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        const probe = c.container[kind];
        if (probe === undefined) continue;
        const path = `${c.path}.${kind}`;
        if (!isRecord(probe)) {
          report(path, msg('object', {}, 'must be an object'));
          continue;
        }
        for (const p of handlerProblems(probe, path, probeKinds)) report(p.path, p.message);
        for (const field of numericFields) {
          const value = probe[field];
          if (value !== undefined && (typeof value !== 'number' || value < 0))
            report(
              `${path}.${field}`,
              msg(
                'nonNegative',
                { value: JSON.stringify(value) },
                `Invalid value: ${JSON.stringify(value)}: must be greater than or equal to 0`,
              ),
            );
        }
        if (kind !== 'readinessProbe' && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1)
          report(
            `${path}.successThreshold`,
            msg(
              'successThreshold',
              { value: probe.successThreshold },
              `Invalid value: ${probe.successThreshold}: must be 1`,
            ),
          );
        const grace = probe.terminationGracePeriodSeconds;
        if (kind === 'readinessProbe' && grace !== undefined)
          report(
            `${path}.terminationGracePeriodSeconds`,
            msg('readinessGrace', {}, 'Invalid value: must not be set for readinessProbes'),
          );
        else if (grace !== undefined && (typeof grace !== 'number' || grace <= 0))
          report(
            `${path}.terminationGracePeriodSeconds`,
            msg(
              'positive',
              { value: JSON.stringify(grace) },
              `Invalid value: ${JSON.stringify(grace)}: must be greater than 0`,
            ),
          );
      }
    }
  },
};
