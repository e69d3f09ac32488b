// VOLUME_SOURCE_INVALID: the fields of a volume's source (hostPath path and type, configMap name, items, modes...).
import { msg } from '../message';
import type { Rule } from '../types';

export const volumeSourceInvalid: Rule = {
  code: 'VOLUME_SOURCE_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Volume source fields',
  source:
    'validateVolumeSource / validateHostPathVolumeSource / validateGitRepoVolumeSource / validateKeyToPath / validateDownwardAPIVolumeFile / validateProjectionSources',
  explanation:
    'Each kind of volume needs its key fields: a hostPath needs a `path` without ".." steps and a known `type`; a ' +
    'configMap needs the ConfigMap `name`; a secret its `secretName`; a persistentVolumeClaim its `claimName`; a ' +
    'gitRepo a `repository` and a relative `directory`. Files that a configMap, secret, downwardAPI or projected ' +
    'volume writes need a relative `path` that does not start with "..", a downwardAPI file reads exactly one ' +
    'supported field or resource, a projected token lives at least ten minutes, and file modes must be between 0 and ' +
    '0777. A volume with such an error is not registered, so its mounts fail too.',
  check(ctx, report) {
    for (const v of ctx.volumes)
      for (const p of v.problems) if (p.kind === 'source') report(p.path, msg(p.id, p.params ?? {}, p.message));
  },
};
