// The user's settings file (chosen engine, recent files, ...): where it lives, read leniently, written atomically.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const MAX_SETTINGS_BYTES = 64 * 1024;

/** What decides where the settings file lives (the environment and platform; injectable for tests). */
export interface SettingsPlace {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}


const Settings = z
  .object({
    engine: z.object({ host: z.string().max(1100) }).optional(),
    /** A kubeconfig context (and namespace) chosen as the engine; it takes precedence over `engine` (issue 18). */
    cluster: z.object({ context: z.string().max(253), namespace: z.string().max(63) }).optional(),
  })
  .loose();
export type Settings = z.infer<typeof Settings>;

/** $PODWRIGHT_CONFIG_DIR, else the platform's per-user config directory, plus /podwright. */
export function settingsPath(deps: SettingsPlace = { env: process.env, platform: process.platform, home: homedir() }): string {
  const { env, platform, home } = deps;
  if (env.PODWRIGHT_CONFIG_DIR) return join(env.PODWRIGHT_CONFIG_DIR, 'settings.json');
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || join(home, '.config');
  return join(base, 'podwright', 'settings.json');
}

/** The saved settings; a missing, oversized or malformed file reads as no settings (never a crash at start). */
export function readSettings(path = settingsPath()): Settings {
  try {
    if (statSync(path).size > MAX_SETTINGS_BYTES) return {};
    const parsed = Settings.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Writes atomically (temp file + rename), so a crash never leaves half a settings file. */
export function writeSettings(settings: Settings, path = settingsPath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}
