// SCHEDULING_GATE_INVALID: scheduling gates are unique qualified names, and a Pod still gated may not name its node.
import { msg } from '../message';
import { isRecord, list } from '../context';
import { qualifiedNameProblem } from '../syntax';
import type { Rule } from '../types';

export const schedulingGateInvalid: Rule = {
  code: 'SCHEDULING_GATE_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Scheduling gates',
  source: 'validateSchedulingGates / ValidatePodCreate (nodeName)',
  explanation:
    'A scheduling gate holds the Pod back from the scheduler until a controller removes it. Each gate is a qualified ' +
    'name (like a label key) and appears once. A Pod that names its node in `spec.nodeName` skips the scheduler, so it ' +
    'cannot also wait for gates: Kubernetes refuses `nodeName` until every gate is cleared.',
  check(ctx, report) {
    const gates = list<unknown>(ctx.spec.schedulingGates);
    const seen = new Set<string>();
    gates.forEach((gate, i) => {
      const name = isRecord(gate) && typeof gate.name === 'string' ? gate.name : '';
      const path = `spec.schedulingGates[${i}]`;
      const problem = qualifiedNameProblem(name);
      if (problem)
        report(
          path,
          msg('name', { value: JSON.stringify(name), problem }, `Invalid value: ${JSON.stringify(name)}: ${problem}`),
        );
      if (seen.has(name))
        report(path, msg('duplicate', { value: JSON.stringify(name) }, `Duplicate value: ${JSON.stringify(name)}`));
      seen.add(name);
    });
    if (gates.length > 0 && typeof ctx.spec.nodeName === 'string' && ctx.spec.nodeName !== '')
      report(
        'spec.nodeName',
        msg('nodeName', {}, 'Forbidden: cannot be set until all schedulingGates have been cleared'),
      );
  },
};
