// Test support: Pods shaped like real ones but with hostile values, for properties of every check (the rules, the run
// gate): whatever a user or a file writes, checking never throws.
import fc from 'fast-check';
import type { Pod } from '../../model/pod';

/** Pods shaped like real ones but with hostile values: wrong types, odd names, clashing ports, missing volumes. */
const name = fc.oneof(
  fc.constantFrom('a', 'b', 'web', 'log', 'data', 'A_B', '', 'x.y', '123'),
  fc.string({ maxLength: 8 }),
);
const anyValue = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constant(undefined));
const port = fc.record(
  {
    containerPort: fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constantFrom(80, 443), anyValue),
    hostPort: fc.oneof(fc.constantFrom(0, 80, 8080), fc.integer({ min: -5, max: 70000 }), anyValue),
    protocol: fc.oneof(fc.constantFrom('TCP', 'UDP', 'SCTP', 'tcp'), anyValue),
    hostIP: fc.oneof(fc.constantFrom('', '10.0.0.1'), anyValue),
    name: fc.oneof(name, anyValue),
  },
  { requiredKeys: [] },
);
const quantity = fc.oneof(fc.constantFrom('1', '500m', '1Gi', '-1', 'x', '128m', '1e3'), fc.integer(), anyValue);
const mount = fc.record(
  {
    name: fc.oneof(name, anyValue),
    mountPath: fc.oneof(fc.constantFrom('/a', '/b', '', 'd:'), anyValue),
    readOnly: fc.oneof(fc.boolean(), anyValue),
    subPath: fc.oneof(fc.constantFrom('x', '../y', '/z'), anyValue),
  },
  { requiredKeys: [] },
);
const probe = fc.oneof(
  fc.record(
    {
      exec: fc.record({ command: fc.oneof(fc.constant(['true']), anyValue) }),
      periodSeconds: fc.oneof(fc.integer({ min: -2, max: 5 }), anyValue),
    },
    { requiredKeys: [] },
  ),
  fc.record({ httpGet: fc.record({ port: fc.oneof(fc.constantFrom(80, 'http', 'HTTP', 0), anyValue) }) }),
  anyValue,
);
const containerArb = fc.record(
  {
    name: fc.oneof(name, anyValue),
    image: fc.oneof(fc.constantFrom('busybox', ' x ', ''), anyValue),
    restartPolicy: fc.oneof(fc.constantFrom('Always', 'Never'), anyValue),
    ports: fc.oneof(fc.array(fc.oneof(port, anyValue), { maxLength: 3 }), anyValue),
    volumeMounts: fc.oneof(fc.array(fc.oneof(mount, anyValue), { maxLength: 3 }), anyValue),
    env: fc.oneof(
      fc.array(
        fc.record({ name: fc.oneof(name, anyValue), value: anyValue, valueFrom: anyValue }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
      anyValue,
    ),
    envFrom: fc.oneof(fc.array(anyValue, { maxLength: 2 }), anyValue),
    resources: fc.oneof(
      fc.record(
        {
          requests: fc.dictionary(
            fc.constantFrom('cpu', 'memory', 'disk', 'example.com/gpu', 'hugepages-2Mi'),
            quantity,
          ),
          limits: fc.dictionary(fc.constantFrom('cpu', 'memory', 'example.com/gpu'), quantity),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    livenessProbe: probe,
    readinessProbe: probe,
    lifecycle: fc.oneof(fc.record({ preStop: probe, postStart: probe }, { requiredKeys: [] }), anyValue),
    securityContext: anyValue,
  },
  { requiredKeys: [] },
);
const volume = fc.record(
  {
    name: fc.oneof(name, anyValue),
    emptyDir: fc.oneof(fc.constant({}), fc.record({ sizeLimit: quantity }), anyValue),
    hostPath: fc.oneof(
      fc.record({ path: fc.oneof(fc.constantFrom('/x', '/a/..', ''), anyValue), type: anyValue }, { requiredKeys: [] }),
      fc.constant(undefined),
    ),
    configMap: fc.oneof(
      fc.record({ name: anyValue, items: anyValue, defaultMode: anyValue }, { requiredKeys: [] }),
      fc.constant(undefined),
    ),
    secret: fc.oneof(
      fc.record({ secretName: anyValue, items: anyValue }, { requiredKeys: [] }),
      fc.constant(undefined),
    ),
    projected: fc.oneof(fc.record({ sources: anyValue }, { requiredKeys: [] }), fc.constant(undefined)),
  },
  { requiredKeys: [] },
);
export const hostilePod: fc.Arbitrary<Pod> = fc
  .record(
    {
      apiVersion: fc.constant('v1'),
      kind: fc.constant('Pod'),
      metadata: fc.oneof(
        fc.record({ name: fc.oneof(name, anyValue), namespace: anyValue }, { requiredKeys: [] }),
        anyValue,
      ),
      spec: fc.oneof(
        fc.record(
          {
            containers: fc.oneof(fc.array(fc.oneof(containerArb, anyValue), { maxLength: 4 }), anyValue),
            initContainers: fc.oneof(fc.array(containerArb, { maxLength: 3 }), anyValue),
            volumes: fc.oneof(fc.array(fc.oneof(volume, anyValue), { maxLength: 4 }), anyValue),
            hostNetwork: fc.oneof(fc.boolean(), anyValue),
            hostPID: fc.oneof(fc.boolean(), anyValue),
            shareProcessNamespace: fc.oneof(fc.boolean(), anyValue),
            hostUsers: fc.oneof(fc.boolean(), anyValue),
            restartPolicy: fc.oneof(fc.constantFrom('Always', 'never'), anyValue),
            dnsPolicy: anyValue,
            dnsConfig: anyValue,
            securityContext: anyValue,
            terminationGracePeriodSeconds: anyValue,
          },
          { requiredKeys: [] },
        ),
        anyValue,
      ),
    },
    { requiredKeys: ['apiVersion', 'kind'] },
  )
  .map((p) => p as unknown as Pod);

export const validateOptionsArb = fc.record(
  {
    nodeCapacity: fc.oneof(
      fc.constant(undefined),
      fc.record({ cpu: quantity, memory: quantity }, { requiredKeys: [] }),
    ),
    namespaces: fc.oneof(
      fc.constant(undefined),
      fc.record({ pid: fc.array(name), network: fc.array(name) }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
);

