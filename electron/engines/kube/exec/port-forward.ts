// A run's container ports as links on 127.0.0.1: one local listener per port (the hostPort when it is free, else any
// free port), each connection carried to a running replica through client-node's port-forward (WebSocket channel
// protocol v4). The replica is chosen per connection, so a restarted or replaced replica is found again.
import { createServer, type Server, type Socket } from 'node:net';
import { PortForward } from '@kubernetes/client-node';
import type { PodSnapshot } from '../../../../shared/api/contract';
import type { Cluster } from '../connection/cluster';

type ForwardInfo = NonNullable<PodSnapshot['forwards']>[number];

export interface PortSpec {
  container: string;
  containerPort: number;
  hostPort?: number;
  name?: string;
}

interface Forward {
  spec: PortSpec;
  server: Server;
  localPort: number;
}

/** The ports a Pod spec declares, container by container. */
export function declaredPorts(spec: Record<string, unknown> | undefined): PortSpec[] {
  const containers = [...((spec?.initContainers as Record<string, unknown>[] | undefined) ?? []), ...((spec?.containers as Record<string, unknown>[] | undefined) ?? [])];
  return containers.flatMap((c) =>
    ((c.ports as Record<string, unknown>[] | undefined) ?? [])
      .filter((p) => typeof p.containerPort === 'number' && (p.protocol ?? 'TCP') === 'TCP')
      .map((p) => ({
        container: String(c.name),
        containerPort: p.containerPort as number,
        ...(typeof p.hostPort === 'number' && p.hostPort > 0 ? { hostPort: p.hostPort } : {}),
        ...(typeof p.name === 'string' ? { name: p.name } : {}),
      })),
  );
}

function listen(port: number, onConnection: (s: Socket) => void): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer(onConnection);
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export class PortForwards {
  private readonly runs = new Map<string, Forward[]>();
  private readonly starting = new Map<string, Promise<void>>();

  constructor(
    private readonly cluster: Cluster,
    private readonly namespace: string,
  ) {}

  /** Links for the run's ports once a replica runs; none while nothing runs. Keeps listeners across updates. */
  async sync(snapshot: PodSnapshot, spec: Record<string, unknown> | undefined): Promise<ForwardInfo[]> {
    const name = snapshot.name;
    const running = (snapshot.replicas ?? []).filter((r) => r.phase === 'Running' && !r.terminating);
    if (running.length === 0) {
      this.stop(name);
      return [];
    }
    if (!this.runs.has(name)) {
      let start = this.starting.get(name);
      if (!start) {
        start = this.open(name, declaredPorts(spec)).finally(() => this.starting.delete(name));
        this.starting.set(name, start);
      }
      await start;
    }
    const replica = running[0]!.name;
    return (this.runs.get(name) ?? []).map((f) => ({
      container: f.spec.container,
      containerPort: f.spec.containerPort,
      localPort: f.localPort,
      replica,
      ...(f.spec.name ? { name: f.spec.name } : {}),
    }));
  }

  /** The replica a new connection goes to: the run's first running one, read fresh. */
  private target: (run: string) => Promise<string | undefined> = async () => undefined;

  /** Tells the forwards how to find a running replica of a run (the engine knows its live table). */
  setTarget(find: (run: string) => Promise<string | undefined>): void {
    this.target = find;
  }

  private async open(name: string, ports: PortSpec[]): Promise<void> {
    const forwards: Forward[] = [];
    for (const spec of ports) {
      const connect = (socket: Socket): void => {
        void this.target(name).then(
          (replica) => {
            if (!replica) return socket.destroy();
            new PortForward(this.cluster.kubeConfig).portForward(this.namespace, replica, [spec.containerPort], socket, null, socket).then(
              (ws) => {
                const close = (): void => (ws as unknown as { close: () => void }).close();
                socket.on('close', close);
                (ws as unknown as { on: (e: string, f: () => void) => void }).on('close', () => socket.end());
              },
              () => socket.destroy(),
            );
          },
          () => socket.destroy(),
        );
      };
      const server = (spec.hostPort ? await listen(spec.hostPort, connect) : undefined) ?? (await listen(0, connect));
      if (!server) continue;
      const address = server.address();
      forwards.push({ spec, server, localPort: typeof address === 'object' && address ? address.port : 0 });
    }
    this.runs.set(name, forwards);
  }

  stop(name: string): void {
    for (const f of this.runs.get(name) ?? []) f.server.close();
    this.runs.delete(name);
  }

  stopAll(): void {
    for (const name of [...this.runs.keys()]) this.stop(name);
  }
}
