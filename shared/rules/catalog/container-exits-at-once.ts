// CONTAINER_EXITS_AT_ONCE: a base image whose default command is a shell, with no command of its own, in a container
// that restarts Always: the shell finds no terminal, exits at once, and the kubelet restarts it in a crash loop.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import { isRecord } from '../context';
import type { Rule } from '../types';

/**
 * Images whose default command is an interactive shell (`sh`, `bash`) or nothing that keeps running: started
 * without a terminal and without a command, their process ends at once. Named by their repository's last part.
 */
const shellImages = new Set([
  'busybox',
  'alpine',
  'ubuntu',
  'debian',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'archlinux',
  'opensuse',
  'photon',
]);

/** The repository's last part of an image reference: `docker.io/library/busybox:1.36@sha256:…` → `busybox`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const last = withoutDigest.split('/').pop()!;
  return last.split(':')[0]!.toLowerCase();
}

/** A command that keeps the container running and stops at once on SIGTERM (a shell as PID 1 would ignore it). */
export const keepRunningCommand = ['sh', '-c', 'trap "exit 0" TERM; sleep infinity & wait $!'];

export const containerExitsAtOnce: Rule = {
  code: 'CONTAINER_EXITS_AT_ONCE',
  severity: 'warning',
  category: 'runtime',
  title: 'Container that exits at once',
  source: 'image defaults and the kubelet restart policy',
  explanation:
    'Base images such as busybox, alpine or ubuntu start a shell when no command is given. Without a terminal the ' +
    'shell reads nothing and exits at once with code 0. Under `restartPolicy: Always` (the default, and always for a ' +
    'sidecar) the kubelet starts it again, and again, waiting longer each time: the Pod shows CrashLoopBackOff. Give ' +
    'the container the command it should run, or use `restartPolicy: OnFailure` for a one-off task.',
  check(ctx, report) {
    const podAlways = (ctx.spec.restartPolicy ?? 'Always') === 'Always';
    for (const c of ctx.containers) {
      const restarts = c.list === 'containers' ? podAlways : c.sidecar;
      if (!restarts || typeof c.container.image !== 'string') continue;
      const source = isRecord(c.source) ? c.source : c.container;
      if (source.command !== undefined || source.args !== undefined) continue;
      const repository = imageRepository(c.container.image);
      if (!shellImages.has(repository)) continue;
      report(
        `${c.path}.image`,
        msg(
          'exits',
          { container: c.name, image: c.container.image },
          `container ${c.name}: ${c.container.image} starts a shell that exits at once without a command; ` +
            'under restartPolicy Always it restarts in a crash loop',
        ),
        {
          fixes: [
            {
              ...fixTitle('keepRunning', {}, 'Keep it running (sleep until stopped)'),
              patch: [{ op: 'add', path: pointer('spec', c.list, c.index, 'command'), value: keepRunningCommand }],
            },
          ],
        },
      );
    }
  },
};
