// How the Docker client (dockerode and docker-modem) goes into the back end's bundles: bundled, except the few modules
// that only image builds and ssh:// hosts use, which stay in node_modules and load the first time they are called.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

/**
 * What dockerode and docker-modem require as they load, for features Podwright never uses: ssh:// hosts (ssh2; the
 * engine connection refuses them) and image builds (BuildKit sessions over gRPC, BuildKit's protobuf output, tar build
 * contexts and .dockerignore). Loading them cost every `podwright run`, `ps` and `down` about half a second on a
 * loaded machine. Each is replaced, for its one importer, by a stand-in of the same shape (a function, or an object
 * whose properties are read when used) that requires the real module on first use, so nothing that is used breaks.
 */
const deferred = [
  { importer: 'docker-modem/lib/modem.js', request: './ssh', shape: 'function' },
  { importer: 'dockerode/lib/docker.js', request: './session', shape: 'function' },
  { importer: 'dockerode/lib/docker.js', request: './buildkit', shape: 'object' },
  { importer: 'dockerode/lib/util.js', request: 'tar-fs', shape: 'object' },
  { importer: 'dockerode/lib/util.js', request: '@balena/dockerignore', shape: 'function' },
];

/** Packages that only the deferred modules reach: a bundle that carries one of them has lost a stand-in. */
export const deferredPackages = ['ssh2', '@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs', 'tar-fs', '@balena/dockerignore', 'uuid'];

const NAMESPACE = 'podwright-deferred';
const slashed = (path) => path.split(sep).join('/');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The bare specifier that finds `file` from the project (the bundles live in dist/ and require it from there), e.g.
 * `dockerode/lib/session.js`, or `dockerode/node_modules/tar-fs/index.js` for a copy nested under dockerode. The
 * importer may be reported through a symbolic link's target (node_modules linked in), so each place the path could
 * start is tried until the project resolves it to the same file.
 */
function specifierOf(file, projectRoot) {
  const path = slashed(file);
  const fromProject = createRequire(join(projectRoot, 'package.json'));
  const real = realpathSync(file);
  for (let at = path.indexOf('/node_modules/'); at !== -1; at = path.indexOf('/node_modules/', at + 1)) {
    const specifier = path.slice(at + '/node_modules/'.length);
    try {
      if (realpathSync(fromProject.resolve(specifier)) === real) return specifier;
    } catch {
      // Not reachable under this name from the project: try a later start.
    }
  }
  throw new Error(`${path} cannot be required from ${projectRoot}`);
}

function standIn(specifier, shape) {
  const load = `let real; const load = () => (real ??= require(${JSON.stringify(specifier)}));`;
  return shape === 'function'
    ? `${load}\nmodule.exports = function deferred(...args) { return load().apply(this, args); };\n`
    : `${load}\nmodule.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });\n`;
}

/** The esbuild plugin: bundles the Docker client with the stand-ins; the real modules stay external. */
export function dockerClientPlugin(projectRoot) {
  const requests = [...new Set(deferred.map((d) => d.request))];
  return {
    name: 'podwright-docker-client',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${requests.map(escape).join('|')})$`) }, (args) => {
        const importer = slashed(args.importer);
        const entry = deferred.find((d) => d.request === args.path && importer.endsWith(`/node_modules/${d.importer}`));
        if (!entry) return undefined;
        const specifier = specifierOf(createRequire(args.importer).resolve(args.path), projectRoot);
        return { path: specifier, namespace: NAMESPACE, pluginData: { specifier, shape: entry.shape } };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: standIn(args.pluginData.specifier, args.pluginData.shape),
        loader: 'js',
        resolveDir: projectRoot,
      }));
      // The real module is required at run time, from node_modules, as the stand-in asks.
      build.onResolve({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/**
 * Throws when the Docker client in a bundle imports a package only the stand-ins should reach (a dockerode upgrade
 * moved a require). Only the Docker client's own imports count: the Kubernetes client bundles tar-fs for `kubectl cp`
 * in the cluster commands' chunk, which run, down and ps never load.
 */
export function checkDockerClient(metafile, what) {
  // A stand-in's own input is named `podwright-deferred:<the real file>`; only files read from disk count.
  const dockerClient = Object.entries(metafile.inputs).filter(
    ([input]) => !input.startsWith(`${NAMESPACE}:`) && /node_modules\/(dockerode|docker-modem)\//.test(slashed(input)),
  );
  const carried = deferredPackages.filter((pkg) =>
    dockerClient.some(([, info]) => info.imports.some((i) => slashed(i.path).includes(`node_modules/${pkg}/`))),
  );
  if (carried.length > 0) {
    throw new Error(
      `${what} would load ${carried.join(', ')} at start: dockerode or docker-modem requires them from a place electron/build-docker-client.mjs does not defer`,
    );
  }
}
