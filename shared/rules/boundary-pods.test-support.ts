// Test support: Pods one or two boundary mutations away from valid ones, for differential testing against a real
// Kubernetes API server (issue 17). Deterministic for a seed. A case is a base Pod plus a JSON patch, so a recorded
// fixture can hold the Pods themselves and stay readable (bases once, then one small patch per case).
import fc from 'fast-check';
import type { Pod } from '../model/pod';
import { applyFix, pointer } from './fix';
import type { PatchOperation } from './types';

export type BaseName = 'minimal' | 'rich';

/** One generated Pod: `bases[base]` with `patch` applied (values may hold `{ $repeat: [text, count] }`). */
export interface BoundaryCase {
  id: number;
  /** The areas of issue 17 the mutations touch, joined by "+". */
  area: string;
  base: BaseName;
  patch: PatchOperation[];
}

interface Mutation {
  area: string;
  patch: PatchOperation[];
}

/** Valid Pods the mutations start from; the API server accepts both as they are. */
export const bases: Record<BaseName, Pod> = {
  minimal: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'fidelity' },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
  },
  rich: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'fidelity',
      labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' },
      annotations: { 'example.com/owner': 'team-a' },
    },
    spec: {
      initContainers: [
        { name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] },
        {
          name: 'proxy',
          image: 'busybox:1.36',
          restartPolicy: 'Always',
          ports: [{ name: 'proxy', containerPort: 15001 }],
          readinessProbe: { tcpSocket: { port: 15001 } },
        },
      ],
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 80 }],
          env: [
            { name: 'MODE', value: 'shop' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
          ],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            { name: 'config', mountPath: '/etc/config', readOnly: true },
            { name: 'podinfo', mountPath: '/etc/podinfo', readOnly: true },
          ],
          livenessProbe: { httpGet: { path: '/healthz', port: 80 } },
          readinessProbe: { tcpSocket: { port: 'http' } },
          lifecycle: { preStop: { sleep: { seconds: 5 } } },
          securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
        {
          name: 'sidecar',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'tail -f /dev/null'],
          volumeMounts: [
            { name: 'data', mountPath: '/data', readOnly: true },
            { name: 'scratch', mountPath: '/scratch' },
          ],
        },
      ],
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'config', configMap: { name: 'app-config', items: [{ key: 'app.conf', path: 'app.conf' }] } },
        { name: 'creds', secret: { secretName: 'creds' } },
        {
          name: 'podinfo',
          downwardAPI: {
            items: [
              { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
              { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } },
            ],
          },
        },
        {
          name: 'bundle',
          projected: { sources: [{ configMap: { name: 'app-config', items: [{ key: 'a', path: 'a' }] } }] },
        },
        {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
            },
          },
        },
      ],
      securityContext: { fsGroup: 2000 },
      tolerations: [{ key: 'example.com/dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      dnsConfig: { options: [{ name: 'ndots', value: '2' }] },
      hostAliases: [{ ip: '10.0.0.10', hostnames: ['db.local'] }],
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Boundary vocabularies: values on both sides of each limit the API server checks. In a list, EDGE separates the
// values expected to pass (before it) from those at or past the limit (after it); `pick` draws the passing half twice as
// often, so that over one or two mutations of several fields each about half of the generated Pods are valid, and the
// false errors of issue 17 get as many chances as the misses.

const EDGE = Symbol('edge');
type Vocabulary<T = string> = readonly (T | typeof EDGE)[];

const a = (n: number) => 'a'.repeat(n);
/** A DNS subdomain of exactly `n` characters (labels of 63 joined by dots). */
function subdomain(n: number): string {
  const labels: string[] = [];
  let left = n;
  while (left > 0) {
    const take = Math.min(63, left);
    labels.push(a(take));
    left -= take + 1;
  }
  const out = labels.join('.');
  return out.length > n ? out.slice(0, n) : out;
}

const qualifiedNames: Vocabulary = [
  'a',
  'A',
  'app',
  'Ab-c_d.E9',
  a(63),
  'example.com/a',
  'Example.com/a',
  'example.com/' + a(63),
  subdomain(253) + '/a',
  '1.2.3.4/a',
  'kubernetes.io/hostname',
  'node-role.kubernetes.io/worker',
  EDGE,
  a(64),
  '-a',
  'a-',
  '_a',
  'a_',
  '.a',
  'a.',
  'a b',
  'a:b',
  'a@b',
  'example.com/',
  '/a',
  'a/b/c',
  'example_com/a',
  'example.com/' + a(64),
  subdomain(254) + '/a',
  'a..b/c',
  '-example.com/a',
  'é',
  '',
];

const labelValues: Vocabulary = [
  '',
  'a',
  'A9',
  a(63),
  'a_b.c-d',
  '0',
  EDGE,
  a(64),
  '-a',
  'a-',
  '_a',
  'a b',
  'a/b',
  '.a',
  'a.',
  'é',
];

const dnsLabels: Vocabulary = ['a', '0', 'a-b', a(63), EDGE, a(64), 'A', 'a.b', '-a', 'a-', 'a_b', 'a b', ''];

const dnsSubdomains: Vocabulary = [
  'a',
  'a.b',
  'a-b.c',
  subdomain(253),
  'a.' + a(63),
  EDGE,
  subdomain(254),
  'A.b',
  'a..b',
  '.a',
  'a.',
  '-a.b',
  'a_b',
  'a.' + a(64),
  '',
];

const ips: Vocabulary = [
  '10.0.0.1',
  '0.0.0.0',
  '255.255.255.255',
  '::1',
  '::',
  'fe80::1',
  'FE80:0:0:0:0:0:0:0ABC',
  EDGE,
  '010.0.0.1',
  '::ffff:10.0.0.1',
  '256.0.0.1',
  '10.0.0',
  '10.0.0.1/24',
  'fe80::1%eth0',
  '2001:db8::g',
  ' 10.0.0.1',
  'localhost',
  '',
];

const ids: Vocabulary<number> = [0, 1, 1000, 2147483647, EDGE, -1, 2147483648, 4294967295, 4294967296];

const quantities: Vocabulary<string | number> = [
  '1',
  '0',
  '0.5',
  '.5',
  '5.',
  '500m',
  '1500m',
  '0.1m',
  '1u',
  '100n',
  '1e3',
  '1E3',
  '1e-3',
  '1e+3',
  '2e10',
  '1k',
  '1M',
  '1G',
  '1T',
  '1P',
  '1E',
  '1Ki',
  '64Mi',
  '1.5Gi',
  '1Ti',
  '1Pi',
  '1Ei',
  '8Ei',
  '+1',
  1,
  0.5,
  2048,
  EDGE,
  '1K',
  '-1',
  '-500m',
  '1 Gi',
  '1Gb',
  '1mi',
  '1KiB',
  '1e',
  'e3',
  'abc',
  '',
  '0x10',
  '1_000',
  '9223372036854775807',
  '99999999999999999999',
  '1.000000000001',
  -2,
];

const resourceNames: Vocabulary = [
  'cpu',
  'memory',
  'ephemeral-storage',
  'hugepages-2Mi',
  'hugepages-1Gi',
  'example.com/gadget',
  'nvidia.com/gpu',
  'kubernetes.io/gadget',
  'foo.kubernetes.io/gadget',
  'kubernetes.io/batch',
  EDGE,
  'storage',
  'pods',
  'hugepages-',
  'hugepages-abc',
  'requests.example.com/gadget',
  'example.com/requests.gadget',
  'Example.com/gadget',
  'example.com/' + a(64),
  'a/b/c',
  'disk',
  'CPU',
  'attachable-volumes-aws-ebs',
];

const fileModes: Vocabulary<number> = [0, 0o400, 0o644, 0o777, 511, EDGE, 0o1000, 512, -1];

const localPaths: Vocabulary = [
  'a',
  'a/b',
  'dir/file.conf',
  '..a',
  'a..',
  '.a',
  EDGE,
  '..',
  '../a',
  'a/..',
  'a/../b',
  './a',
  '.',
  '/a',
  '//a',
  'a//b',
  '..data',
  'a\\..\\b',
  '',
];

const ports: Vocabulary<string | number> = [
  1,
  80,
  65535,
  'http',
  'a'.repeat(15),
  EDGE,
  0,
  65536,
  -1,
  'HTTP',
  'a--b',
  '-ab',
  'a'.repeat(16),
  '8080',
  '0',
  '',
];

const durations: Vocabulary<number> = [0, 1, 5, 30, 31, 3600, 2147483647, EDGE, -1, 2147483648];

// ---------------------------------------------------------------------------------------------------------------
// Mutations: each changes one area of the Pod. `rich` mutations may rely on the rich base's fields.

const put = (path: string, value: unknown): PatchOperation => ({ op: 'add', path, value });
/** Replaces an array element (an `add` at an index would insert one). */
const swap = (path: string, value: unknown): PatchOperation => ({ op: 'replace', path, value });
const mutation = (area: string, ...patch: PatchOperation[]): Mutation => ({ area, patch });

/** Where a container lives in the rich base (app, sidecar, the init container, the init sidecar). */
const richContainer = fc.constantFrom<[string, number]>(
  ['containers', 0],
  ['containers', 0],
  ['containers', 1],
  ['initContainers', 0],
  ['initContainers', 1],
);
const minimalContainer = fc.constant<[string, number]>(['containers', 0]);

/** One value of a list; with an EDGE marker, the passing half and the failing half are drawn equally often. */
function pick<T>(values: readonly (T | typeof EDGE)[]): fc.Arbitrary<T> {
  const at = values.indexOf(EDGE);
  const plain = values.filter((v): v is T => v !== EDGE);
  if (at < 0) return fc.constantFrom(...plain);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(values.slice(0, at) as T[])) },
    { weight: 1, arbitrary: fc.constantFrom(...(values.slice(at + 1) as T[])) },
  );
}
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** A record without the keys whose value came out undefined. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function metadataMutations(): fc.Arbitrary<Mutation>[] {
  const annotationSizes = [262143, 262144, 262145];
  return [
    fc
      .tuple(pick(qualifiedNames), pick(labelValues))
      .map(([k, v]) => mutation('labels', put(pointer('metadata', 'labels', k), v))),
    pick(['Example.COM/Owner', 'A_B', 'EXAMPLE.com/' + a(63), ...qualifiedNames]).map((k) =>
      mutation('annotations', put(pointer('metadata', 'annotations', k), 'x')),
    ),
    pick(annotationSizes).map((total) =>
      mutation('annotations', put('/metadata/annotations', { big: { $repeat: ['x', total - 3] } })),
    ),
    pick(['10', '-5', '0', '2147483647', EDGE, '2147483648', 'abc', ' 1', '+1', '1.5', '']).map((v) =>
      mutation('annotations', put(pointer('metadata', 'annotations', 'controller.kubernetes.io/pod-deletion-cost'), v)),
    ),
    fc
      .tuple(
        pick([
          'seccomp.security.alpha.kubernetes.io/pod',
          'container.seccomp.security.alpha.kubernetes.io/app',
          'container.apparmor.security.beta.kubernetes.io/app',
          'container.apparmor.security.beta.kubernetes.io/nope',
        ]),
        pick([
          'runtime/default',
          'docker/default',
          'unconfined',
          'localhost/profile.json',
          EDGE,
          'localhost/',
          'bogus',
          '',
        ]),
      )
      .map(([k, v]) => mutation('annotations', put(pointer('metadata', 'annotations', k), v))),
    pick(['fidelity', 'a', '0', 'a.b', subdomain(253), subdomain(254), 'Fidelity', 'a_b', '-a', 'a.', 'a..b', '']).map(
      (name) => mutation('names', put('/metadata/name', name)),
    ),
    fc
      .tuple(pick(['', 'abc']), optional(pick(['node-1', ''])))
      .map(([v, node]) =>
        mutation(
          'annotations',
          put(pointer('metadata', 'annotations', 'kubernetes.io/config.mirror'), v),
          ...(node === undefined ? [] : [put('/spec/nodeName', node)]),
        ),
      ),
  ];
}

function nodeSelectorMutations(): fc.Arbitrary<Mutation>[] {
  return [
    fc
      .tuple(pick(qualifiedNames), pick(labelValues))
      .map(([k, v]) => mutation('nodeSelector', put(pointer('spec', 'nodeSelector', k), v))),
  ];
}

function tolerationMutations(): fc.Arbitrary<Mutation>[] {
  const toleration = fc
    .record({
      key: pick(['', 'example.com/dedicated', 'node.kubernetes.io/not-ready', 'a', EDGE, 'a b', '-a', a(64)]),
      operator: optional(pick(['', 'Equal', 'Exists', EDGE, 'exists', 'In'])),
      value: optional(pick(['', 'web', a(63), EDGE, a(64), 'a b', '-a'])),
      effect: optional(
        pick(['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute', EDGE, 'NoScheduleNoAdmit', 'noexecute']),
      ),
      tolerationSeconds: optional(pick([0, 300, -1])),
    })
    .map(compact);
  return [
    toleration.map((t) => mutation('tolerations', put('/spec/tolerations/-', t))),
    toleration.map((t) => mutation('tolerations', put('/spec/tolerations', [t]))),
  ];
}

function hostAliasMutations(): fc.Arbitrary<Mutation>[] {
  return [
    fc
      .record({
        ip: optional(pick(ips)),
        hostnames: optional(fc.array(pick(dnsSubdomains), { maxLength: 2 })),
      })
      .map((h) => mutation('hostAliases', put('/spec/hostAliases', [compact(h)]))),
  ];
}

function dnsMutations(): fc.Arbitrary<Mutation>[] {
  const searches = fc.oneof(
    fc.array(pick(['example.com', 'svc.cluster.local', 'a.', '.', '_srv.example.com', 'Example.com', 'a..b', '-a']), {
      maxLength: 2,
    }),
    pick([32, 33]).map((n) => Array.from({ length: n }, (_, i) => `s${i}.example.com`)),
    pick([2048, 2049]).map((total) => {
      // Eight search domains joined by spaces, `total` characters in all.
      const each = Math.floor((total - 7) / 8);
      const list = Array.from({ length: 8 }, () => subdomain(each));
      list[7] = subdomain(total - 7 - each * 7);
      return list;
    }),
    pick([subdomain(253), subdomain(254), subdomain(253) + '.']).map((s) => [s]),
  );
  const config = fc
    .record({
      nameservers: optional(
        fc.oneof(
          fc.array(pick(ips), { maxLength: 2 }),
          pick([3, 4]).map((n) => ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].slice(0, n)),
        ),
      ),
      searches: optional(searches),
      options: optional(
        fc.array(
          fc.record({ name: optional(pick(['ndots', 'edns0', ''])), value: optional(pick(['2', ''])) }).map(compact),
          { maxLength: 2 },
        ),
      ),
    })
    .map(compact);
  const policy = pick(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None', '', EDGE, 'none', 'Bogus']);
  return [
    fc
      .tuple(policy, fc.option(config, { nil: undefined }))
      .map(([p, c]) =>
        mutation('dnsConfig', put('/spec/dnsPolicy', p), ...(c === undefined ? [] : [put('/spec/dnsConfig', c)])),
      ),
  ];
}

const profileTypes: Vocabulary = ['RuntimeDefault', 'Unconfined', 'Localhost', EDGE, 'localhost', 'Bogus', ''];
const windowsUserNames: Vocabulary = [
  'ContainerUser',
  'NT AUTHORITY\\NETWORK SERVICE',
  'EXAMPLE\\user',
  'example.com\\user',
  'a'.repeat(104),
  EDGE,
  '',
  'a\\b\\c',
  'user@example.com',
  '...',
  '\\user',
  'DOMAIN\\',
  'a'.repeat(105),
  '.bad\\user',
  'tab\tuser',
];

const localhostProfiles: Vocabulary = [
  'profile.json',
  'my-profile',
  '/abs/profile.json',
  '../profile.json',
  EDGE,
  '',
  a(4096),
];
const profile = fc
  .record({ type: pick(profileTypes), localhostProfile: optional(pick(localhostProfiles)) })
  .map(compact);

function podSecurityMutations(): fc.Arbitrary<Mutation>[] {
  const sc = '/spec/securityContext';
  return [
    fc
      .tuple(pick(['runAsUser', 'runAsGroup', 'fsGroup']), pick(ids))
      .map(([f, v]) => mutation('securityContext', put(`${sc}/${f}`, v))),
    fc
      .array(pick(ids), { minLength: 1, maxLength: 2 })
      .map((g) => mutation('securityContext', put(`${sc}/supplementalGroups`, g))),
    pick(['OnRootMismatch', 'Always', EDGE, 'always', '']).map((v) =>
      mutation('securityContext', put(`${sc}/fsGroupChangePolicy`, v)),
    ),
    pick(['Merge', 'Strict', EDGE, 'merge', '']).map((v) =>
      mutation('securityContext', put(`${sc}/supplementalGroupsPolicy`, v)),
    ),
    pick(['Recursive', 'MountOption', EDGE, 'recursive', '']).map((v) =>
      mutation('securityContext', put(`${sc}/seLinuxChangePolicy`, v)),
    ),
    profile.map((p) => mutation('seccomp', put(`${sc}/seccompProfile`, p))),
    profile.map((p) => mutation('apparmor', put(`${sc}/appArmorProfile`, p))),
    pick([true, false]).map((v) => mutation('securityContext', put(`${sc}/runAsNonRoot`, v))),
    fc
      .record({ user: optional(pick(['u', 'a:b'])), level: optional(pick(['s0:c1,c2', 'bogus level'])) })
      .map((o) => mutation('securityContext', put(`${sc}/seLinuxOptions`, compact(o)))),
    fc
      .record({
        runAsUserName: optional(pick(windowsUserNames)),
        hostProcess: optional(fc.boolean()),
        gmsaCredentialSpecName: optional(pick(['gmsa-spec', 'Bad_Name'])),
        gmsaCredentialSpec: optional(pick(['{}', ''])),
      })
      .map((o) => mutation('os', put(`${sc}/windowsOptions`, compact(o)))),
  ];
}

function containerSecurityMutations(target: fc.Arbitrary<[string, number]>): fc.Arbitrary<Mutation>[] {
  const at = (c: [string, number], ...rest: (string | number)[]) =>
    pointer('spec', c[0], c[1], 'securityContext', ...rest);
  const capability = pick([
    'NET_ADMIN',
    'CAP_NET_ADMIN',
    'SYS_ADMIN',
    'CAP_SYS_ADMIN',
    'ALL',
    EDGE,
    'all',
    'net_admin',
    '',
    ' X',
  ]);
  return [
    fc
      .tuple(target, pick(['runAsUser', 'runAsGroup']), pick(ids))
      .map(([c, f, v]) => mutation('securityContext', put(at(c, f), v))),
    fc
      .tuple(target, fc.array(capability, { maxLength: 2 }), fc.array(capability, { maxLength: 2 }))
      .map(([c, add, dropped]) => mutation('capabilities', put(at(c, 'capabilities'), { add, drop: dropped }))),
    fc
      .tuple(target, optional(fc.boolean()), optional(fc.boolean()), optional(pick(['CAP_SYS_ADMIN', 'SYS_ADMIN'])))
      .map(([c, privileged, escalation, cap]) =>
        mutation(
          'securityContext',
          put(
            at(c),
            compact({
              privileged,
              allowPrivilegeEscalation: escalation,
              capabilities: cap === undefined ? undefined : { add: [cap] },
            }),
          ),
        ),
      ),
    fc
      .tuple(target, pick(['Default', 'Unmasked', EDGE, 'unmasked', '']), optional(fc.boolean()))
      .map(([c, v, hostUsers]) =>
        mutation(
          'securityContext',
          put(at(c, 'procMount'), v),
          ...(hostUsers === undefined ? [] : [put('/spec/hostUsers', hostUsers)]),
        ),
      ),
    fc.tuple(target, profile).map(([c, p]) => mutation('seccomp', put(at(c, 'seccompProfile'), p))),
    fc.tuple(target, profile).map(([c, p]) => mutation('apparmor', put(at(c, 'appArmorProfile'), p))),
    fc
      .tuple(target, fc.boolean())
      .map(([c, v]) => mutation('securityContext', put(at(c, 'readOnlyRootFilesystem'), v))),
    fc
      .tuple(target, pick(windowsUserNames), optional(fc.boolean()))
      .map(([c, v, hostProcess]) =>
        mutation('os', put(at(c, 'windowsOptions'), compact({ runAsUserName: v, hostProcess }))),
      ),
  ];
}

function sysctlMutations(): fc.Arbitrary<Mutation>[] {
  const names = [
    'net.core.somaxconn',
    'net.ipv4.ip_local_port_range',
    'net/ipv4/ip_forward',
    'net.ipv4.conf.eth0/1.forwarding',
    'kernel.shm_rmid_forced',
    'kernel.msgmax',
    'kernel.sem',
    'fs.mqueue.msg_max',
    'vm.swappiness',
    'kernel.domainname',
    EDGE,
    'a',
    'foo_bar',
    'Net.Core',
    'net..core',
    '.net',
    'net.',
    'a'.repeat(253),
    'a'.repeat(254),
    '',
  ];
  const sysctl = fc.record({ name: pick(names), value: pick(['1', '']) });
  return [
    fc
      .tuple(fc.array(sysctl, { minLength: 1, maxLength: 2 }), optional(pick(['hostNetwork', 'hostIPC', 'hostPID'])))
      .map(([list, host]) =>
        mutation('sysctls', put('/spec/securityContext/sysctls', list), ...(host ? [put(`/spec/${host}`, true)] : [])),
      ),
  ];
}

function osMutations(): fc.Arbitrary<Mutation>[] {
  const forbidden = [
    put('/spec/hostPID', true),
    put('/spec/hostIPC', true),
    put('/spec/hostNetwork', true),
    put('/spec/shareProcessNamespace', true),
    put('/spec/hostUsers', false),
    put('/spec/securityContext/runAsUser', 1000),
    put('/spec/securityContext/fsGroupChangePolicy', 'Always'),
    put('/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    put('/spec/securityContext/windowsOptions', { runAsUserName: 'ContainerUser' }),
    put('/spec/containers/0/securityContext', { readOnlyRootFilesystem: true }),
    put('/spec/containers/0/securityContext', { capabilities: { add: ['NET_ADMIN'] } }),
    put('/spec/containers/0/securityContext', { windowsOptions: { runAsUserName: 'ContainerUser' } }),
    put('/spec/containers/0/resources', { limits: { cpu: '1' } }),
    put('/spec/resources', { limits: { cpu: '1' } }),
  ];
  return [
    fc
      .tuple(pick(['linux', 'windows', EDGE, 'Windows', 'darwin', '']), optional(pick(forbidden)))
      .map(([name, extra]) => mutation('os', put('/spec/os', { name }), ...(extra ? [extra] : []))),
  ];
}

function schedulingGateMutations(): fc.Arbitrary<Mutation>[] {
  return [
    fc
      .tuple(
        fc.array(pick(['example.com/gate', 'gate', 'Gate', EDGE, 'a/b/c', '-gate', a(64), '']), {
          minLength: 1,
          maxLength: 2,
        }),
        optional(pick(['node-1', 'Node_1'])),
      )
      .map(([names, node]) =>
        mutation(
          'schedulingGates',
          put(
            '/spec/schedulingGates',
            names.map((name) => ({ name })),
          ),
          ...(node ? [put('/spec/nodeName', node)] : []),
        ),
      ),
  ];
}

function mountMutations(target: fc.Arbitrary<[string, number]>, volume: string): fc.Arbitrary<Mutation>[] {
  const mount = fc
    .record({
      readOnly: optional(fc.boolean()),
      recursiveReadOnly: optional(pick(['Disabled', 'IfPossible', 'Enabled', EDGE, 'enabled', ''])),
      mountPropagation: optional(pick(['None', 'HostToContainer', 'Bidirectional', EDGE, 'bidirectional', ''])),
      subPath: optional(pick(localPaths)),
      subPathExpr: optional(pick(['$(POD_NAME)', EDGE, '/abs', '../x', ''])),
    })
    .map(compact);
  return [
    fc
      .tuple(target, mount, pick(['/mnt', 'relative', 'C:\\data', EDGE, '/data', '/etc/config', '']))
      .map(([c, m, mountPath]) =>
        mutation('volumeMounts', put(pointer('spec', c[0], c[1], 'volumeMounts'), [{ name: volume, mountPath, ...m }])),
      ),
    fc
      .tuple(target, pick(['data', EDGE, 'missing', 'Data', '']))
      .map(([c, name]) =>
        mutation('volumeMounts', put(pointer('spec', c[0], c[1], 'volumeMounts', '-'), { name, mountPath: '/extra' })),
      ),
  ];
}

function volumeItemMutations(): fc.Arbitrary<Mutation>[] {
  const item = fc
    .record({
      key: pick(['app.conf', 'a-b_c.d', '..a', EDGE, '.', '', 'a/b']),
      path: pick(localPaths),
      mode: optional(pick(fileModes)),
    })
    .map(compact);
  const downwardItem = fc
    .record({
      path: pick(localPaths),
      fieldRef: pick([
        'metadata.name',
        'metadata.namespace',
        'metadata.uid',
        'metadata.labels',
        'metadata.annotations',
        "metadata.labels['app']",
        "metadata.annotations['example.com/owner']",
        EDGE,
        "metadata.labels['bad key!']",
        'spec.nodeName',
        'status.podIP',
        'metadata.whoops',
      ]).map((fieldPath) => ({ fieldPath })),
      mode: optional(pick(fileModes)),
    })
    .map(compact);
  return [
    fc
      .array(item, { minLength: 1, maxLength: 2 })
      .map((items) => mutation('volumeItems', put('/spec/volumes/1/configMap/items', items))),
    fc
      .array(item, { minLength: 1, maxLength: 2 })
      .map((items) => mutation('volumeItems', put('/spec/volumes/2/secret/items', items))),
    fc
      .array(item, { minLength: 1, maxLength: 2 })
      .map((items) => mutation('volumeItems', put('/spec/volumes/4/projected/sources/0/configMap/items', items))),
    fc
      .array(downwardItem, { minLength: 1, maxLength: 2 })
      .map((items) => mutation('volumeItems', put('/spec/volumes/3/downwardAPI/items', items))),
    fc.tuple(pick(['defaultMode']), pick(fileModes), pick([1, 2, 3, 4])).map(([f, mode, v]) => {
      const kind = ['', 'configMap', 'secret', 'downwardAPI', 'projected'][v]!;
      return mutation('volumeItems', put(pointer('spec', 'volumes', v, kind, f), mode));
    }),
    fc
      .record({
        audience: optional(pick(['api', ''])),
        expirationSeconds: optional(pick([599, 600, 3600, 4294967296])),
        path: pick(['token', '../token', '/token', '']),
      })
      .chain((t) =>
        optional(pick(['default', 'Bad_Account'])).map((account) =>
          mutation(
            'volumeItems',
            put('/spec/volumes/4/projected/sources/-', { serviceAccountToken: compact(t) }),
            ...(account === undefined ? [] : [put('/spec/serviceAccountName', account)]),
          ),
        ),
      ),
  ];
}

function volumeMutations(): fc.Arbitrary<Mutation>[] {
  return [
    fc
      .record({
        repository: optional(pick(['https://example.com/repo.git', ''])),
        directory: optional(pick(['', '.', 'repo', '..repo', EDGE, '..', '/repo', 'a/../b', './repo', 'repo/..'])),
        revision: optional(pick(['main', ''])),
      })
      .map((g) => mutation('gitRepo', swap('/spec/volumes/0', { name: 'data', gitRepo: compact(g) }))),
    fc
      .record({
        path: optional(pick(['/var/log', 'relative', EDGE, '/a/../b', '/a/..', '..', ''])),
        type: optional(pick(['', 'Directory', 'DirectoryOrCreate', 'File', 'Socket', EDGE, 'directory', 'Bogus'])),
      })
      .map((h) => mutation('volumes', swap('/spec/volumes/0', { name: 'data', hostPath: compact(h) }))),
    pick(['1Gi', '0', '500m', EDGE, '-1', 'abc']).map((s) =>
      mutation('volumes', put('/spec/volumes/0/emptyDir', { sizeLimit: s })),
    ),
    pick(['', 'Memory', 'HugePages', 'HugePages-2Mi', EDGE, 'memory', 'Bogus']).map((m) =>
      mutation('volumes', put('/spec/volumes/0/emptyDir', { medium: m })),
    ),
    pick(dnsLabels).map((name) => mutation('volumes', put('/spec/volumes/0/name', name))),
    pick(['data', 'config']).map((name) => mutation('volumes', put('/spec/volumes/-', { name, emptyDir: {} }))),
    fc.tuple(pick(['emptyDir', 'hostPath', 'configMap']), fc.boolean()).map(([second, keep]) =>
      mutation(
        'volumes',
        swap(
          '/spec/volumes/0',
          compact({
            name: 'data',
            emptyDir: keep ? {} : undefined,
            [second]: second === 'hostPath' ? { path: '/tmp' } : second === 'configMap' ? { name: 'c' } : {},
          }),
        ),
      ),
    ),
    fc
      .tuple(pick(['claim', EDGE, '', 'fidelity-scratch', 'Claim']), optional(fc.boolean()))
      .map(([claimName, readOnly]) =>
        mutation(
          'ephemeral',
          put('/spec/volumes/-', { name: 'claimed', persistentVolumeClaim: compact({ claimName, readOnly }) }),
        ),
      ),
  ];
}

function ephemeralMutations(): fc.Arbitrary<Mutation>[] {
  const template = fc.oneof(
    fc.constant(undefined),
    fc.constant({}),
    fc
      .record({
        metadata: optional(
          pick([
            { labels: { app: 'web' } },
            { labels: { 'a b': 'x' } },
            { name: 'fixed' },
            { annotations: { a: 'b' } },
          ]),
        ),
        spec: optional(
          fc
            .record({
              accessModes: optional(pick([['ReadWriteOnce'], [], ['ReadWriteOncePod'], ['Bogus'], ['ReadOnlyMany']])),
              resources: optional(
                pick([
                  { requests: { storage: '1Gi' } },
                  {},
                  { requests: { storage: '0' } },
                  { requests: { storage: '-1Gi' } },
                  { requests: { cpu: '1' } },
                  { limits: { storage: '1Gi' } },
                ]),
              ),
              storageClassName: optional(pick(['standard', 'Bad_Class', ''])),
              volumeMode: optional(pick(['Filesystem', 'Block', 'Bogus'])),
            })
            .map(compact),
        ),
      })
      .map(compact),
  );
  return [
    template.map((t) =>
      mutation('ephemeral', put('/spec/volumes/5/ephemeral', t === undefined ? {} : { volumeClaimTemplate: t })),
    ),
    fc
      .tuple(pick([200, 243, 244, 253]), pick([7, 9, 10, 11]))
      .map(([podName, volName]) =>
        mutation(
          'ephemeral',
          put('/metadata/name', subdomain(podName)),
          put('/spec/volumes/5/name', 's' + a(volName - 1)),
          put('/spec/containers/1/volumeMounts/1/name', 's' + a(volName - 1)),
        ),
      ),
  ];
}

/** A resourceFieldRef for env or a downwardAPI volume item. */
const resourceRef = fc
  .record({
    resource: pick([
      'limits.cpu',
      'requests.cpu',
      'limits.memory',
      'requests.memory',
      'limits.ephemeral-storage',
      'requests.ephemeral-storage',
      'requests.hugepages-2Mi',
      'limits.hugepages-1Gi',
      EDGE,
      EDGE,
      'limits.nvidia.com/gpu',
      'cpu',
      'limits.CPU',
      '',
    ]),
    divisor: optional(pick(['1', '1m', '1k', '1M', '1Mi', '1Gi', '1Ki', EDGE, '2m', '0', '1u', '-1', '10'])),
    containerName: optional(pick(['app', 'sidecar', 'init', EDGE, 'nope', ''])),
  })
  .map(compact);

/** The rich base's downwardAPI volume item that reads a resource. */
function downwardResourceMutations(): fc.Arbitrary<Mutation>[] {
  return [
    resourceRef.map((ref) =>
      mutation('resourceFieldRef', put('/spec/volumes/3/downwardAPI/items/1/resourceFieldRef', ref)),
    ),
  ];
}

function envMutations(target: fc.Arbitrary<[string, number]>): fc.Arbitrary<Mutation>[] {
  return [
    fc
      .tuple(target, resourceRef)
      .map(([c, ref]) =>
        mutation(
          'resourceFieldRef',
          put(pointer('spec', c[0], c[1], 'env'), [{ name: 'R', valueFrom: { resourceFieldRef: ref } }]),
        ),
      ),
    fc
      .tuple(
        target,
        pick(['A', 'a.b-c', '1abc', 'has space', 'ev!1', EDGE, '=abc', 'a=b', '', 'é', 'TAB\t']),
        optional(pick(['value', ''])),
      )
      .map(([c, name, value]) => mutation('env', put(pointer('spec', c[0], c[1], 'env'), [compact({ name, value })]))),
    fc
      .tuple(
        target,
        pick([
          { fieldRef: { fieldPath: 'status.podIP' } },
          { fieldRef: { fieldPath: 'metadata.labels' } },
          { fieldRef: { fieldPath: "metadata.labels['app']" } },
          { fieldRef: { fieldPath: 'status.phase' } },
          { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v2' } },
          { configMapKeyRef: { name: 'c', key: 'k' } },
          { configMapKeyRef: { name: 'C', key: 'k' } },
          { configMapKeyRef: { name: 'c', key: 'k/x' } },
          { secretKeyRef: { name: 's', key: '' } },
          { secretKeyRef: { key: 'k' } },
          {},
          { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } },
        ]),
        optional(pick(['x', ''])),
      )
      .map(([c, valueFrom, value]) =>
        mutation('env', put(pointer('spec', c[0], c[1], 'env'), [compact({ name: 'V', value, valueFrom })])),
      ),
    fc
      .tuple(
        target,
        pick([
          { configMapRef: { name: 'c' } },
          { secretRef: { name: 's' }, prefix: 'P_' },
          { configMapRef: { name: 'c' }, prefix: '1=' },
          { configMapRef: { name: 'C_' } },
          { configMapRef: {} },
          {},
          { configMapRef: { name: 'c' }, secretRef: { name: 's' } },
        ]),
      )
      .map(([c, from]) => mutation('env', put(pointer('spec', c[0], c[1], 'envFrom'), [from]))),
  ];
}

function lifecycleMutations(target: fc.Arbitrary<[string, number]>): fc.Arbitrary<Mutation>[] {
  const handler = fc.oneof(
    pick(durations).map((seconds) => ({ sleep: { seconds } })),
    fc
      .record({
        port: pick(ports),
        path: optional(pick(['/', 'healthz', ''])),
        scheme: optional(pick(['HTTP', 'HTTPS', 'http', ''])),
        host: optional(pick(['example.com', ''])),
      })
      .map((h) => ({ httpGet: compact(h) })),
    pick(ports).map((port) => ({ tcpSocket: { port } })),
    pick([[], ['true'], ['sh', '-c', 'sleep 1']]).map((command) => ({ exec: { command } })),
    fc.constant({}),
    fc.constant({ exec: { command: ['true'] }, sleep: { seconds: 1 } }),
  );
  return [
    fc
      .tuple(target, pick(['postStart', 'preStop']), handler)
      .map(([c, hook, h]) => mutation('lifecycle', put(pointer('spec', c[0], c[1], 'lifecycle'), { [hook]: h }))),
    fc
      .tuple(target, pick(['SIGTERM', 'SIGKILL', EDGE, 'SIGBOGUS']))
      .map(([c, signal]) =>
        mutation('lifecycle', put(pointer('spec', c[0], c[1], 'lifecycle'), { stopSignal: signal })),
      ),
    fc
      .tuple(pick(durations), pick([1, 5, 30, 31, 60]))
      .map(([grace, sleep]) =>
        mutation(
          'lifecycle',
          put('/spec/terminationGracePeriodSeconds', grace),
          put('/spec/containers/0/lifecycle/preStop/sleep/seconds', sleep),
        ),
      ),
  ];
}

function probeMutations(target: fc.Arbitrary<[string, number]>): fc.Arbitrary<Mutation>[] {
  const handler = fc.oneof(
    fc.constant({ exec: { command: ['true'] } }),
    fc.constant({ exec: { command: [] } }),
    pick(ports).map((port) => ({ tcpSocket: { port } })),
    fc
      .tuple(
        pick(ports),
        optional(
          pick([[{ name: 'X-Custom', value: '1' }], [{ name: 'Bad Header', value: '1' }], [{ name: '', value: '' }]]),
        ),
      )
      .map(([port, httpHeaders]) => ({ httpGet: compact({ port, httpHeaders }) })),
    fc
      .record({ port: pick([0, 1, 8080, 65536, 'grpc']), service: optional(pick(['', 'health'])) })
      .map((g) => ({ grpc: compact(g) })),
    fc.constant({ sleep: { seconds: 1 } }),
    fc.constant({}),
    fc.constant({ exec: { command: ['true'] }, tcpSocket: { port: 80 } }),
  );
  const timings = fc
    .record({
      initialDelaySeconds: optional(pick([0, 5, 2147483647, EDGE, -1])),
      timeoutSeconds: optional(pick([0, 1, EDGE, -1])),
      periodSeconds: optional(pick([0, 1, 10, EDGE, -1])),
      successThreshold: optional(pick([0, 1, EDGE, -1, 2])),
      failureThreshold: optional(pick([0, 1, 3, EDGE, -1])),
      terminationGracePeriodSeconds: optional(pick([1, 60, EDGE, -1, 0])),
    })
    .map(compact);
  return [
    fc
      .tuple(target, pick(['livenessProbe', 'readinessProbe', 'startupProbe']), handler, timings)
      .map(([c, kind, h, t]) => mutation('probes', put(pointer('spec', c[0], c[1], kind), { ...h, ...t }))),
    pick(durations).map((v) => mutation('grace', put('/spec/terminationGracePeriodSeconds', v))),
    pick([1, 2147483647, EDGE, -1, 0, 2147483648]).map((v) => mutation('grace', put('/spec/activeDeadlineSeconds', v))),
  ];
}

function resourceMutations(target: fc.Arbitrary<[string, number]>): fc.Arbitrary<Mutation>[] {
  const res = (c: [string, number], ...rest: string[]) => pointer('spec', c[0], c[1], 'resources', ...rest);
  return [
    fc
      .tuple(target, pick(['requests', 'limits']), pick(['cpu', 'memory', 'ephemeral-storage']), pick(quantities))
      .map(([c, list, name, q]) => mutation('quantities', put(res(c, list, name), q))),
    fc
      .tuple(target, pick(resourceNames), pick(['1', '2', '500m', '2Mi', '1Gi']), pick(['both', 'requests', 'limits']))
      .map(([c, name, q, where]) =>
        mutation(
          'resourceNames',
          put(
            res(c),
            compact({
              requests: where === 'limits' ? undefined : { [name]: q },
              limits: where === 'requests' ? undefined : { [name]: q },
            }),
          ),
        ),
      ),
    fc
      .tuple(target, pick(['cpu', 'memory', 'example.com/gadget', 'hugepages-2Mi']), pick(quantities), pick(quantities))
      .map(([c, name, request, limit]) =>
        mutation(
          'quantities',
          put(res(c), {
            requests: { [name]: request, ...(name.startsWith('hugepages') ? { memory: '1Gi' } : {}) },
            limits: { [name]: limit, ...(name.startsWith('hugepages') ? { memory: '1Gi' } : {}) },
          }),
        ),
      ),
    fc
      .tuple(
        pick([
          { cpu: '1' },
          { cpu: '100m' },
          { memory: '1Gi' },
          { 'example.com/gadget': '1' },
          { 'hugepages-2Mi': '2Mi' },
          {},
        ]),
        pick([{ cpu: '2' }, { cpu: '50m' }, { memory: '2Gi' }, {}]),
      )
      .chain(([limits, requests]) =>
        optional(fc.constant([{ name: 'gpu' }])).map((claims) =>
          mutation('podResources', put('/spec/resources', compact({ limits, requests, claims }))),
        ),
      ),
    fc
      .tuple(target, pick(['Always', 'IfNotPresent', 'Never', '', null, EDGE, 'always']))
      .map(([c, v]) => mutation('imagePullPolicy', put(pointer('spec', c[0], c[1], 'imagePullPolicy'), v))),
    fc
      .tuple(
        target,
        pick(['terminationMessagePolicy', 'terminationMessagePath']),
        pick(['File', 'FallbackToLogsOnError', '', null, '/dev/termination-log', EDGE, 'file']),
      )
      .map(([c, f, v]) => mutation('imagePullPolicy', put(pointer('spec', c[0], c[1], f), v))),
    fc
      .tuple(
        target,
        pick([
          'busybox',
          'busybox:latest',
          'busybox@sha256:' + 'a'.repeat(64),
          'Busybox:1',
          'a b',
          EDGE,
          ' busybox',
          'busybox ',
          '',
        ]),
      )
      .map(([c, image]) => mutation('image', put(pointer('spec', c[0], c[1], 'image'), image))),
  ];
}

function portAndNameMutations(target: fc.Arbitrary<[string, number]>): fc.Arbitrary<Mutation>[] {
  const port = fc
    .record({
      containerPort: pick([1, 80, 65535, EDGE, 0, 65536, -1]),
      hostPort: optional(pick([0, 80, 8080, 65536])),
      protocol: optional(pick(['TCP', 'UDP', 'SCTP', '', EDGE, 'tcp'])),
      name: optional(pick(['http', 'a'.repeat(15), EDGE, 'HTTP', 'a--b', 'a'.repeat(16), '123', ''])),
      hostIP: optional(pick(['', '127.0.0.1', EDGE, 'bogus'])),
    })
    .map(compact);
  return [
    fc
      .tuple(target, fc.array(port, { minLength: 1, maxLength: 2 }))
      .map(([c, p]) => mutation('ports', put(pointer('spec', c[0], c[1], 'ports'), p))),
    fc
      .tuple(target, pick(dnsLabels))
      .map(([c, name]) => mutation('names', put(pointer('spec', c[0], c[1], 'name'), name))),
    fc
      .tuple(target, pick(['Always', 'OnFailure', 'Never', '', EDGE, 'always']))
      .map(([c, v]) => mutation('restartPolicy', put(pointer('spec', c[0], c[1], 'restartPolicy'), v))),
    pick(['Always', 'OnFailure', 'Never', '', EDGE, 'always']).map((v) =>
      mutation('restartPolicy', put('/spec/restartPolicy', v)),
    ),
    fc
      .tuple(pick(['hostname', 'subdomain']), pick(dnsLabels))
      .map(([f, v]) => mutation('names', put(pointer('spec', f), v))),
    fc
      .tuple(
        pick([
          'nodeName',
          'serviceAccountName',
          'serviceAccount',
          'priorityClassName',
          'runtimeClassName',
          'schedulerName',
        ]),
        pick(dnsSubdomains),
      )
      .map(([f, v]) => mutation('names', put(pointer('spec', f), v))),
    fc
      .tuple(
        pick(['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace']),
        fc.boolean(),
        optional(pick([true, false])),
      )
      .map(([f, v, users]) =>
        mutation(
          'hostNamespaces',
          put(pointer('spec', f), v),
          ...(users === undefined ? [] : [put('/spec/hostUsers', users)]),
        ),
      ),
    pick([[{ name: 'regcred' }], [{ name: '' }], [{}]]).map((s) => mutation('names', put('/spec/imagePullSecrets', s))),
    pick(['example.com/ready', 'Ready', EDGE, 'a/b/c', '']).map((t) =>
      mutation('names', put('/spec/readinessGates', [{ conditionType: t }])),
    ),
    pick(['PreemptLowerPriority', 'Never', EDGE, 'never']).map((v) =>
      mutation('names', put('/spec/preemptionPolicy', v)),
    ),
  ];
}

/** Every mutation that fits a base, weighted so that each area of issue 17 gets its share. */
function mutationsFor(base: BaseName): fc.Arbitrary<Mutation> {
  const target = base === 'rich' ? richContainer : minimalContainer;
  const common = [
    ...metadataMutations(),
    ...nodeSelectorMutations(),
    ...tolerationMutations(),
    ...hostAliasMutations(),
    ...dnsMutations(),
    ...podSecurityMutations(),
    ...containerSecurityMutations(target),
    ...sysctlMutations(),
    ...osMutations(),
    ...schedulingGateMutations(),
    ...envMutations(target),
    ...lifecycleMutations(target).slice(0, 2),
    ...probeMutations(target),
    ...resourceMutations(target),
    ...portAndNameMutations(target),
  ];
  if (base === 'minimal') return fc.oneof(...common);
  return fc.oneof(
    ...common,
    ...mountMutations(target, 'data'),
    ...downwardResourceMutations(),
    ...volumeItemMutations(),
    ...volumeMutations(),
    ...ephemeralMutations(),
    ...lifecycleMutations(target).slice(2),
  );
}

const caseArbitrary: fc.Arbitrary<Omit<BoundaryCase, 'id'>> = pick<BaseName>(['minimal', 'rich', 'rich']).chain(
  (base) =>
    fc
      .tuple(
        mutationsFor(base),
        fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: mutationsFor(base) }),
      )
      .map(([first, second]) => {
        const areas = second && second.area !== first.area ? `${first.area}+${second.area}` : first.area;
        return { area: areas, base, patch: [...first.patch, ...(second?.patch ?? [])] };
      }),
);

/** `count` distinct cases for `seed`, the same on every run with the same fast-check version. */
export function boundaryCases(seed: number, count: number): BoundaryCase[] {
  const seen = new Set<string>();
  const out: BoundaryCase[] = [];
  for (const c of fc.sample(caseArbitrary, { seed, numRuns: count * 3 })) {
    const key = JSON.stringify([c.base, c.patch]);
    if (seen.has(key) || !applies(c)) continue;
    seen.add(key);
    out.push({ id: out.length, ...c });
    if (out.length === count) break;
  }
  return out;
}

/** Some mutation pairs do not fit together (a remove after its parent was replaced); those are skipped. */
function applies(c: Omit<BoundaryCase, 'id'>): boolean {
  try {
    podOf(c);
    return true;
  } catch {
    return false;
  }
}

/** `{ $repeat: [text, count] }` becomes the repeated text, so a 256 KiB annotation costs a few bytes in a fixture. */
export function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const repeat = record.$repeat;
  if (Array.isArray(repeat) && typeof repeat[0] === 'string' && typeof repeat[1] === 'number')
    return repeat[0].repeat(repeat[1]);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, expand(v)]));
}

/** The Pod of a case: its base with the patch applied. */
export function podOf(c: Pick<BoundaryCase, 'base' | 'patch'>, from: Record<string, Pod> = bases): Pod {
  const base = from[c.base];
  if (!base) throw new Error(`unknown base ${c.base}`);
  const patch = c.patch.map((op) => (op.op === 'remove' ? op : { ...op, value: expand(op.value) }));
  return applyFix(structuredClone(base), { title: '', patch });
}

/** Any generated Pod, for property tests that need no recorded verdict. */
export const boundaryPod: fc.Arbitrary<Pod> = caseArbitrary.filter(applies).map((c) => podOf(c));
