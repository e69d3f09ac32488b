// Tests the mount path a new connection proposes: the sidecar convention first, then one per volume kind.
import { describe, expect, it } from 'vitest';
import { addContainer, addVolume, connect, emptyDocument, volumeTemplate, type CanvasDocument } from './index';
import type { Volume } from '../model/pod';

function mounted(doc: CanvasDocument, container: string, volume: string): string | undefined {
  const r = connect(doc, `container:${container}`, `volume:${volume}`);
  if ('refused' in r) throw new Error(r.refused);
  const all = [...(r.doc.pod.spec.initContainers ?? []), ...r.doc.pod.spec.containers];
  return all.find((c) => c.name === container)?.volumeMounts?.find((m) => m.name === volume)?.mountPath;
}

function withVolume(volume: Volume): CanvasDocument {
  let doc = addContainer(emptyDocument(), { name: 'app', image: 'busybox:1.36' }, 'containers').doc;
  doc = addContainer(doc, { name: 'shipper', image: 'busybox:1.36', restartPolicy: 'Always' }, 'initContainers').doc;
  return addVolume(doc, volume).doc;
}

describe('defaultMountPath through connect', () => {
  it('proposes the path another container already mounts the volume at (the sidecar convention)', () => {
    let doc = withVolume({ name: 'logs', emptyDir: {} });
    const r = connect(doc, 'container:app', 'volume:logs');
    if ('refused' in r) throw new Error(r.refused);
    doc = r.doc;
    doc = {
      ...doc,
      pod: {
        ...doc.pod,
        spec: {
          ...doc.pod.spec,
          containers: [{ ...doc.pod.spec.containers[0]!, volumeMounts: [{ name: 'logs', mountPath: '/var/log/app' }] }],
        },
      },
    };
    expect(mounted(doc, 'shipper', 'logs')).toBe('/var/log/app');
  });

  it('puts a ConfigMap or Secret under /etc, data at a top-level folder, a host folder where it is on the host', () => {
    expect(mounted(withVolume(volumeTemplate('configMap')), 'app', 'config')).toBe('/etc/config');
    expect(mounted(withVolume(volumeTemplate('secret')), 'app', 'secret')).toBe('/etc/secret');
    expect(mounted(withVolume(volumeTemplate('emptyDir')), 'app', 'data')).toBe('/data');
    expect(mounted(withVolume(volumeTemplate('persistentVolumeClaim')), 'app', 'claim')).toBe('/claim');
    expect(mounted(withVolume(volumeTemplate('hostPath')), 'app', 'host')).toBe('/tmp/podwright');
  });

  it('never mounts over a system folder of the image, and never reuses a path the container has', () => {
    expect(mounted(withVolume({ name: 'tmp', emptyDir: {} }), 'app', 'tmp')).toBe('/mnt/tmp');
    expect(mounted(withVolume({ name: 'etc', emptyDir: {} }), 'app', 'etc')).toBe('/mnt/etc');
    expect(mounted(withVolume({ name: 'x', hostPath: { path: '/' } }), 'app', 'x')).toBe('/mnt/x');
    let doc = withVolume({ name: 'data', emptyDir: {} });
    doc = addVolume(doc, { name: 'cache', emptyDir: {} }).doc;
    const c = doc.pod.spec.containers[0]!;
    doc = {
      ...doc,
      pod: {
        ...doc.pod,
        spec: { ...doc.pod.spec, containers: [{ ...c, volumeMounts: [{ name: 'cache', mountPath: '/data' }] }] },
      },
    };
    expect(mounted(doc, 'app', 'data')).toBe('/data-2');
  });
});
