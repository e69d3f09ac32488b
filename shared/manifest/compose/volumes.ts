// A Pod's volumes from its services' mounts: project volumes → emptyDir (or a claim with volumes 'pvc'; an external
// volume is always a claim), bind mounts → hostPath resolved against the Compose file's folder, tmpfs and shm_size →
// memory-backed emptyDir, anonymous volumes → emptyDir, configs/secrets → ConfigMap/Secret volumes. A volume two
// containers of the Pod mount is one Pod volume mounted twice.
import type { Volume, VolumeMount } from '../../model/pod';
import type { MapContext } from './context';
import type { FileMountModel, MountModel, ServiceModel } from './model';
import { dataKey, dnsLabel, uniqueIn } from './names';
import { cleanPath } from './syntax';
import { memoryQuantity } from './units';

const PROPAGATION: Record<string, string> = {
  rshared: 'Bidirectional',
  shared: 'Bidirectional',
  rslave: 'HostToContainer',
  slave: 'HostToContainer',
  rprivate: 'None',
  private: 'None',
};

export class PodVolumes {
  readonly volumes: Volume[] = [];
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  constructor(private readonly ctx: MapContext) {}

  private volume(key: string | undefined, base: string, make: (name: string) => Volume): string {
    const known = key ? this.byKey.get(key) : undefined;
    if (known) return known;
    const name = uniqueIn(this.taken, dnsLabel(base, 'volume'));
    if (key) this.byKey.set(key, name);
    this.volumes.push(make(name));
    return name;
  }

  /** Every mount of the service, as volumeMounts of its container (named `container`). */
  mountsFor(s: ServiceModel, container: string): VolumeMount[] {
    const mounts: VolumeMount[] = [];
    let scratch = 0;
    const add = (name: string, target: string, extra: Partial<VolumeMount> = {}): void => {
      mounts.push({ name, mountPath: target, ...extra });
    };
    for (const m of s.volumes) {
      if (m.ignored.length > 0)
        this.ctx.say('mountOptionsIgnored', { service: s.name, target: m.target, options: m.ignored.join(', ') });
      const readOnly = m.readOnly ? { readOnly: true } : {};
      if (m.type === 'volume' && m.source) {
        const name = this.namedVolume(m);
        add(name, m.target, { ...readOnly, ...(m.subpath ? { subPath: m.subpath } : {}) });
      } else if (m.type === 'volume' || (m.type === 'tmpfs' && !m.source)) {
        const memory = m.type === 'tmpfs';
        const name = this.volume(undefined, `${container}-${memory ? 'tmpfs' : 'data'}-${++scratch}`, (n) => ({
          name: n,
          emptyDir: memory ? { medium: 'Memory', ...(m.size ? { sizeLimit: memoryQuantity(m.size) } : {}) } : {},
        }));
        add(name, m.target, readOnly);
      } else if (m.type === 'bind' && m.source) {
        const path = this.hostPath(m.source, s);
        const name = this.volume(`host:${path}`, lastSegment(path) || 'host', (n) => ({ name: n, hostPath: { path } }));
        const propagation = m.propagation ? PROPAGATION[m.propagation] : undefined;
        add(name, m.target, {
          ...readOnly,
          ...(propagation && propagation !== 'None' ? { mountPropagation: propagation } : {}),
        });
      } else {
        this.ctx.say('mountTypeUnsupported', { service: s.name, target: m.target, type: m.type });
      }
    }
    for (const t of s.tmpfs) {
      const name = this.volume(undefined, `${container}-tmpfs-${++scratch}`, (n) => ({
        name: n,
        emptyDir: { medium: 'Memory', ...(t.size ? { sizeLimit: memoryQuantity(t.size) } : {}) },
      }));
      add(name, t.target);
    }
    if (s.shmSize !== undefined) {
      const name = this.volume(undefined, `${container}-shm`, (n) => ({
        name: n,
        emptyDir: { medium: 'Memory', sizeLimit: memoryQuantity(s.shmSize!) },
      }));
      add(name, '/dev/shm');
      this.ctx.say('shmSize', { service: s.name, size: memoryQuantity(s.shmSize) });
    }
    this.fileMounts(s, 'configs', mounts);
    this.fileMounts(s, 'secrets', mounts);
    return mounts;
  }

  private namedVolume(m: MountModel): string {
    const source = m.source!;
    const resource = this.ctx.project.volumes.get(source);
    if (resource?.external || this.ctx.volumes === 'pvc') {
      const claim = dnsLabel(
        resource?.external
          ? (resource.externalName ?? source)
          : (resource?.externalName ?? `${this.ctx.project.name}-${source}`),
        'data',
      );
      if (resource?.external) this.ctx.say('volumeExternal', { volume: source, claim });
      else {
        this.ctx.add({
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: claim, labels: { 'app.kubernetes.io/part-of': dnsLabel(this.ctx.project.name) } },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        });
        this.ctx.say('volumeClaim', { volume: source, claim });
      }
      return this.volume(`named:${source}`, source, (name) => ({ name, persistentVolumeClaim: { claimName: claim } }));
    }
    this.ctx.say('volumeEmptyDir', { volume: source });
    if (resource?.driver && resource.driver !== 'local')
      this.ctx.say('volumeDriver', { volume: source, driver: resource.driver });
    return this.volume(`named:${source}`, source, (name) => ({ name, emptyDir: {} }));
  }

  /** A bind source as an absolute host path: `~` from HOME, relative paths against the Compose file's folder. */
  private hostPath(source: string, s: ServiceModel): string {
    const { directory, home } = this.ctx.project;
    if (source.startsWith('~')) {
      if (!home) {
        this.ctx.say('bindUnresolved', { service: s.name, source });
        return source;
      }
      return cleanPath(`${home}/${source.slice(1)}`);
    }
    if (source.startsWith('/')) return cleanPath(source);
    if (!directory) {
      this.ctx.say('bindUnresolved', { service: s.name, source });
      return source;
    }
    this.ctx.say('bindRelative', { directory });
    return cleanPath(`${directory}/${source}`);
  }

  private fileMounts(s: ServiceModel, kind: 'configs' | 'secrets', mounts: VolumeMount[]): void {
    const list = s[kind];
    // Secrets in Compose's own /run/secrets folder (empty in every image) mount as one volume when there is only
    // one; anything else is one file placed with subPath, as Compose binds a single file.
    const inRunSecrets = list.filter((m) => kind === 'secrets' && dirname(m.target) === '/run/secrets');
    for (const m of list) {
      const ref = this.fileObject(kind, m);
      if (!ref) continue;
      const file = lastSegment(m.target) || ref.key;
      const items = [{ key: ref.key, path: file, ...(m.mode !== undefined ? { mode: m.mode & 0o777 } : {}) }];
      if (m.uid !== undefined || m.gid !== undefined) this.ctx.say('fileOwner', { service: s.name, target: m.target });
      const source =
        kind === 'configs' ? { configMap: { name: ref.name, items } } : { secret: { secretName: ref.name, items } };
      const whole = inRunSecrets.length === 1 && inRunSecrets[0] === m;
      const name = this.volume(
        whole ? undefined : `${kind}:${m.source}:${file}`,
        `${kind === 'configs' ? 'config' : 'secret'}-${m.source}`,
        (n) => ({
          name: n,
          ...source,
        }),
      );
      mounts.push(
        whole
          ? { name, mountPath: '/run/secrets', readOnly: true }
          : { name, mountPath: m.target, subPath: file, readOnly: true },
      );
    }
  }

  /** The ConfigMap or Secret a config/secret becomes (made once per design); undefined when it does not exist. */
  private fileObject(kind: 'configs' | 'secrets', m: FileMountModel): { name: string; key: string } | undefined {
    const resource = this.ctx.project[kind].get(m.source);
    if (!resource) return undefined;
    const name = dnsLabel(resource.externalName ?? m.source, kind === 'configs' ? 'config' : 'secret');
    const key = dataKey(m.source);
    const objectKind = kind === 'configs' ? 'ConfigMap' : 'Secret';
    if (resource.external) {
      this.ctx.say('fileExternal', { kind: objectKind, source: m.source, name });
      return { name, key: dataKey(resource.externalName ?? m.source) };
    }
    if (!this.ctx.has(objectKind, name)) {
      const content = resource.content;
      if (content === undefined)
        this.ctx.say('fileContentMissing', {
          kind: objectKind,
          source: m.source,
          file: resource.file ?? resource.environment ?? '',
        });
      const data = content === undefined ? {} : { [key]: content };
      this.ctx.add(
        objectKind === 'ConfigMap'
          ? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data }
          : { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'Opaque', stringData: data },
      );
    }
    return { name, key };
  }
}

function lastSegment(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? '';
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
