// The host-access family: the rules for what hands the machine a Pod runs on to its containers (category `security`).
// Their warnings are asked about in the one question before a run (the run bar, `podwright run`), named first.
import type { Rule } from '../types';
import { capabilitiesHostAccess } from './capabilities-host-access';
import { hostNamespacesCombined } from './host-namespaces-combined';
import { hostPathSensitive } from './host-path-sensitive';
import { privilegedContainer } from './privileged-container';

export const hostAccessRules: readonly Rule[] = [
  hostPathSensitive,
  privilegedContainer,
  capabilitiesHostAccess,
  hostNamespacesCombined,
];

export { isHostAccess } from './host-access-codes';
