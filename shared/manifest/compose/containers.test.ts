// Running containers into a design: the image's defaults are not repeated, namespaces joined by container become
// ties, a Compose project keeps its service names and volumes, and a Podwright Pod comes back as it was run.
import { describe, expect, it } from 'vitest';
import type { ContainerDetails } from '../../api/imports';
import { Labels } from '../../model/labels';
import type { Pod } from '../../model/pod';
import { readContainers } from './containers';

function container(
  name: string,
  over: Partial<ContainerDetails['config']> = {},
  host: Partial<ContainerDetails['hostConfig']> = {},
): ContainerDetails {
  // Container ids are 64 hex digits; these are made from the name so each test container has its own.
  const id = [...name]
    .map((c) => c.charCodeAt(0).toString(16))
    .join('')
    .padEnd(64, 'f')
    .slice(0, 64);
  return {
    id,
    name,
    image: 'podwright-test/busybox:1',
    running: true,
    config: {
      hostname: id.slice(0, 12),
      domainname: '',
      user: '',
      env: ['PATH=/bin'],
      cmd: ['/bin/sh'],
      entrypoint: null,
      workingDir: '',
      labels: {},
      exposedPorts: [],
      tty: false,
      openStdin: false,
      ...over,
    },
    imageDefaults: {
      env: ['PATH=/bin'],
      cmd: ['/bin/sh'],
      entrypoint: null,
      workingDir: '',
      user: '',
      exposedPorts: [],
    },
    hostConfig: {
      networkMode: 'default',
      ipcMode: 'private',
      pidMode: '',
      portBindings: {},
      restartPolicy: { name: 'no', maximumRetryCount: 0 },
      privileged: false,
      readonlyRootfs: false,
      capAdd: [],
      capDrop: [],
      memory: 0,
      memoryReservation: 0,
      nanoCpus: 0,
      cpuQuota: 0,
      cpuPeriod: 0,
      shmSize: 64 * 1024 * 1024,
      sysctls: {},
      extraHosts: [],
      dns: [],
      dnsSearch: [],
      dnsOptions: [],
      tmpfs: {},
      ...host,
    },
    mounts: [],
    networks: [],
  };
}

const compose = (project: string, service: string): Record<string, string> => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
});

describe('running containers into a design', () => {
  it('keeps what was set on the container and leaves out what the image gives', () => {
    const web = container(
      'shop-web-1',
      {
        labels: compose('shop', 'web'),
        cmd: ['httpd', '-f', '-p', '8080'],
        env: ['PATH=/bin', 'MODE=prod'],
        exposedPorts: ['8080/tcp'],
        healthcheck: { test: ['CMD-SHELL', 'wget -q localhost:8080'], interval: 10e9, retries: 3 },
      },
      {
        networkMode: 'shop_default',
        portBindings: { '8080/tcp': [{ hostIp: '', hostPort: '18080' }] },
        restartPolicy: { name: 'unless-stopped', maximumRetryCount: 0 },
        memory: 256 * 1024 * 1024,
        nanoCpus: 500_000_000,
        capAdd: ['NET_ADMIN'],
      },
    );
    web.mounts = [
      {
        type: 'volume',
        name: 'shop_data',
        source: '/var/lib/docker/volumes/shop_data/_data',
        destination: '/data',
        rw: true,
      },
      { type: 'bind', source: '/srv/conf', destination: '/etc/conf', rw: false },
    ];
    const read = readContainers([web]);
    expect(read.projectName).toBe('shop');
    const pod = read.read.pods[0]!.pod;
    expect(pod.metadata.name).toBe('web');
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.containers[0]).toEqual({
      name: 'web',
      image: 'podwright-test/busybox:1',
      args: ['httpd', '-f', '-p', '8080'],
      env: [{ name: 'MODE', value: 'prod' }],
      ports: [{ containerPort: 8080, protocol: 'TCP', hostPort: 18080 }],
      resources: { limits: { cpu: '500m', memory: '256Mi' } },
      readinessProbe: {
        exec: { command: ['/bin/sh', '-c', 'wget -q localhost:8080'] },
        periodSeconds: 10,
        timeoutSeconds: 30,
        failureThreshold: 3,
      },
      securityContext: { capabilities: { add: ['NET_ADMIN'] } },
      volumeMounts: [
        { name: 'data', mountPath: '/data' },
        { name: 'conf', mountPath: '/etc/conf', readOnly: true },
      ],
    });
    expect(pod.spec.volumes).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'conf', hostPath: { path: '/srv/conf' } },
    ]);
    // The Service's port comes from what the image exposes.
    expect(read.read.objects.find((o) => o.object.kind === 'Service')?.object.spec).toEqual({
      selector: { 'app.kubernetes.io/name': 'web' },
      ports: [{ port: 8080, targetPort: 8080, protocol: 'TCP' }],
    });
  });

  it("puts a container that joins another one's network (by id or name) in its Pod", () => {
    const web = container('web', { labels: compose('p', 'web') }, { networkMode: 'p_default' });
    const sidecar = container(
      'side',
      { labels: compose('p', 'side') },
      { networkMode: `container:${web.id}`, pidMode: 'container:web' },
    );
    const alone = container('other', {}, { networkMode: 'bridge' });
    const read = readContainers([web, sidecar, alone]);
    expect(read.read.pods.map((p) => [p.pod.metadata.name, p.pod.spec.containers.map((c) => c.name)])).toEqual([
      ['web', ['web', 'side']],
      ['other', ['other']],
    ]);
    expect(read.read.pods[0]!.pod.spec.shareProcessNamespace).toBe(true);
  });

  it('names a container that joins one that was not chosen in a note', () => {
    const sidecar = container('side', {}, { networkMode: 'container:0123456789ab' });
    const read = readContainers([sidecar]);
    expect(read.read.notes.find((n) => n.code === 'namespaceContainer')?.params).toEqual({
      service: 'side',
      field: 'network_mode',
      container: '0123456789ab',
    });
  });

  it('gives a Podwright Pod back as the Pod it was run from', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'shop' },
      spec: {
        initContainers: [{ name: 'migrate', image: 'x' }],
        containers: [{ name: 'web', image: 'y', ports: [{ containerPort: 80 }] }],
      },
    };
    const podLabels = { [Labels.managed]: 'true', [Labels.pod]: 'shop', [Labels.namespace]: 'default' };
    const infra = container('shop-infra', {
      labels: { ...podLabels, [Labels.role]: 'infra', [Labels.spec]: JSON.stringify(pod) },
    });
    const web = container(
      'shop-web',
      { labels: { ...podLabels, [Labels.role]: 'app', [Labels.container]: 'web' } },
      { networkMode: 'container:shop-infra' },
    );
    const read = readContainers([infra, web]);
    expect(read.read.pods.map((p) => p.pod)).toEqual([pod]);
    expect(read.read.notes.map((n) => n.code)).toEqual(['containerPodwright']);
  });

  it('rebuilds a Podwright Pod from its labels when the infra carries no spec', () => {
    const podLabels = { [Labels.managed]: 'true', [Labels.pod]: 'shop', [Labels.namespace]: 'default' };
    const infra = container(
      'shop-infra',
      { labels: { ...podLabels, [Labels.role]: 'infra' }, hostname: 'shop' },
      {
        networkMode: 'podwright',
        ipcMode: 'shareable',
        portBindings: { '80/tcp': [{ hostIp: '', hostPort: '8080' }] },
      },
    );
    const joined = {
      networkMode: 'container:shop-infra',
      ipcMode: 'container:shop-infra',
      restartPolicy: { name: 'always', maximumRetryCount: 0 },
    };
    const migrate = container(
      'shop-migrate',
      {
        labels: { ...podLabels, [Labels.role]: 'init', [Labels.container]: 'migrate', [Labels.index]: '0' },
        cmd: ['migrate'],
      },
      { ...joined, restartPolicy: { name: 'no', maximumRetryCount: 0 } },
    );
    const web = container(
      'shop-web',
      {
        labels: { ...podLabels, [Labels.role]: 'app', [Labels.container]: 'web', [Labels.index]: '0' },
        cmd: ['serve'],
      },
      joined,
    );
    const log = container(
      'shop-log',
      { labels: { ...podLabels, [Labels.role]: 'app', [Labels.container]: 'log', [Labels.index]: '1' }, cmd: ['tail'] },
      joined,
    );
    web.mounts = [{ type: 'volume', name: 'shop-cache-abc123', source: '/x', destination: '/cache', rw: true }];
    const read = readContainers([infra, migrate, web, log]);
    expect(read.read.pods).toHaveLength(1);
    const pod = read.read.pods[0]!.pod;
    expect(pod.metadata.name).toBe('shop');
    expect(pod.spec.initContainers?.map((c) => [c.name, c.args])).toEqual([['migrate', ['migrate']]]);
    expect(pod.spec.containers.map((c) => [c.name, c.args])).toEqual([
      ['web', ['serve']],
      ['log', ['tail']],
    ]);
    expect(pod.spec.containers[0]!.ports).toEqual([{ containerPort: 80, protocol: 'TCP', hostPort: 8080 }]);
    expect(pod.spec.hostname).toBe('shop');
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.volumes).toEqual([{ name: 'cache', emptyDir: {} }]);
  });
});
