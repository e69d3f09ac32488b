// VOLUME_SOURCE_INVALID: the fields of a volume's source (hostPath path and type, configMap name, items, modes...).
import { msg } from '../message';
import type { Rule } from '../types';
import { volumeProblems } from '../volumes';

export const volumeSourceInvalid: Rule = {
  code: 'VOLUME_SOURCE_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Volume source fields',
  source:
    'validateVolumeSource / validateHostPathVolumeSource / validateConfigMapVolumeSource / validateSecretVolumeSource / validateKeyToPath',
  explanation:
    'Each kind of volume needs its key fields: a hostPath needs a `path` without ".." steps and a known `type`; a ' +
    'configMap needs the ConfigMap `name`; a secret its `secretName`; a persistentVolumeClaim its `claimName`. Items ' +
    'that pick single keys need a relative `path`, and file modes must be between 0 and 0777. A volume with such an ' +
    'error is not registered, so its mounts fail too.',
  check(ctx, report) {
    for (const v of ctx.volumes)
      for (const p of volumeProblems(v.volume, v.path))
        if (p.kind === 'source') report(p.path, msg(p.id, p.params ?? {}, p.message));
  },
};
