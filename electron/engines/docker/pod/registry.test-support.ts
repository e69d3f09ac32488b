// A tiny Docker Registry (HTTP API v2, pull side only) for tests: serves images taken from the local engine over plain
// HTTP on 127.0.0.1, so pulls can be tested with no network (Docker treats 127.0.0.0/8 registries as insecure).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type Docker from 'dockerode';
import { tarball } from './pod-archive';

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG_V1 = 'application/vnd.docker.container.image.v1+json';
const LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

/** An image as a registry holds it: the manifest (and its digest) and every blob it names, by digest. */
export interface RegistryImage {
  manifest: Buffer;
  digest: string;
  blobs: Map<string, Buffer>;
  /** The random file the extra layer adds (e.g. "/pulltest/0a1b2c3d4e5f.bin"), to tell two such images apart. */
  marker?: string;
}

export interface RegistryRequest {
  method: string;
  path: string;
}

export interface TestRegistry {
  /** "localhost:<port>", to put in front of an image name. */
  host: string;
  /** Every request the registry answered, in order. */
  requests: RegistryRequest[];
  /** Blob downloads the client hung up on before the last byte (a cancelled pull), in order. */
  abandoned: RegistryRequest[];
  /** Serves `image` as `<host>/<name>:<tag>`. */
  publish(name: string, tag: string, image: RegistryImage): void;
  /** Forgets `name:tag`: its manifest answers 404 (manifest unknown) from now on. */
  unpublish(name: string, tag: string): void;
  close(): Promise<void>;
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** The files of a tar archive (ustar, with GNU long names and pax paths), as slices of `tar`. */
export function* tarEntries(tar: Buffer): Generator<{ name: string; data: Buffer }> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return;
    const field = (start: number, length: number): string =>
      header.toString('utf8', start, start + length).replace(/\0[\s\S]*$/, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(257, 5) === 'ustar' ? field(345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const data = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
    } else if (type === 'L') {
      longName = data.toString('utf8').replace(/\0[\s\S]*$/, '');
    } else if (type !== 'g') {
      yield { name, data };
    }
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * `ref` from the engine (GET /images/{name}/get, what `docker save` writes) as a registry image with gzip layers.
 * By default one more layer of `extraLayerBytes` random bytes is added: the image gets its own ID (removing it
 * never touches `ref`), and the engine has to download that layer, so the pull reports byte progress.
 */
export async function imageFromEngine(
  docker: Docker,
  ref: string,
  options: { extraLayerBytes?: number } = {},
): Promise<RegistryImage> {
  const files = new Map<string, Buffer>();
  for (const entry of tarEntries(await readAll(await docker.getImage(ref).get()))) files.set(entry.name, entry.data);
  const saved = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '[]') as {
    Config: string;
    Layers: string[];
  }[];
  const [image] = saved;
  if (!image) throw new Error(`docker save of ${ref} holds no image`);
  const config = JSON.parse(files.get(image.Config)!.toString('utf8')) as {
    rootfs: { type: string; diff_ids: string[] };
    history?: { created?: string; created_by?: string; empty_layer?: boolean }[];
  };
  const layers = image.Layers.map((path) => {
    const tar = files.get(path);
    if (!tar) throw new Error(`docker save of ${ref} lacks its layer ${path}`);
    return tar;
  });
  const extra = options.extraLayerBytes ?? 256 * 1024;
  let marker: string | undefined;
  if (extra > 0) {
    const id = randomBytes(6).toString('hex');
    marker = `/pulltest/${id}.bin`;
    const tar = tarball([
      { path: 'pulltest/', mode: 0o755 },
      { path: `pulltest/${id}.bin`, mode: 0o644, content: randomBytes(extra) },
    ]);
    layers.push(tar);
    config.rootfs.diff_ids.push(sha256(tar));
    config.history = [
      ...(config.history ?? []),
      { created: new Date().toISOString(), created_by: `podwright pull test layer ${id}` },
    ];
  }
  const blobs = new Map<string, Buffer>();
  const configBytes = Buffer.from(JSON.stringify(config));
  blobs.set(sha256(configBytes), configBytes);
  const layerDescriptors = layers.map((tar) => {
    const gz = gzipSync(tar);
    const digest = sha256(gz);
    blobs.set(digest, gz);
    return { mediaType: LAYER_GZIP, size: gz.length, digest };
  });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_V2,
      config: { mediaType: CONFIG_V1, size: configBytes.length, digest: sha256(configBytes) },
      layers: layerDescriptors,
    }),
  );
  return { manifest, digest: sha256(manifest), blobs, ...(marker ? { marker } : {}) };
}

/**
 * Starts the registry on 127.0.0.1 at a free port. `bytesPerSecond` throttles blob downloads (in 16 KiB chunks), so
 * that the engine reports progress between the first byte and the last.
 */
export async function startRegistry(options: { bytesPerSecond?: number } = {}): Promise<TestRegistry> {
  const repositories = new Map<string, Map<string, RegistryImage>>();
  const requests: RegistryRequest[] = [];
  const abandoned: RegistryRequest[] = [];
  const chunk = 16 * 1024;
  const pause = options.bytesPerSecond ? (chunk / options.bytesPerSecond) * 1000 : 0;

  /** Sends `body` at the throttled rate; false when the client hung up before the last byte. */
  const send = async (res: ServerResponse, body: Buffer, head: boolean): Promise<boolean> => {
    if (head) {
      res.end();
      return true;
    }
    // 'close' before end() means the client hung up (a cancelled pull); writes after that would only vanish.
    let gone = false;
    const onClose = (): void => {
      gone = true;
    };
    res.once('close', onClose);
    for (let at = 0; at < body.length && !gone; at += chunk) {
      if (!res.write(body.subarray(at, at + chunk)) && !gone)
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      if (pause > 0 && !gone) await new Promise((r) => setTimeout(r, pause));
    }
    res.off('close', onClose);
    if (gone) return false;
    res.end();
    return true;
  };
  const fail = (res: ServerResponse, status: number, code: string, message: string): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ code, message }] }));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://registry').pathname;
    requests.push({ method, path });
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (method !== 'GET' && method !== 'HEAD') return fail(res, 405, 'UNSUPPORTED', 'this registry only serves pulls');
    if (path === '/v2/' || path === '/v2')
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (manifest) {
      const [, name, reference] = manifest as unknown as [string, string, string];
      const tags = repositories.get(name);
      const image = reference.startsWith('sha256:')
        ? [...(tags?.values() ?? [])].find((i) => i.digest === reference)
        : tags?.get(reference);
      if (!image) return fail(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown');
      res.writeHead(200, {
        'Content-Type': MANIFEST_V2,
        'Content-Length': image.manifest.length,
        'Docker-Content-Digest': image.digest,
      });
      return void (await send(res, image.manifest, method === 'HEAD'));
    }
    const blob = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(path);
    if (blob) {
      const [, name, digest] = blob as unknown as [string, string, string];
      const data = [...(repositories.get(name)?.values() ?? [])].map((i) => i.blobs.get(digest)).find(Boolean);
      if (!data) return fail(res, 404, 'BLOB_UNKNOWN', 'blob unknown to registry');
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': data.length,
        'Docker-Content-Digest': digest,
      });
      if (!(await send(res, data, method === 'HEAD'))) abandoned.push({ method, path });
      return;
    }
    fail(res, 404, 'NAME_UNKNOWN', 'repository name not known to registry');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: `localhost:${port}`,
    requests,
    abandoned,
    publish(name, tag, image) {
      const tags = repositories.get(name) ?? new Map<string, RegistryImage>();
      tags.set(tag, image);
      repositories.set(name, tags);
    },
    unpublish(name, tag) {
      repositories.get(name)?.delete(tag);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
