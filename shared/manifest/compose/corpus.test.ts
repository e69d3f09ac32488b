// The real-world Compose corpus (../shared/testdata/compose): every file imports; the grouping and the mapping are
// checked for every file whose INDEX.tsv features name them; the designs validate, or show only what the file has.
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../model/pod';
import { isHostAccess, validatePod } from '../../rules';
import { composeCorpus, readCorpusFile, type CorpusRead } from './corpus.test-support';
import { loadCompose } from './load';
import type { ProjectModel } from './model';

const reads = new Map<string, CorpusRead>();
const read = (path: string): CorpusRead => {
  let r = reads.get(path);
  if (!r) reads.set(path, (r = readCorpusFile(path)));
  return r;
};
const model = (path: string): ProjectModel => {
  const r = read(path);
  const loaded = loadCompose(r.text, { name: r.file, files: r.files, env: {}, directory: r.directory });
  return loaded.project!;
};
const pods = (r: CorpusRead): Pod[] => r.read.pods.map((p) => p.pod);
const podOf = (r: CorpusRead, service: string): Pod | undefined =>
  pods(r).find((p) => [...(p.spec.initContainers ?? []), ...p.spec.containers].some((c) => c.name === service));
const containerOf = (r: CorpusRead, service: string): Container | undefined =>
  pods(r)
    .flatMap((p) => [...(p.spec.initContainers ?? []), ...p.spec.containers])
    .find((c) => c.name === service);
const withFeature = (feature: string): string[] =>
  composeCorpus.filter((f) => f.features.has(feature)).map((f) => f.path);
const broken = new Set(withFeature('broken'));

describe('the Compose corpus', () => {
  it('has the 32 indexed files', () => {
    expect(composeCorpus.length).toBe(32);
  });

  for (const { path } of composeCorpus) {
    it(`imports ${path}`, () => {
      const r = read(path);
      if (broken.has(path)) {
        expect(r.read.problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
        return;
      }
      expect(r.read.pods.length).toBeGreaterThan(0);
      // Every problem points at its place in the file.
      for (const p of r.read.problems.filter((x) => x.code !== 'COMPOSE_BUILD_ONLY'))
        expect(p.at, p.message).toBeDefined();
    });
  }

  it('refuses the broken files for the reasons they are broken', () => {
    const codes = (path: string) => read(path).read.problems.map((p) => `${p.code}:${p.messageId?.split('.').pop()}`);
    expect(codes('docker_compose/invalid-composefile/invalid.yml')).toContain('COMPOSE_INVALID:v1Format');
    expect(read('docker_compose/invalid-composefile/invalid.yml').read.pods).toEqual([]);
    expect(codes('testcontainers_testcontainers-java/docker-compose-deserialization.yml')).toContain(
      'COMPOSE_INVALID:v1Format',
    );
    expect(codes('compose-spec_compose-go/loader/testdata/compose-depends-on-cycle.yaml')).toEqual([
      'COMPOSE_REFERENCE:cycle',
    ]);
    const template = read(
      'open-telemetry_opentelemetry-ebpf-instrumentation/oats-http/docker-compose-generic-template.yml',
    );
    expect(
      template.read.problems.filter((p) => p.messageId === 'rules.COMPOSE_INVALID.messages.port').map((p) => p.path),
    ).toEqual(['services.grafana.ports[0]', 'services.prometheus.ports[0]', 'services.tempo.ports[0]']);
    // The kitchen-sink fixture names services and volumes it never defines, and mixes network_mode with networks.
    expect(codes('compose-spec_compose-go/loader/full-example.yml')).toEqual(
      expect.arrayContaining([
        'COMPOSE_REFERENCE:depends',
        'COMPOSE_INVALID:networkModeAndNetworks',
        'COMPOSE_REFERENCE:volume',
      ]),
    );
  });

  it('puts services that share a network, IPC or PID namespace in one Pod', () => {
    const files = [
      ...new Set([
        ...withFeature('network_mode:service'),
        ...withFeature('pid:service'),
        ...withFeature('ipc:service'),
      ]),
    ];
    expect(files.length).toBeGreaterThanOrEqual(6);
    let checked = 0;
    for (const path of files) {
      const r = read(path);
      for (const s of model(path).services) {
        for (const mode of [s.networkMode, s.ipc, s.pid]) {
          if (!mode?.startsWith('service:')) continue;
          const target = mode.slice(8);
          if (!r.services.includes(target)) continue;
          expect(podOf(r, s.name)?.metadata.name, `${path}: ${s.name} → ${target}`).toBe(
            podOf(r, target)?.metadata.name,
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    // PID sharing becomes shareProcessNamespace on the Pod (grafana beyla: each beyla reads its server's processes).
    expect(podOf(read('grafana_beyla/greeting-apps/docker-compose.yaml'), 'gobeyla')?.spec.shareProcessNamespace).toBe(
      true,
    );
  });

  it('puts services that write one project volume in one Pod, with one emptyDir mounted by each', () => {
    let checked = 0;
    for (const path of [...withFeature('volume:shared-named'), 'agdsn_pycroft/docker-compose.dev.yml']) {
      const project = model(path);
      const writers = new Map<string, string[]>();
      for (const s of project.services)
        for (const m of s.volumes)
          if (m.type === 'volume' && m.source && !m.readOnly && !project.volumes.get(m.source)?.external)
            writers.set(m.source, [...(writers.get(m.source) ?? []), s.name]);
      for (const [volume, services] of writers) {
        if (services.length < 2) continue;
        const r = read(path);
        const pod = podOf(r, services[0]!)!;
        const podVolume = pod.spec.volumes?.find((v) => v.name === volume);
        expect(podVolume, `${path}: ${volume}`).toEqual({ name: volume, emptyDir: {} });
        for (const service of services) {
          expect(podOf(r, service)).toBe(pod);
          expect(containerOf(r, service)?.volumeMounts?.some((m) => m.name === volume)).toBe(true);
        }
        checked++;
      }
    }
    // friendica (app and cron share the web root) and pycroft (five services share home).
    expect(checked).toBe(2);
    // An external volume is not the project's: temporal's shared PKI volume keeps its services apart, as a claim.
    const temporal = read('temporalio_docker-compose/docker-compose-tls.yml');
    expect(podOf(temporal, 'elasticsearch')).not.toBe(podOf(temporal, 'postgresql'));
    for (const service of ['elasticsearch', 'postgresql']) {
      expect(podOf(temporal, service)?.spec.volumes).toEqual(
        expect.arrayContaining([
          { name: 'temporal-tls-pki', persistentVolumeClaim: { claimName: 'temporal-tls-pki' } },
        ]),
      );
    }
  });

  it('makes a service others wait for with service_completed_successfully an init container of their Pods', () => {
    const files = withFeature('depends_on:service_completed_successfully');
    expect(files.length).toBe(2);
    for (const path of files) {
      const r = read(path);
      for (const s of model(path).services) {
        for (const d of s.dependsOn.filter((x) => x.condition === 'service_completed_successfully')) {
          const pod = podOf(r, s.name)!;
          expect(
            pod.spec.initContainers?.map((c) => c.name),
            `${path}: ${s.name} waits for ${d.service}`,
          ).toContain(d.service);
          expect(pod.spec.containers.map((c) => c.name)).not.toContain(d.service);
        }
      }
    }
    const airflow = read('apache_airflow/docker-compose.yaml');
    expect(airflow.read.notes.find((n) => n.code === 'initRunsPerPod')?.params).toEqual({
      service: 'airflow-init',
      count: 5,
    });
  });

  it('names every build-only service in a problem, with the image name Compose would use', () => {
    const files = withFeature('build-only');
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const path of files) {
      const r = read(path);
      const project = model(path);
      const buildOnly = project.services.filter((s) => s.build && !s.image);
      expect(buildOnly.length, path).toBeGreaterThan(0);
      for (const s of buildOnly) {
        const p = r.read.problems.find((x) => x.code === 'COMPOSE_BUILD_ONLY' && x.params?.service === s.name);
        expect(p?.params?.image, `${path}: ${s.name}`).toBe(`${project.name}-${s.name}`);
        expect(containerOf(r, s.name)?.image).toBe(`${project.name}-${s.name}`);
        expect(p?.message).toContain('build the image first');
      }
    }
  });

  it('maps the fields the index lists', () => {
    // Interpolation from .env (wireguard: TIMEZONE, VPN_SERVER_URL), the UDP port, sysctls and capabilities.
    const wireguard = containerOf(read('docker_awesome-compose/wireguard/compose.yaml'), 'wireguard')!;
    expect(wireguard.env).toEqual(expect.arrayContaining([{ name: 'TZ', value: 'Etc/UTC' }]));
    expect(wireguard.ports).toEqual([{ containerPort: 51820, protocol: 'UDP', hostPort: 51820 }]);
    expect(wireguard.securityContext?.capabilities?.add).toEqual(['NET_ADMIN', 'SYS_MODULE']);
    expect(
      podOf(read('docker_awesome-compose/wireguard/compose.yaml'), 'wireguard')?.spec.securityContext?.sysctls,
    ).toEqual([{ name: 'net.ipv4.conf.all.src_valid_mark', value: '1' }]);
    // env_file (mail server) and deploy.resources.limits (minecraft).
    // Its 120 variables go into a ConfigMap read with envFrom; stop_grace_period is the Pod's grace period.
    const mailRead = read('docker-mailserver_docker-mailserver/compose.yaml');
    const mail = containerOf(mailRead, 'mailserver')!;
    expect(mail.envFrom).toEqual([{ configMapRef: { name: 'docker-mailserver-docker-mailserver-mailserver-env' } }]);
    const mailEnv = mailRead.read.objects.find((o) => o.object.kind === 'ConfigMap')?.object.data as Record<
      string,
      string
    >;
    expect(Object.keys(mailEnv).length).toBe(120);
    expect(mailEnv.LOG_LEVEL).toBe('info');
    expect(podOf(mailRead, 'mailserver')?.spec).toMatchObject({ hostname: 'mail', terminationGracePeriodSeconds: 60 });
    expect(containerOf(read('docker_awesome-compose/minecraft/compose.yaml'), 'minecraft')?.resources?.limits).toEqual({
      memory: '1536Mi',
    });
    // A command string split the Compose way; healthchecks as probes with Docker's timing.
    const full = read('compose-spec_compose-go/loader/full-example.yml');
    const foo = containerOf(full, 'foo')!;
    expect(foo.args).toEqual(['bundle', 'exec', 'thin', '-p', '3000']);
    expect(foo.command).toEqual(['/code/entrypoint.sh', '-p', '3000']);
    expect(foo.readinessProbe).toEqual({
      exec: { command: ['/bin/sh', '-c', 'echo "hello world"'] },
      periodSeconds: 10,
      timeoutSeconds: 1,
      failureThreshold: 5,
    });
    expect(foo.startupProbe).toMatchObject({ periodSeconds: 5, failureThreshold: 3 + 5 });
    // Ranges, host IPs, tmpfs, read_only, privileged, user name, resources.
    expect(foo.ports?.filter((p) => p.containerPort >= 3001 && p.containerPort <= 3005).length).toBe(5);
    expect(foo.ports).toEqual(
      expect.arrayContaining([{ containerPort: 8001, protocol: 'TCP', hostPort: 8001, hostIP: '127.0.0.1' }]),
    );
    expect(foo.securityContext).toMatchObject({
      privileged: true,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['ALL'], drop: ['NET_ADMIN', 'SYS_ADMIN'] },
    });
    expect(foo.resources).toEqual({ limits: { cpu: '1m', memory: '50Mi' }, requests: { cpu: '1m', memory: '20Mi' } });
    const fooPod = podOf(full, 'foo')!;
    expect(fooPod.spec.volumes).toEqual(
      expect.arrayContaining([{ name: 'foo-tmpfs-3', emptyDir: { medium: 'Memory' } }]),
    );
    expect(fooPod.spec.hostPID).toBe(true);
    expect(full.read.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['userName', 'fieldIgnored', 'networkIgnored']),
    );
    // Restart policies: one per Pod.
    const restart = read('docker_compose/restart/docker-compose.yml');
    expect(Object.fromEntries(pods(restart).map((p) => [p.metadata.name, p.spec.restartPolicy]))).toEqual({
      never: 'Never',
      always: 'Always',
      'on-failure': 'OnFailure',
      'on-failure-5': 'OnFailure',
      'restart-null': 'Never',
    });
    // network_mode: host, the Compose v2/v3 headers, profiles.
    expect(podOf(read('docker_awesome-compose/plex/compose.yaml'), 'plex')?.spec.hostNetwork).toBe(true);
    for (const path of withFeature('version-2'))
      expect(read(path).read.notes.map((n) => n.code)).toContain('versionObsolete');
    const elk = read('deviantony_docker-elk/docker-compose.yml');
    expect(elk.read.notes.find((n) => n.code === 'profileDisabled')?.message).toMatch(/setup \(setup\)/);
    expect(elk.services).not.toContain('setup');
    expect(readCorpusFile('deviantony_docker-elk/docker-compose.yml', { profiles: ['setup'] }).services).toContain(
      'setup',
    );
  });

  it('reads extends from another file, with its relative paths rebased', () => {
    const r = read('agdsn_pycroft/docker-compose.dev.yml');
    expect(r.files['docker-compose.base.yml']).toBeDefined();
    const project = model('agdsn_pycroft/docker-compose.dev.yml');
    const dev = project.services.find((s) => s.name === 'dev-app')!;
    expect(dev.image).toBe('agdsn/pycroft-dev:latest');
    expect(r.read.problems.filter((p) => p.code === 'COMPOSE_EXTENDS')).toEqual([]);
  });

  it('gives Services named like the Compose services, so http://db:5432 keeps working', () => {
    const r = read('docker_awesome-compose/nginx-golang-postgres/compose.yaml');
    const services = r.read.objects.filter((o) => o.object.kind === 'Service').map((o) => o.object);
    expect(services.map((s) => (s.metadata as { name: string }).name).sort()).toEqual(['db', 'proxy']);
    // backend declares no port (nginx reaches it on 8000 by name): the note says a Service cannot be made for it.
    expect(r.read.notes.find((n) => n.code === 'serviceNoPorts')?.params?.services).toBe('backend');
    expect(services.find((s) => (s.metadata as { name: string }).name === 'db')?.spec).toEqual({
      selector: { 'app.kubernetes.io/name': 'db' },
      ports: [{ port: 5432, targetPort: 5432, protocol: 'TCP' }],
    });
  });

  it('gives designs that validate, or show only the problems the file has', () => {
    // What the files really have: host ports under 1024 or in common use, host namespaces, and a shell image with no
    // command under restart: always (docker/compose's restart example, which crash-loops on purpose), and the host
    // access some services ask for (privileged, kernel capabilities, host namespaces together).
    const expected = new Set(['HOST_PORT_ADVICE', 'HOST_NAMESPACE_SHARED', 'CONTAINER_EXITS_AT_ONCE']);
    const unexpected: string[] = [];
    for (const { path } of composeCorpus) {
      for (const pod of pods(read(path))) {
        for (const d of validatePod(pod)) {
          if (!expected.has(d.code) && !isHostAccess(d))
            unexpected.push(`${path} ${pod.metadata.name}: ${d.code} ${d.path} ${d.message}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
  });
});

describe('network aliases', () => {
  it('become Services of those names (after every service has its own), or a note says why not', async () => {
    const { readDesign } = await import('../read');
    const text = [
      'services:',
      '  dev-db:',
      '    image: postgres:16',
      '    networks:',
      '      backend:',
      '        aliases: [db, web, 9lives]',
      '  web:',
      '    image: nginx:1.27',
      '    ports: ["8080:80"]',
      'networks:',
      '  backend: {}',
      '',
    ].join('\n');
    const r = readDesign(text, { name: 'compose.yaml', format: 'compose' });
    const services = r.objects.filter((o) => o.object.kind === 'Service').map((o) => o.object);
    const named = (name: string) => services.find((s) => (s.metadata as { name: string }).name === name);
    // db resolves to dev-db's Pod on postgres's port; web stays the web service's; 9lives is no DNS-1035 label.
    expect(services.map((s) => (s.metadata as { name: string }).name).sort()).toEqual(['db', 'dev-db', 'web']);
    expect(named('db')?.spec).toEqual(named('dev-db')?.spec);
    expect(named('web')?.spec).not.toEqual(named('dev-db')?.spec);
    expect(r.notes.find((n) => n.code === 'networkAliasServices')?.params).toEqual({
      service: 'dev-db',
      aliases: 'db',
    });
    expect(r.notes.find((n) => n.code === 'networkAliases')?.params).toEqual({
      service: 'dev-db',
      aliases: 'web, 9lives',
    });
  });
});
