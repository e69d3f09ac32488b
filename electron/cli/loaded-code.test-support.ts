// For tests: which packages' code a `podwright` process loaded, whether it came from node_modules (an ES import, or
// a require(), made at once or later) or from inside a built bundle (read from the bundle's source map).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface LoadedCode {
  /** Packages whose code ran in the process (`dockerode`, `@grpc/grpc-js`, ...). */
  packages: string[];
  code: number;
  stdout: string;
  stderr: string;
}

const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/** The packages in `file`: itself when it sits in node_modules, else the sources its map lists (a bundle). */
function packagesIn(file: string): string[] {
  const own = PACKAGE.exec(file);
  if (own) return [own[1]!];
  const map = `${file}.map`;
  if (!existsSync(map)) return [];
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  // A source named `namespace:...` is made by the build (a stand-in that loads the real module on first use), not
  // the package's own code: if the real module loads, the process sees it come from node_modules.
  return sources.filter((s) => !/^[\w-]+:/.test(s)).flatMap((s) => PACKAGE.exec(s)?.[1] ?? []);
}

/**
 * Runs `node [nodeArgs] bin args` and returns the packages its code came from. Every module Node loads is noted: ES
 * modules by a resolve hook, CommonJS ones (require() from a bundle, at any time) from Node's module cache at exit.
 */
export function loadedCode(
  bin: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<LoadedCode> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-loaded-'));
  const log = join(dir, 'loaded.log');
  const hooks = join(dir, 'hooks.mjs');
  const atExit = join(dir, 'at-exit.cjs');
  writeFileSync(log, '');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');
  return resolved;
}`,
  );
  writeFileSync(
    atExit,
    `const { appendFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');
process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(require('node:module')._cache).map((f) => pathToFileURL(f).href + '\\n').join('')));`,
  );
  const register = `data:text/javascript,import{register}from'node:module';register(${encodeURIComponent(JSON.stringify(pathToFileURL(hooks).href))});`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', atExit, '--import', register, bin, ...args],
      { env: options.env ?? process.env, cwd: options.cwd, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => {
        const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].map((url) => fileURLToPath(url));
        rmSync(dir, { recursive: true, force: true });
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ packages: [...new Set(files.flatMap(packagesIn))].sort(), code, stdout, stderr });
      },
    );
  });
}
