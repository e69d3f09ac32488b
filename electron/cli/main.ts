// The podwright CLI: one commander program; each command lives in its own module under commands/.
import { Command, CommanderError } from 'commander';
import { appVersion } from '../version';
import { commands } from './commands';
import { warn } from './terminal';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('podwright')
    .description('Design Kubernetes Pods on a canvas and run them on your local Docker Engine.')
    .version(appVersion(), '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  let exitCode = 0;
  for (const register of commands) register(program, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    warn(`podwright: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  return exitCode;
}
