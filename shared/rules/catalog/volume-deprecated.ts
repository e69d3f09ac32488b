// VOLUME_DEPRECATED: in-tree volume plugins that Kubernetes has deprecated or removed.
import { msg } from '../message';
import type { Rule } from '../types';

const deprecated: Record<string, string> = {
  gitRepo: 'deprecated in v1.11',
  photonPersistentDisk: 'deprecated in v1.11, non-functional in v1.16+',
  scaleIO: 'deprecated in v1.16, non-functional in v1.22+',
  flocker: 'deprecated in v1.22, non-functional in v1.25+',
  storageos: 'deprecated in v1.22, non-functional in v1.25+',
  quobyte: 'deprecated in v1.22, non-functional in v1.25+',
  glusterfs: 'deprecated in v1.25, non-functional in v1.26+',
  cephfs: 'deprecated in v1.28, non-functional in v1.31+',
  rbd: 'deprecated in v1.28, non-functional in v1.31+',
};

const deprecatedList = Object.entries(deprecated);

/** The note as a catalogued message: "deprecated in v1.22, non-functional in v1.25+" has two versions as params. */
function deprecation(note: string) {
  const [, since = '', broken] = /^deprecated in (\S+?)(?:, non-functional in (\S+))?$/.exec(note) ?? [];
  return broken ? msg('deprecatedBroken', { since, broken }, note) : msg('deprecated', { since }, note);
}

export const volumeDeprecated: Rule = {
  code: 'VOLUME_DEPRECATED',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Deprecated volume type',
  source: 'warningsForPodSpecAndMeta (deprecated volume plugins)',
  explanation:
    'Several volume types that were built into Kubernetes have been deprecated and later removed; the API server ' +
    'still accepts them but warns, and on current clusters many of them no longer work. Use a CSI driver, or for ' +
    'gitRepo an init container that clones into an emptyDir.',
  check(ctx, report) {
    for (const v of ctx.volumes)
      for (const [source, note] of deprecatedList)
        if ((v.volume as Record<string, unknown>)[source] != null) report(`${v.path}.${source}`, deprecation(note));
  },
};
