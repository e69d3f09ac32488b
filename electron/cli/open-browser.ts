// Opens the app in the user's browser without putting the access token on a command line.
//
// A browser started with a URL keeps it in its command line (/proc/PID/cmdline) for as long as it runs, where every
// local user can read it. So the browser is given a file instead: a page, readable only by the user, that sends it on
// to the app with a one-time launch code. The code is spent when the page trades it for the token, and the file is
// removed then (or after LAUNCH_TTL_MS): a copy found later opens nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserHost } from '../host/host';
import { warn } from './terminal';

/** How long the launch file and its code stay good: a browser's cold start, with room to spare. */
export const LAUNCH_TTL_MS = 120_000;

/** The program that opens a file in the browser: $PODWRIGHT_OPEN_WITH (one argument: the file), else the system's. */
export function opener(file: string, env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  if (env.PODWRIGHT_OPEN_WITH) return [env.PODWRIGHT_OPEN_WITH, [file]];
  if (process.platform === 'darwin') return ['open', [file]];
  if (process.platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', file]];
  return ['xdg-open', [file]];
}

/** The launch page: an immediate redirect, and a link for a browser that does not follow it. */
export function launchPage(url: string): string {
  return `<!doctype html>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0; url=${url}">
<title>Podwright</title>
<p><a href="${url}">Open Podwright</a></p>
`;
}

/** Writes a launch file for `host` and opens it; answers the file's path. */
export function openInBrowser(host: BrowserHost, env: NodeJS.ProcessEnv = process.env): string {
  // mkdtemp makes the folder 0700 and the file is 0600: no other local user can read the code before the browser does.
  const dir = mkdtempSync(join(tmpdir(), 'podwright-open-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, 'open-podwright.html');
  writeFileSync(file, launchPage(host.launchUrl(LAUNCH_TTL_MS, remove)), { mode: 0o600, flag: 'wx' });
  setTimeout(remove, LAUNCH_TTL_MS).unref();
  process.once('exit', remove);
  const [command, args] = opener(file, env);
  // Arguments are passed as a list, never through a shell.
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => warn('Could not open a browser; open the address above yourself.'));
  child.unref();
  return file;
}
