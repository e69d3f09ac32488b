// The CLI's commands. A command is a module that adds itself to the program; list new ones here, by name, with the
// import that loads it: a command's module (and what it needs: the engine client, the browser host) loads only when
// that command runs, so `podwright validate` never loads dockerode and `--version` loads no command at all.
import type { Command } from 'commander';

/** Adds one command; `setExitCode` lets it report failure without throwing. */
export type RegisterCommand = (program: Command, setExitCode: (code: number) => void) => void;

export interface CommandModule {
  /** The command's name, as typed: `podwright NAME`. */
  name: string;
  load: () => Promise<RegisterCommand>;
}

export const commands: CommandModule[] = [
  { name: 'serve', load: async () => (await import('./serve')).registerServe },
  { name: 'start', load: async () => (await import('./start')).registerStart },
  { name: 'export', load: async () => (await import('./export')).registerExport },
  { name: 'validate', load: async () => (await import('./validate')).registerValidate },
  { name: 'run', load: async () => (await import('./run')).registerRun },
  { name: 'down', load: async () => (await import('./down')).registerDown },
  { name: 'ps', load: async () => (await import('./ps')).registerPs },
  { name: 'logs', load: async () => (await import('./logs')).registerLogs },
  { name: 'exec', load: async () => (await import('./exec')).registerExec },
];
