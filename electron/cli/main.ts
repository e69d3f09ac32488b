// The podwright CLI: one commander program; each command lives in its own module under commands/, loaded only when
// it is the one to run.
import { Command, CommanderError } from 'commander';
import { appVersion } from '../version';
import { commands, type CommandModule } from './commands';

/**
 * The commands `argv` needs registered: none for `--version`, the named one for `podwright NAME ...`, and every one
 * where the program must list or suggest them (no command, `help`, `--help`, a name it does not know).
 */
export function commandsFor(argv: readonly string[], all: readonly CommandModule[] = commands): readonly CommandModule[] {
  const args = argv.slice(2);
  const first = args.findIndex((a) => !a.startsWith('-'));
  const before = first === -1 ? args : args.slice(0, first);
  if (before.some((a) => a === '-v' || a === '--version')) return [];
  const named = first === -1 ? undefined : all.find((c) => c.name === args[first]);
  return named ? [named] : all;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('podwright')
    .description('Design Kubernetes Pods on a canvas and run them on your local Docker Engine.')
    .version(appVersion(), '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  let exitCode = 0;
  try {
    const registers = await Promise.all(commandsFor(argv).map((c) => c.load()));
    for (const register of registers) register(program, (code) => (exitCode = code));
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`podwright: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return exitCode;
}
