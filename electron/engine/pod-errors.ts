// Typed errors for running a Pod: a stable code, the container it is about, and the cause in plain words.

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
  /** The user cancelled the run; what it had created was removed (not a failure). */
  | 'RUN_CANCELLED'
  | 'ENGINE_ERROR';

export class PodError extends Error {
  override readonly name = 'PodError';
  constructor(
    readonly code: PodErrorCode,
    message: string,
    readonly details: {
      /** The container's name in the Pod spec ("POD" is the infra). */
      container?: string;
      exitCode?: number;
      /** The last lines the failed container wrote. */
      logs?: string;
      /** The engine's own message, for the curious. */
      cause?: string;
      problems?: { code: string; message: string; path?: string }[];
    } = {},
  ) {
    super(message);
  }
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
  const who = container === 'POD' ? "the Pod's infra container" : container ? `container "${container}"` : 'the Pod';
  const port =
    /Bind for [^\s]*?:(\d+) failed: port is already allocated/.exec(raw) ??
    /listen (?:tcp|udp|sctp)[46]? [^\s]*?:(\d+): bind: address already in use/.exec(raw) ??
    /(?:port|address) (?:is )?already (?:allocated|in use)/.exec(raw);
  if (port) {
    const which = port[1] ? `Host port ${port[1]}` : 'A host port of this Pod';
    return new PodError(
      'PORT_TAKEN',
      `${which} is already in use on this machine, so ${who} could not publish it. Stop what uses the port, or pick another hostPort.`,
      {
        container,
        cause: raw,
      },
    );
  }
  if (/No such image|pull access denied|manifest unknown|repository does not exist/i.test(raw)) {
    return new PodError(
      'IMAGE_MISSING',
      `Image ${image ?? ''} for ${who} is not on this machine and cannot be pulled.`.replace('  ', ' '),
      {
        container,
        cause: raw,
      },
    );
  }
  if (
    /bind source path does not exist|invalid mount config|error while mounting|mount(?:ing)? .*(?:failed|denied|no such)|not a directory|is not a valid/i.test(
      raw,
    )
  ) {
    return new PodError('MOUNT_FAILED', `A volume of ${who} could not be mounted: ${raw}`, { container, cause: raw });
  }
  if (statusCode(err) === 409 && /already in use by container/.test(raw)) {
    return new PodError(
      'NAME_CONFLICT',
      `A container called like ${who} already exists. Run "podwright down" for this Pod first.`,
      {
        container,
        cause: raw,
      },
    );
  }
  return new PodError('ENGINE_ERROR', `Could not ${action} ${who}: ${raw}`, { container, cause: raw });
}
