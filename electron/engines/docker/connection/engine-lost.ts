// A lost engine in the user's words: which errors mean the engine itself is gone (not a bad request), which engine,
// and what happened to the connection, the same for runs, status, logs and exec.
import type Docker from 'dockerode';
import { ApiError } from '../../../../shared/api';

const LOST_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Engine errors that mean the engine itself is gone (socket missing, refused, reset, silent), not a bad request. */
export function isEngineLost(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || (e as { statusCode?: number }).statusCode) return false;
  return LOST_CODES.has(e.code ?? '') || /^(socket hang up|aborted)$/.test(e.message ?? '');
}

/** The engine a client talks to, as a user would write it: unix:///var/run/docker.sock, tcp://host:2376. */
export function engineAddress(docker: Docker): string {
  const modem = docker.modem as { socketPath?: unknown; host?: string; port?: number | string; protocol?: string };
  if (typeof modem.socketPath === 'string') {
    return modem.socketPath.startsWith('//./pipe/') ? `npipe://${modem.socketPath}` : `unix://${modem.socketPath}`;
  }
  if (modem.host) return `tcp://${modem.host}${modem.port ? `:${modem.port}` : ''}`;
  return 'the default socket';
}

/** What became of the connection, from the error that ended it. */
export function lostHow(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  switch (e?.code) {
    case 'ECONNREFUSED':
      return 'nothing answers there now';
    case 'ENOENT':
      return 'its socket is gone';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return 'it stopped answering';
    default:
      return 'it closed the connection';
  }
}

/** "Lost the connection to the Docker Engine at unix:///var/run/docker.sock (it closed the connection)". */
export function lostConnection(docker: Docker, err: unknown): string {
  return `Lost the connection to the Docker Engine at ${engineAddress(docker)} (${lostHow(err)})`;
}

/** A stream or call that lost the engine, as the API reports it (a log stream resumes from `details.since`). */
export function engineLostError(docker: Docker, err: unknown, details: Record<string, unknown> = {}): ApiError {
  return new ApiError('ENGINE_UNREACHABLE', `${lostConnection(docker, err)}. Start the engine again.`, details);
}
