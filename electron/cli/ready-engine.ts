// The container engine a command that reads a running Pod talks to (logs, exec), once it answers; when it does not,
// the reason and what to do are said here, once for every such command.
import { createSelectedEngine } from '../engines/choice/engines';
import { warn } from './terminal';

export async function readyEngine(): Promise<ReturnType<typeof createSelectedEngine> | undefined> {
  const engine = createSelectedEngine();
  const status = await engine.info();
  if (status.reachable) return engine;
  warn(`podwright: ${status.reason} ${status.hint}`);
  return undefined;
}
