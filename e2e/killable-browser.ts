// A Chromium this test starts itself, on a profile folder that outlives it, so a journey can kill the browser the way
// a crash or a power cut does (SIGKILL: no unload, no chance to write anything) and start it again on the same profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../playwright.config';

export interface KillableBrowser {
  browser: Browser;
  /** A page in the profile's own context (its storage is the profile's). */
  page: () => Promise<Page>;
  /** SIGKILL to the browser and every process it started, and wait until none of them is left. */
  kill: () => Promise<void>;
}

/** Starts Chromium on `profile` with remote debugging on a port the kernel picks, and connects to it. */
export async function launchKillable(profile: string): Promise<KillableBrowser> {
  const child: ChildProcess = spawn(
    chromiumPath,
    [
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--remote-debugging-address=127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1440,900',
      'about:blank',
    ],
    // Its own process group, so a kill reaches the renderer, GPU and network processes too: killing only the main
    // process left them writing the profile's cache while the test removed it (ENOTEMPTY in CI), and still holding
    // the profile when the next browser started on it.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let output = '';
  const endpoint = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Chromium printed no DevTools address in 30 s:\n${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`Chromium exited with ${code}:\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    page: async () => {
      const context = browser.contexts()[0]!;
      const page = await context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      return page;
    },
    kill: async () => {
      const gone = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is already empty.
      }
      await gone;
      await groupEmpty(child.pid!);
    },
  };
}

function once(child: ChildProcess): Promise<void> {
  return new Promise((done) => child.once('exit', () => done()));
}

/** Waits until no live process is in process group `group` (zombies waiting for a reaper hold no files). */
async function groupEmpty(group: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const left = liveMembers(group);
    if (left.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Chromium's processes ${left.join(', ')} outlived SIGKILL by 15 s`);
    await new Promise((tick) => setTimeout(tick, 50));
  }
}

function liveMembers(group: number): number[] {
  if (process.platform !== 'linux') return signalable(group) ? [group] : [];
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, pgrp, ...
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z' && state !== 'X') members.push(Number(entry));
  }
  return members;
}

/** Where there is no /proc: whether the group still has a member a signal reaches. */
function signalable(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
