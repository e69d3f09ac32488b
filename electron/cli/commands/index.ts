// The CLI's commands. A command is a module that adds itself to the program; list new ones here.
import type { Command } from 'commander';
import { registerDeploy, registerUndeploy } from './cluster';
import { registerDown } from './down';
import { registerExec } from './exec';
import { registerExport } from './export';
import { registerLogs } from './logs';
import { registerPs } from './ps';
import { registerRun } from './run';
import { registerServe } from './serve';
import { registerStart } from './start';
import { registerValidate } from './validate';

/** Adds one command; `setExitCode` lets it report failure without throwing. */
export type RegisterCommand = (program: Command, setExitCode: (code: number) => void) => void;

export const commands: RegisterCommand[] = [
  registerServe,
  registerStart,
  registerExport,
  registerValidate,
  registerRun,
  registerDown,
  registerPs,
  registerLogs,
  registerExec,
  registerDeploy,
  registerUndeploy,
];
