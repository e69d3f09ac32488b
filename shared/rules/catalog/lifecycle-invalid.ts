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
    'hook does exactly one thing: run a command, make an HTTP request, open a TCP connection, or sleep.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const lifecycle = c.container.lifecycle;
      if (!isRecord(lifecycle)) continue;
      for (const hook of ['postStart', 'preStop'] as const) {
        const handler = lifecycle[hook];
        if (handler === undefined) continue;
        const path = `${c.path}.lifecycle.${hook}`;
        if (!isRecord(handler)) report(path, msg('object', {}, 'must be an object'));
        else for (const p of handlerProblems(handler, path, hookKinds)) report(p.path, p.message);
      }
    }
  },
};
