// What the UI knows about the engine connection: loaded at start, refreshed on demand and on engine events.
import { create } from 'zustand';
import type { EngineChoice, EngineStatus } from '../../../shared/api/contract';
import { api } from '../api';
import type { Translate } from '../problems-text';

interface EngineState {
  status: EngineStatus | undefined;
  /** Set when the back end itself could not be asked (not the engine: the API connection). */
  error: string | undefined;
  loading: boolean;
  refresh: () => Promise<void>;
  /** The engines found on this machine (engine.list), for the run bar's picker. */
  choices: EngineChoice[];
  loadChoices: () => Promise<void>;
  /** Switches engines (null: automatic) and takes the new engine's status. */
  select: (host: string | null) => Promise<void>;
}

export const useEngine = create<EngineState>((set, get) => ({
  status: undefined,
  error: undefined,
  loading: false,
  refresh: async () => {
    set({ loading: true });
    try {
      set({ status: await api().call('engine.info'), error: undefined, loading: false });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err), loading: false });
    }
  },
  choices: [],
  loadChoices: async () => {
    try {
      set({ choices: await api().call('engine.list') });
    } catch {
      // The picker keeps what it had; the status bar reports a lost back end.
    }
  },
  select: async (host) => {
    set({ loading: true });
    try {
      set({ status: await api().call('engine.select', { host }), error: undefined, loading: false });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err), loading: false });
    }
    await get().loadChoices();
  },
}));

/** "Docker 20.10.24 · API 1.41 · 2 CPUs · 23.5 GiB", in the UI language. */
export function describeEngine(status: Extract<EngineStatus, { reachable: true }>, t: Translate): string {
  const gib = (status.memoryBytes / 2 ** 30).toFixed(1);
  const cpus =
    status.cpus === 1 ? t('editing.engine.cpu', { count: 1 }) : t('editing.engine.cpus', { count: status.cpus });
  return `${status.name} ${status.version} · API ${status.apiVersion} · ${cpus} · ${t('editing.engine.gib', { gib })}`;
}

/**
 * An engine choice's name in the UI language. The back end names each choice in English; the kinds it knows are
 * said in the user's words here, and a kind this build does not know keeps the back end's label.
 */
export function engineChoiceLabel(choice: EngineChoice, t: Translate): string {
  switch (choice.kind) {
    case 'docker':
      return t('editing.engine.choice.docker');
    case 'docker-desktop':
      return t('editing.engine.choice.dockerDesktop');
    case 'podman-rootful':
      return t('editing.engine.choice.podmanRootful');
    case 'podman-rootless':
      return t('editing.engine.choice.podmanRootless');
    case 'context':
      return choice.context ? t('editing.engine.choice.context', { name: choice.context }) : choice.label;
    case 'DOCKER_HOST':
      return t('editing.engine.choice.dockerHost', { host: choice.host });
    default:
      return choice.label;
  }
}
