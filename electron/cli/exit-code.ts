// The exit codes the CLI shares between commands, kept apart so a command's bundle takes only this and not another
// command's code.

/** A shell's exit code for a process ended by `signal` (128 + its number): 130 after Ctrl+C, as `docker compose up`. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1);
}
