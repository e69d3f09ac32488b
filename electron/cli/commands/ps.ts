// `podwright ps`: the Pods Podwright started on this engine, found by label, with their containers.
import type { Command } from 'commander';
import { Engine, PodRuntime } from '../../engines/docker';
import { say, warn, writeData } from '../terminal';
import { formatPod } from './run';
import type { RegisterCommand } from './index';

export async function listPods(options: { json: boolean }): Promise<number> {
  const engine = new Engine();
  const info = await engine.info();
  if (!info.reachable) {
    warn(`podwright: ${info.reason} ${info.hint}`);
    return 1;
  }
  const pods = await new PodRuntime(engine).list();
  if (options.json) {
    writeData(`${JSON.stringify(pods, null, 2)}\n`);
    return 0;
  }
  if (pods.length === 0) {
    say('No Pods. Start one with: podwright run FILE');
    return 0;
  }
  for (const pod of pods) say(formatPod(pod).join('\n'));
  return 0;
}

export const registerPs: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('ps')
    .description('List the Pods podwright started on this engine, with their containers.')
    .option('--json', 'print JSON', false)
    .action(async (opts: { json: boolean }) => setExitCode(await listPods(opts)));
};
