// The app's version, from package.json (bundled in, so it also works inside the Electron build).
import pkg from '../package.json' with { type: 'json' };

export function appVersion(): string {
  return pkg.version;
}
