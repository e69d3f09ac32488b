// Shared reading of container resources: names classified as Kubernetes does, quantities read as it reads them.
import { isRecord } from '../context';
import type { ContainerEntry } from '../context';
import { exactQuantity, roundUpToMilli, wholeValue } from '../../model/quantity';
import { msg, type RuleMessage } from '../message';
import { qualifiedNameProblem } from '../syntax';

/**
 * `standard`: cpu, memory, ephemeral-storage. `hugepages`: hugepages-<size>. `native`: other names in the
 * kubernetes.io/ namespace (accepted, overcommittable, any quantity). `extended`: a device plugin's name
 * (example.com/gpu: whole numbers, request = limit). `invalid`: none of these.
 */
export type ResourceKind = 'standard' | 'hugepages' | 'native' | 'extended' | 'invalid';

const kinds = new Map<string, ResourceKind>();

/** Kubernetes' reading of a container resource name (validateContainerResourceName and core/helper). */
export function resourceKind(name: string): ResourceKind {
  let kind = kinds.get(name);
  if (kind === undefined) {
    if (kinds.size >= 10_000) kinds.clear();
    kinds.set(name, (kind = classify(name)));
  }
  return kind;
}

/** IsNativeResource: unprefixed, or in the kubernetes.io/ namespace (any `*kubernetes.io/` prefix). */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function classify(name: string): ResourceKind {
  if (qualifiedNameProblem(name) !== undefined) return 'invalid';
  if (!name.includes('/')) {
    if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage') return 'standard';
    return name.startsWith('hugepages-') ? 'hugepages' : 'invalid';
  }
  if (isNativeResource(name)) return 'native';
  // IsExtendedResourceName: not "requests."-prefixed, and still a qualified name as the quota's "requests.<name>".
  if (name.startsWith('requests.') || qualifiedNameProblem(`requests.${name}`) !== undefined) return 'invalid';
  return 'extended';
}

/** IsOvercommitAllowed: a request may sit below its limit for native resources other than hugepages. */
export function isOvercommittable(name: string): boolean {
  return isNativeResource(name) && !name.startsWith('hugepages-');
}

/**
 * Requests and limits as the API server validates them: after defaulting copied each limit into a missing request,
 * so a problem with a limit is reported on the request too, as Kubernetes does.
 */
export function resourceLists(c: ContainerEntry): {
  requests: Record<string, unknown>;
  limits: Record<string, unknown>;
} {
  const res = c.container.resources;
  const requests = isRecord(res) && isRecord(res.requests) ? res.requests : {};
  const limits = isRecord(res) && isRecord(res.limits) ? res.limits : {};
  return { requests, limits };
}

/** Whether the user wrote this request or limit (quick fixes can only change what is written). */
export function writtenResource(c: ContainerEntry, list: 'requests' | 'limits', name: string): boolean {
  const res = c.source.resources;
  return isRecord(res) && isRecord(res[list]) && name in res[list];
}

/** A container request or limit as validation sees it: read exactly, then rounded up to thousandths. */
export function containerQuantity(raw: unknown): bigint | undefined {
  const q = exactQuantity(raw);
  return q === undefined ? undefined : roundUpToMilli(q.nanos);
}

/**
 * Quantity.MilliValue() and Value() as int64s: past the int64 range Go keeps the low 64 bits, so a huge whole
 * number can fail "must be an integer" (99999999999999999999 of a GPU does).
 */
export const milliValue = (nanos: bigint): bigint => BigInt.asIntN(64, wholeValue(nanos * 1000n));
export const int64Value = (nanos: bigint): bigint => BigInt.asIntN(64, wholeValue(nanos));

/** IsHugePageResourceValueDivisible: the page size is a positive whole number and the amount a multiple of it. */
export function hugepagesDivisible(name: string, amount: bigint): boolean {
  const page = exactQuantity(name.slice('hugepages-'.length));
  if (page === undefined || page.nanos <= 0n || milliValue(page.nanos) % 1000n !== 0n) return false;
  const size = int64Value(page.nanos);
  return size !== 0n && int64Value(amount) % size === 0n;
}

/**
 * ValidateResourceQuantityValue and validateResourceQuantityHugePageValue on an amount already rounded to
 * thousandths: not negative, whole for an extended resource, a multiple of the page size for hugepages.
 */
export function amountProblems(name: string, raw: unknown, amount: bigint): RuleMessage[] {
  const value = JSON.stringify(raw);
  const out: RuleMessage[] = [];
  if (amount < 0n)
    out.push(msg('nonNegative', { value }, `Invalid value: ${value}: must be greater than or equal to 0`));
  if (resourceKind(name) === 'extended' && milliValue(amount) % 1000n !== 0n)
    out.push(msg('integer', { value }, `Invalid value: ${value}: must be an integer`));
  if (name.startsWith('hugepages-') && !hugepagesDivisible(name, amount))
    out.push(
      msg('multiple', { value, size: name }, `Invalid value: ${value}: is not positive integer multiple of ${name}`),
    );
  return out;
}
