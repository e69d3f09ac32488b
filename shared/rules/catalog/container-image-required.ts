// CONTAINER_IMAGE_REQUIRED: every container of a Pod needs an image without surrounding spaces.
import { fixTitle, msg } from '../message';
import { BUSYBOX } from './busybox';
import { pointer } from '../fix';
import type { Rule } from '../types';

export const containerImageRequired: Rule = {
  code: 'CONTAINER_IMAGE_REQUIRED',
  severity: 'error',
  category: 'kubernetes',
  title: 'Container image',
  source: 'validateContainerCommon (Required) / validateContainerOnlyForPod (whitespace)',
  explanation:
    'A container is a process started from an image, so a Pod cannot name a container without saying which image it ' +
    'runs. For Pods (unlike templates) Kubernetes also refuses an image with leading or trailing spaces, which would ' +
    'never resolve in a registry.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const image = c.container.image;
      if (typeof image !== 'string' || image.length === 0) {
        report(`${c.path}.image`, msg('required', {}, 'Required value'), {
          fixes: [
            {
              ...fixTitle('useBusybox', {}, 'Use the busybox image'),
              patch: [{ op: 'add', path: pointer('spec', c.list, c.index, 'image'), value: BUSYBOX }],
            },
          ],
        });
      } else if (image.trim() !== image) {
        const trimmed = image.trim();
        report(
          `${c.path}.image`,
          msg(
            'whitespace',
            { value: JSON.stringify(image) },
            `Invalid value: ${JSON.stringify(image)}: must not have leading or trailing whitespace`,
          ),
          {
            fixes: trimmed
              ? [
                  {
                    ...fixTitle('use', { value: trimmed }, `Use "${trimmed}"`),
                    patch: [{ op: 'replace', path: pointer('spec', c.list, c.index, 'image'), value: trimmed }],
                  },
                ]
              : [],
          },
        );
      }
    }
  },
};
