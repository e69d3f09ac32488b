// EPHEMERAL_VOLUME_INVALID: an ephemeral volume's claim template, the name of the claim it creates, and a
// persistentVolumeClaim volume that points at such a claim.
import { msg } from '../message';
import { claimOwnerName, isRecord } from '../context';
import type { Rule } from '../types';

export const ephemeralVolumeInvalid: Rule = {
  code: 'EPHEMERAL_VOLUME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Ephemeral volumes',
  source: 'validateEphemeralVolumeSource / ValidatePersistentVolumeClaimTemplate / ValidateVolumes',
  explanation:
    'An ephemeral volume is a PersistentVolumeClaim that lives and dies with the Pod. Kubernetes creates the claim ' +
    'from `volumeClaimTemplate`, so the template needs what any claim needs (an access mode, a storage request above ' +
    'zero) and may carry only labels and annotations as metadata. The claim is named `<pod name>-<volume name>`, which ' +
    'must itself be a valid name of at most 253 characters; a persistentVolumeClaim volume of the same Pod may not ' +
    'point at that generated claim. A volume with such an error is not registered, so its mounts fail too.',
  check(ctx, report) {
    const generated = new Set<string>();
    const owner = claimOwnerName(ctx.pod);
    for (const v of ctx.volumes) {
      for (const p of v.problems) if (p.kind === 'ephemeral') report(p.path, msg(p.id, p.params ?? {}, p.message));
      if (owner !== '' && isRecord(v.volume.ephemeral)) generated.add(`${owner}-${v.name}`);
    }
    for (const v of ctx.volumes) {
      const claim = v.volume.persistentVolumeClaim;
      if (!isRecord(claim) || typeof claim.claimName !== 'string' || !generated.has(claim.claimName)) continue;
      const value = JSON.stringify(claim.claimName);
      report(
        `${v.path}.persistentVolumeClaim.claimName`,
        msg(
          'generatedClaim',
          { value },
          `Invalid value: ${value}: must not reference a PVC that gets created for an ephemeral volume`,
        ),
      );
    }
  },
};
