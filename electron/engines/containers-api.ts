// The API handlers for containers.list and containers.inspect ("New design from running containers"), on the
// engine in use.
import type { CallHandlers } from '../../shared/api';
import { inspectContainers, listContainers } from './docker';
import type { EngineHolder } from './engines-api';

type Calls = Pick<CallHandlers, 'containers.list' | 'containers.inspect'>;

export function containerHandlers(ctx: EngineHolder): Calls {
  return {
    'containers.list': async () => listContainers(ctx.engine.docker),
    'containers.inspect': async ({ ids }) => inspectContainers(ctx.engine.docker, ids),
  };
}
