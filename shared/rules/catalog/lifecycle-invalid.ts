// LIFECYCLE_HANDLER_INVALID: postStart and preStop hooks need exactly one valid handler.
import { msg } from '../message';
import { isRecord } from '../context';
import type { Rule } from '../types';
import { handlerProblems } from './handlers';

const hookKinds = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

export const lifecycleHandlerInvalid: Rule = {
  code: 'LIFECYCLE_HANDLER_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Lifecycle hooks',
  source: 'validateLifecycle / validateHandler',
  explanation:
    'A lifecycle hook runs right after a container starts (postStart) or just before it is stopped (preStop). Each ' +
    'hook does exactly one thing: run a command, make an HTTP request, open a TCP connection, or sleep. A sleep may ' +
    "not be negative or outlast the Pod's terminationGracePeriodSeconds, after which the container is killed anyway.",
  check(ctx, report) {
    // Converting a Pod to the internal type turns a negative grace period into 1 before validation.
    const period = ctx.spec.terminationGracePeriodSeconds;
    const grace = typeof period === 'number' ? (period < 0 ? 1 : period) : undefined;
    for (const c of ctx.containers) {
      // A plain init container may have no hooks at all (INIT_CONTAINER_HOOKS_FORBIDDEN); their insides go unchecked.
      if (!c.longRunning) continue;
      const lifecycle = c.container.lifecycle;
      if (!isRecord(lifecycle)) continue;
      for (const hook of ['postStart', 'preStop'] as const) {
        const handler = lifecycle[hook];
        if (handler === undefined) continue;
        const path = `${c.path}.lifecycle.${hook}`;
        if (!isRecord(handler)) report(path, msg('object', {}, 'must be an object'));
        else for (const p of handlerProblems(handler, path, hookKinds, grace)) report(p.path, p.message);
      }
    }
  },
};
