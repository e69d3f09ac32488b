// Typed errors for running a Pod: a stable code, the container it is about, and the cause in plain words.
import { isEngineLost } from '../connection/engine-lost';
import { action as actionPhrase, podMessages, who as whoPhrase } from './pod-messages';

export type PodErrorCode =
  | 'PLAN_INVALID'
  | 'POD_EXISTS'
  | 'IMAGE_MISSING'
  | 'IMAGE_PULL_FAILED'
  | 'IMAGE_RUNS_AS_ROOT'
  | 'PORT_TAKEN'
  | 'MOUNT_FAILED'
  | 'HOSTPATH_INVALID'
  | 'INIT_FAILED'
  | 'NAME_CONFLICT'
  /** The user cancelled the run (or removed the Pod); what it had created was removed (not a failure). */
  | 'RUN_CANCELLED'
  /** The engine went away during the run: details.left says what is still on it. */
  | 'ENGINE_LOST'
  | 'ENGINE_ERROR';

/** A phrase inside a message (who, which action, why), translated on its own: a catalogue key and its values. */
export interface PodPhrase {
  id: string;
  params?: Record<string, string | number>;
}

export type PodMessageParams = Record<string, string | number | PodPhrase>;

/** An error's sentence: `text` is the English the API, CLI and logs read; `id` and `params` let the UI translate it. */
export interface PodMessage {
  text: string;
  id: string;
  params: PodMessageParams;
}

export class PodError extends Error {
  override readonly name = 'PodError';
  readonly details: PodErrorDetails;
  constructor(
    readonly code: PodErrorCode,
    message: string | PodMessage,
    details: PodErrorDetails = {},
  ) {
    super(typeof message === 'string' ? message : message.text);
    this.details =
      typeof message === 'string' ? details : { ...details, messageId: message.id, params: message.params };
  }
}

export interface PodErrorDetails {
  /** The container's name in the Pod spec ("POD" is the infra). */
  container?: string;
  exitCode?: number;
  /** The last lines the failed container wrote. */
  logs?: string;
  /** The engine's own message, for the curious. */
  cause?: string;
  /** ENGINE_LOST: the Docker names of what the run had created and could not remove. */
  left?: string[];
  problems?: { code: string; message: string; path?: string; messageId?: string; params?: object }[];
  /** Catalogue key and values of the message, set from a PodMessage. */
  messageId?: string;
  params?: PodMessageParams;
}

function engineMessage(err: unknown): string {
  const e = err as { json?: { message?: string }; reason?: string; message?: string };
  return e?.json?.message ?? e?.message ?? String(err);
}

function statusCode(err: unknown): number | undefined {
  return (err as { statusCode?: number })?.statusCode;
}

/** Translates an engine error during `action` on `container` into a PodError a user can act on. */
export function explainEngineError(
  err: unknown,
  action: string,
  container: string | undefined,
  image?: string,
): PodError {
  if (err instanceof PodError) return err;
  const raw = engineMessage(err);
  // The run says what it was doing and what is left (pod-runtime); the error only says the engine is gone.
  if (isEngineLost(err))
    return new PodError('ENGINE_LOST', podMessages.ENGINE_LOST_NOW({ cause: raw }), { cause: raw });
  const who = whoPhrase(container);
  const details = { container, cause: raw };
  const port =
    /Bind for [^\s]*?:(\d+) failed: port is already allocated/.exec(raw) ??
    /listen (?:tcp|udp|sctp)[46]? [^\s]*?:(\d+): bind: address already in use/.exec(raw) ??
    /(?:port|address) (?:is )?already (?:allocated|in use)/.exec(raw);
  if (port) {
    return new PodError(
      'PORT_TAKEN',
      podMessages.PORT_TAKEN({ port: port[1] ? Number(port[1]) : undefined, who }),
      details,
    );
  }
  if (/No such image|pull access denied|manifest unknown|repository does not exist/i.test(raw)) {
    return new PodError('IMAGE_MISSING', podMessages.IMAGE_MISSING({ image, who }), details);
  }
  if (
    /bind source path does not exist|invalid mount config|error while mounting|mount(?:ing)? .*(?:failed|denied|no such)|not a directory|is not a valid/i.test(
      raw,
    )
  ) {
    return new PodError('MOUNT_FAILED', podMessages.MOUNT_FAILED({ who, cause: raw }), details);
  }
  if (statusCode(err) === 409 && /already in use by container/.test(raw)) {
    return new PodError('NAME_CONFLICT', podMessages.NAME_CONFLICT({ who }), details);
  }
  return new PodError(
    'ENGINE_ERROR',
    podMessages.ENGINE_ERROR({ action: actionPhrase(action), who, cause: raw }),
    details,
  );
}
