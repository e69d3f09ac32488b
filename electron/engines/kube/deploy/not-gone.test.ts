import { describe, expect, it } from 'vitest';
import { notGoneMessage } from './not-gone';

describe('notGoneMessage', () => {
  it('names each object once, even a Pod found both as a target and by the run labels', () => {
    const text = notGoneMessage(new Set(['Pod helloworld', 'Pod helloworld']));
    expect(text.match(/Pod helloworld/g)).toHaveLength(1);
    expect(text).toContain("node's kubelet confirms");
    expect(text).toContain('--grace 0');
  });

  it('says nothing of kubelets when no Pod is left', () => {
    expect(notGoneMessage(new Set(['Service web', 'Deployment api']))).toBe(
      'Still not gone after the grace period: Service web, Deployment api.',
    );
  });
});
