// Test helpers: small Pods built the way upstream's podtest.MakePod builds them, and diagnostic lookups.
import type { Container, Pod, PodSpec } from '../../model/pod';
import type { Diagnostic, ValidateOptions } from '../types';
import { validatePod } from '../validate';

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'image', ...extra };
}

export function makePod(spec: Partial<PodSpec> = {}, metadata: Record<string, unknown> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: '123', namespace: 'ns', ...metadata },
    spec: { containers: [container('ctr')], ...spec },
  };
}

/** Diagnostics of one code, as "path: message" strings, for compact assertions. */
export function found(pod: Pod, code: string, options?: ValidateOptions): Diagnostic[] {
  return validatePod(pod, options).filter((d) => d.code === code);
}

export function paths(pod: Pod, code: string, options?: ValidateOptions): string[] {
  return found(pod, code, options).map((d) => d.path);
}

export function codes(pod: Pod, options?: ValidateOptions): string[] {
  return validatePod(pod, options).map((d) => d.code);
}
