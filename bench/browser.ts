// The Chromium the browser benchmarks drive: Debian's, headless, without the background work that would add noise.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser benchmarks cannot run here, or undefined. */
export function chromiumMissing(): string | undefined {
  return existsSync(chromiumPath) ? undefined : `Chromium not found at ${chromiumPath}`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}
