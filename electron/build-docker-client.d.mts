// Types for build-docker-client.mjs (plain JavaScript, loaded by the build before anything is compiled).
import type { Metafile, Plugin } from 'esbuild';

/** Packages that only the deferred modules reach: no bundle carries them, and no command loads them at start. */
export const deferredPackages: readonly string[];
export function dockerClientPlugin(projectRoot: string): Plugin;
export function checkDockerClient(metafile: Metafile, what: string): void;
