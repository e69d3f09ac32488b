// The recent files list, kept in the settings file beside the chosen engine: newest first, at most ten.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { readSettings, settingsPath, writeSettings } from '../settings/settings';

export const MAX_RECENT = 10;

const RecentPaths = z.array(z.string().min(1).max(4096)).catch([]);

export class RecentFiles {
  constructor(private readonly settings: string = settingsPath()) {}

  /** The remembered paths that still exist; a file deleted since is dropped from the list (and the settings). */
  list(): string[] {
    const saved = RecentPaths.parse(readSettings(this.settings).recentFiles ?? []).slice(0, MAX_RECENT);
    const present = saved.filter((p) => existsSync(p));
    if (present.length !== saved.length) this.write(present);
    return present;
  }

  /** Moves `path` to the top. */
  add(path: string): void {
    const saved = RecentPaths.parse(readSettings(this.settings).recentFiles ?? []);
    this.write([path, ...saved.filter((p) => p !== path)].slice(0, MAX_RECENT));
  }

  private write(paths: string[]): void {
    try {
      // Re-read just before writing, so the engine choice saved meanwhile is kept.
      writeSettings({ ...readSettings(this.settings), recentFiles: paths }, this.settings);
    } catch {
      // A read-only config folder costs the recent list, never the open or save the user asked for.
    }
  }
}
