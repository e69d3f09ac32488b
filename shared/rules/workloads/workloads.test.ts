// The checks of a workload's own fields: the broken ReplicationController, the real-world corpus with the verdict
// a Kubernetes 1.34 API server gives each file, and each kind's rules with their fixes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusDir, manifestFiles } from '../../manifest/corpus.test-support';
import { applyFix } from '../fix';
import type { Diagnostic, Pod } from '../types';
import { readDesign } from '../../manifest/read';
import { checkDesign, registerObjectChecker } from '../check-design';
import { checkedKinds, checkWorkloadObject, checkWorkloads, workloadObjectChecker } from './index';
import { objectRecords } from './records.test-support';

/** `severity CODE path` for the errors and warnings of an object, for compact assertions. */
function verdict(object: unknown, severities: string[] = ['error', 'warning']): string[] {
  return checkWorkloadObject(object)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${d.code} ${d.path}`);
}

/** The object after applying every first fix, repeatedly, until nothing is left to fix (at most 10 rounds). */
function fixAll(object: unknown): unknown {
  let current = object;
  for (let round = 0; round < 10; round++) {
    const fixable = checkWorkloadObject(current).find((d) => d.fixes.length > 0 && d.severity !== 'info');
    if (!fixable) return current;
    current = applyFix(current as Pod, fixable.fixes[0]!);
  }
  return current;
}

const deployment = (spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    ...spec,
  },
  ...extra,
});

describe('the issue’s ReplicationController', () => {
  // kubeconform's invalid.yaml and missing_apiversion.yaml in one object: replicas `asd"` (a string in YAML), the
  // template misspelt `templates`, and no apiVersion.
  const text = [
    'kind: ReplicationController',
    'metadata:',
    '  name: "bob"',
    'spec:',
    '  replicas: asd"',
    '  selector:',
    '    app: nginx',
    '  templates:',
    '    metadata:',
    '      name: nginx',
    '      labels:',
    '        app: nginx',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    '        image: nginx',
    '        ports:',
    '        - containerPort: 80',
    '',
  ].join('\n');

  it('is refused at apiVersion, spec.replicas and the template, each at its line, with the typo named', () => {
    // As checkDesign reports it once the workload checks are its object checker: the reader's problems (no apiVersion,
    // no template) and the workload's own, each placed at its line of the file.
    const check = checkDesign(readDesign(text, { name: 'rc.yaml' }));
    const shown = (d: Diagnostic) => `${d.code} ${d.path} @${d.at?.line}: ${d.message}`;
    expect(check.accepted).toBe(false);
    expect(check.problems.filter((d) => d.severity === 'error').map(shown)).toEqual([
      'OBJECT_API_VERSION_MISSING apiVersion @1: ReplicationController: apiVersion is missing',
      'WORKLOAD_TEMPLATE_MISSING spec.template.spec @4: ReplicationController "bob": Required value: spec.template.spec (the Pod template)',
      'WORKLOAD_REPLICAS_INVALID spec.replicas @5: Invalid value: "asd\\"": must be an integer',
    ]);
    expect(check.problems.filter((d) => d.severity === 'warning').map(shown)).toEqual([
      'WORKLOAD_UNKNOWN_FIELD spec.templates @8: unknown field "templates" (did you mean "template"?)',
    ]);
  });

  it('is put right by its fixes: replicas 1, templates renamed', () => {
    const [record] = objectRecords(text);
    const fixed = fixAll(record!.object) as Record<string, Record<string, unknown>>;
    expect(verdict(fixed)).toEqual([]);
    expect(fixed.spec!.replicas).toBe(1);
    expect(Object.keys(fixed.spec!)).toContain('template');
    expect(Object.keys(fixed.spec!)).not.toContain('templates');
  });

  it('keeps a count written as text when it is one', () => {
    const [fix] = checkWorkloadObject(deployment({ replicas: '3' })).find(
      (d) => d.code === 'WORKLOAD_REPLICAS_INVALID',
    )!.fixes;
    expect(fix!.title).toBe('Set replicas to 3');
  });
});

// What a Kubernetes 1.34 API server says about each real-world workload and Service file (INDEX.tsv), and the problems
// checkDesign reports for it once the workload checks are its object checker: the reader's (syntax, kind, apiVersion,
// template) and the objects' own. `elsewhere`: the server refuses the file for something outside the workload and
// Service fields (a Pod field, another kind), which the Pod rules or nothing here check; its workload fields pass.
const corpusVerdicts: Record<string, { server: string; found: string[]; elsewhere?: true }> = {
  'k8s-examples/newrelic-infra-daemonset.yaml': {
    server: 'rejects: no matches for kind "DaemonSet" in version "extensions/v1beta1" (removed in 1.16)',
    found: ['WORKLOAD_API_VERSION apiVersion', 'WORKLOAD_SELECTOR_REQUIRED spec.selector'],
  },
  'k8s-website/cronjob.yaml': {
    server: 'rejects: no matches for kind "CronJob" in version "batch/v1beta1" (removed in 1.25)',
    found: ['WORKLOAD_API_VERSION apiVersion'],
  },
  'kubeconform/extra_property.yaml': {
    server:
      'rejects: `selector` does not match template `labels` (the template has none); strict decoding: unknown field "spec.replicas"',
    found: ['WORKLOAD_SELECTOR_MISMATCH spec.template.metadata.labels', 'WORKLOAD_UNKNOWN_FIELD spec.replicas'],
  },
  'kubeconform/invalid.yaml': {
    server:
      'rejects: spec.replicas is a string; spec.template missing (strict decoding: unknown field "spec.templates")',
    found: [
      'WORKLOAD_TEMPLATE_MISSING spec.template.spec',
      'WORKLOAD_REPLICAS_INVALID spec.replicas',
      'WORKLOAD_UNKNOWN_FIELD spec.templates',
    ],
  },
  'kubeconform/missing_apiversion.yaml': {
    server: 'rejects: apiVersion not set',
    found: ['OBJECT_API_VERSION_MISSING apiVersion'],
  },
  'kubeconform/duplicate_property.yaml': {
    server: 'rejects under strict decoding: duplicate key "containers"',
    found: ['YAML_SYNTAX '],
  },
  'k8s-hack-testdata/invalid-deployment-unknown-and-duplicate-fields.yaml': {
    server: 'rejects: duplicate key spec.replicas, unknown fields spec.foo and spec.baz',
    found: ['YAML_SYNTAX '],
  },
  'k8s-hack-testdata/invalid-rc-with-empty-args.yaml': {
    server: "rejects: a null item in the template's containers[].args (a Pod field)",
    found: [],
    elsewhere: true,
  },
  'k8s-examples/cockroachdb-statefulset.yaml': {
    server:
      'rejects the PodDisruptionBudget (policy/v1beta1, removed in 1.25); the Services and StatefulSet are accepted',
    found: [],
    elsewhere: true,
  },
};

describe('the real-world corpus', () => {
  registerObjectChecker(workloadObjectChecker);
  const files = manifestFiles(corpusDir).map((f) => f.slice(corpusDir.length + 1));
  const index = readFileSync(join(corpusDir, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
  const workloadFiles = index
    .filter((cols) => new RegExp(`\\b(${checkedKinds.join('|')})\\b`).test(cols[4] ?? ''))
    .map((cols) => cols[0]!);

  it('lists every workload and Service file of INDEX.tsv, and the files the table names exist', () => {
    expect(workloadFiles.length).toBeGreaterThan(20);
    for (const file of Object.keys(corpusVerdicts)) expect(files).toContain(file);
    for (const file of workloadFiles) expect(files).toContain(file);
  });

  it.each(workloadFiles)('%s: what a 1.34 API server says of its workloads and Services', (file) => {
    const check = checkDesign(readDesign(readFileSync(join(corpusDir, file), 'utf8'), { name: file }));
    const found = check.problems.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.path}`);
    const expected = corpusVerdicts[file];
    expect(found).toEqual(expected?.found ?? []);
    // No workload problem where the server accepts the file; refused at this level where it refuses the workloads.
    expect(found.some((f) => !f.startsWith('WORKLOAD_UNKNOWN_FIELD'))).toBe(
      expected !== undefined && !expected.elsewhere,
    );
  });

  it('checks every object of the corpus without a diagnostic lacking its catalogue entry', () => {
    for (const file of files)
      for (const d of checkWorkloads(objectRecords(readFileSync(join(corpusDir, file), 'utf8'))))
        expect(d.messageId).toBeDefined();
  });
});

describe('apiVersion', () => {
  it('names the version a kind is served as (a missing one is the reader’s to report)', () => {
    expect(verdict(deployment({}, { apiVersion: undefined }))).toEqual([]);
    expect(verdict(deployment({}, { apiVersion: 'v1' }))).toEqual(['WORKLOAD_API_VERSION apiVersion']);
    const [d] = checkWorkloadObject(deployment({}, { apiVersion: 'extensions/v1beta1' }));
    expect(d!.message).toBe(
      'no matches for kind "Deployment" in version "extensions/v1beta1": it was removed in Kubernetes 1.16; use apps/v1',
    );
    expect(verdict(fixAll(deployment({}, { apiVersion: 'apps/v1beta2' })))).toEqual([]);
  });

  it('passes the kinds it does not know to the reader', () => {
    expect(checkWorkloadObject({ kind: 'PodDisruptionBudget', apiVersion: 'policy/v1beta1' })).toEqual([]);
    expect(checkWorkloadObject({ kind: 'Pod', metadata: {} })).toEqual([]);
  });
});

describe('names', () => {
  it('takes each kind’s name rule', () => {
    expect(verdict(deployment({}, { metadata: { name: 'web.v2' } }))).toEqual([]);
    expect(verdict({ ...deployment(), kind: 'StatefulSet', metadata: { name: 'web.v2' } })).toContain(
      'OBJECT_METADATA_INVALID metadata.name',
    );
    expect(
      verdict({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } }),
    ).toEqual(['OBJECT_METADATA_INVALID metadata.name']);
    const long = 'a'.repeat(53);
    const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: long }, spec: cronSpec() };
    expect(checkWorkloadObject(cron).map((d) => d.message)).toEqual([
      `Invalid value: "${long}": must be no more than 52 characters`,
    ]);
  });

  it('offers a valid name and accepts generateName', () => {
    const bad = deployment({}, { metadata: { name: 'My_Web' } });
    expect(checkWorkloadObject(bad)[0]!.fixes[0]!.title).toBe('Rename to "my-web"');
    expect(verdict(fixAll(bad))).toEqual([]);
    expect(verdict(deployment({}, { metadata: { generateName: 'web-' } }))).toEqual([]);
    expect(verdict(deployment({}, { metadata: {} }))).toEqual(['OBJECT_METADATA_INVALID metadata.name']);
  });
});

describe('replicas', () => {
  it.each([
    [-1, 'must be greater than or equal to 0'],
    [1.5, 'must be an integer'],
    ['three', 'must be an integer'],
    [2 ** 31, 'must be at most 2147483647 (a 32-bit integer)'],
  ])('refuses %s', (value, text) => {
    const found = checkWorkloadObject(deployment({ replicas: value }));
    expect(found.map((d) => `${d.path}: ${d.message}`)).toEqual([
      `spec.replicas: Invalid value: ${JSON.stringify(value)}: ${text}`,
    ]);
  });

  it('accepts 0 and a missing count (1), and a DaemonSet has none to check', () => {
    expect(verdict(deployment({ replicas: 0 }))).toEqual([]);
    const { replicas: _, ...spec } = deployment().spec;
    expect(verdict({ ...deployment(), spec })).toEqual([]);
  });
});

describe('selectors', () => {
  it('requires one on the apps/v1 kinds, with a fix that selects the template', () => {
    const { selector: _, ...spec } = deployment().spec;
    const object = { ...deployment(), spec };
    expect(verdict(object)).toEqual(['WORKLOAD_SELECTOR_REQUIRED spec.selector']);
    const [d] = checkWorkloadObject(object);
    expect(d!.fixes[0]!.title).toBe("Select the template's labels (app=web)");
    expect(verdict(fixAll(object))).toEqual([]);
  });

  it('labels an unlabelled template and selects it', () => {
    const object = deployment({ selector: undefined, template: { spec: { containers: [{ name: 'a', image: 'b' }] } } });
    const fixed = fixAll(object) as ReturnType<typeof deployment>;
    expect(verdict(fixed)).toEqual([]);
    expect(fixed.spec.selector).toEqual({ matchLabels: { app: 'web' } });
  });

  it('refuses a selector that does not select the template, offering both ways round', () => {
    const object = deployment({ selector: { matchLabels: { app: 'web', tier: 'front' } } });
    const [d] = checkWorkloadObject(object);
    expect(`${d!.code} ${d!.path}: ${d!.message}`).toBe(
      'WORKLOAD_SELECTOR_MISMATCH spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    );
    expect(d!.fixes.map((f) => f.title)).toEqual([
      'Label the template tier=front',
      "Select the template's labels (app=web)",
    ]);
    for (const fix of d!.fixes) expect(verdict(applyFix(object as unknown as Pod, fix))).toEqual([]);
  });

  it('matches expressions as Kubernetes does', () => {
    const expr = (operator: string, values?: string[]) => ({ matchExpressions: [{ key: 'app', operator, values }] });
    expect(verdict(deployment({ selector: expr('In', ['web', 'api']) }))).toEqual([]);
    expect(verdict(deployment({ selector: expr('NotIn', ['web']) }))).toEqual([
      'WORKLOAD_SELECTOR_MISMATCH spec.template.metadata.labels',
    ]);
    expect(verdict(deployment({ selector: expr('Exists') }))).toEqual([]);
    expect(verdict(deployment({ selector: expr('DoesNotExist') }))).toEqual([
      'WORKLOAD_SELECTOR_MISMATCH spec.template.metadata.labels',
    ]);
    expect(verdict(deployment({ selector: expr('In') }))).toEqual([
      'WORKLOAD_SELECTOR_INVALID spec.selector.matchExpressions[0].values',
    ]);
    expect(verdict(deployment({ selector: expr('Exists', ['x']) }))).toEqual([
      'WORKLOAD_SELECTOR_INVALID spec.selector.matchExpressions[0].values',
    ]);
    expect(verdict(deployment({ selector: expr('Has') }))).toEqual([
      'WORKLOAD_SELECTOR_INVALID spec.selector.matchExpressions[0].operator',
    ]);
  });

  it('refuses an empty selector and bad label syntax', () => {
    expect(verdict(deployment({ selector: {} }))).toEqual(['WORKLOAD_SELECTOR_INVALID spec.selector']);
    expect(verdict(deployment({ selector: { matchLabels: { 'a b': 'web' } } }))).toContain(
      'WORKLOAD_SELECTOR_INVALID spec.selector.matchLabels',
    );
  });

  it('defaults a ReplicationController’s selector from its template', () => {
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'mongo' },
      spec: { template: deployment().spec.template },
    };
    expect(verdict(rc)).toEqual([]);
    const unlabelled = { ...rc, spec: { template: { spec: deployment().spec.template.spec } } };
    expect(verdict(unlabelled)).toEqual(['WORKLOAD_SELECTOR_REQUIRED spec.selector']);
    expect(verdict(fixAll(unlabelled))).toEqual([]);
  });

  it('lets a Job generate its selector unless manualSelector says otherwise', () => {
    const job = (spec: Record<string, unknown>) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { ...jobSpec(), ...spec },
    });
    expect(verdict(job({}))).toEqual([]);
    expect(verdict(job({ selector: { matchLabels: { app: 'pi' } } }))).toEqual([
      'JOB_SELECTOR_GENERATED spec.selector',
    ]);
    expect(verdict(job({ manualSelector: true }))).toEqual(['WORKLOAD_SELECTOR_REQUIRED spec.selector']);
    expect(verdict(job({ manualSelector: true, selector: { matchLabels: { app: 'other' } } }))).toEqual([
      'WORKLOAD_SELECTOR_MISMATCH spec.template.metadata.labels',
    ]);
    expect(verdict(fixAll(job({ selector: { matchLabels: { app: 'pi' } } })))).toEqual([]);
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: cronSpec({ selector: { matchLabels: { a: 'b' } } }),
    };
    expect(verdict(cron)).toEqual(['JOB_SELECTOR_GENERATED spec.jobTemplate.spec.selector']);
  });
});

function jobSpec(): Record<string, unknown> {
  return {
    template: {
      metadata: { labels: { app: 'pi' } },
      spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] },
    },
  };
}

function cronSpec(job: Record<string, unknown> = {}): Record<string, unknown> {
  return { schedule: '*/5 * * * *', jobTemplate: { spec: { ...jobSpec(), ...job } } };
}

describe('the Pod template', () => {
  it('must restart Always under a Deployment and OnFailure or Never under a Job', () => {
    const template = (restartPolicy?: string) => ({
      spec: { restartPolicy, containers: [{ name: 'a', image: 'b' }] },
      metadata: { labels: { app: 'web' } },
    });
    expect(verdict(deployment({ template: template('OnFailure') }))).toEqual([
      'WORKLOAD_RESTART_POLICY spec.template.spec.restartPolicy',
    ]);
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: template() } };
    const [d] = checkWorkloadObject(job);
    expect(`${d!.path}: ${d!.message}`).toBe(
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(d!.fixes.map((f) => f.title)).toEqual(['Set restartPolicy to OnFailure', 'Set restartPolicy to Never']);
    expect(verdict(fixAll(job))).toEqual([]);
    const withPolicy = {
      ...job,
      spec: { ...job.spec, podFailurePolicy: { rules: [] }, template: template('OnFailure') },
    };
    expect(verdict(withPolicy)).toEqual(['WORKLOAD_RESTART_POLICY spec.template.spec.restartPolicy']);
  });

  it('without a template, only what the API server says beside the missing template', () => {
    const { template: _, ...spec } = deployment().spec;
    // An apps/v1 kind without a template: its selector selects an empty template (the reader reports the missing template).
    expect(verdict({ ...deployment(), spec })).toEqual(['WORKLOAD_SELECTOR_MISMATCH spec.template.metadata.labels']);
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'r' },
      spec: { selector: { a: 'b' } },
    };
    expect(verdict(rc)).toEqual([]);
  });

  it('may not have an activeDeadlineSeconds under a controller', () => {
    const template = {
      ...deployment().spec.template,
      spec: { ...deployment().spec.template.spec, activeDeadlineSeconds: 30 },
    };
    expect(verdict(deployment({ template }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.template.spec.activeDeadlineSeconds',
    ]);
    expect(verdict(fixAll(deployment({ template })))).toEqual([]);
  });
});

describe('each kind’s own fields', () => {
  it('checks a Deployment’s rollout budgets', () => {
    const rolling = (r: Record<string, unknown>) =>
      deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: r } });
    expect(verdict(rolling({ maxSurge: 0, maxUnavailable: 0 }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.strategy.rollingUpdate.maxUnavailable',
    ]);
    expect(verdict(rolling({ maxSurge: 0 }))).toEqual([]);
    expect(verdict(rolling({ maxUnavailable: '150%' }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.strategy.rollingUpdate.maxUnavailable',
    ]);
    expect(verdict(rolling({ maxSurge: '5' }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.strategy.rollingUpdate.maxSurge',
    ]);
    expect(verdict(deployment({ strategy: { type: 'Recreate', rollingUpdate: {} } }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.strategy.rollingUpdate',
    ]);
    expect(verdict(deployment({ strategy: { type: 'BlueGreen' } }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.strategy.type',
    ]);
    expect(verdict(deployment({ minReadySeconds: 10, progressDeadlineSeconds: 10 }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.progressDeadlineSeconds',
    ]);
    expect(verdict(deployment({ revisionHistoryLimit: -1 }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.revisionHistoryLimit',
    ]);
  });

  it('checks a DaemonSet’s update strategy with its own defaults', () => {
    const ds = (rollingUpdate: Record<string, unknown>) => ({
      ...deployment(),
      kind: 'DaemonSet',
      spec: {
        selector: deployment().spec.selector,
        template: deployment().spec.template,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate },
      },
    });
    // maxUnavailable defaults to 1, so a surge alone is refused: exactly one of them may be non-zero.
    expect(verdict(ds({ maxSurge: 1 }))).toEqual(['WORKLOAD_FIELD_INVALID spec.updateStrategy.rollingUpdate.maxSurge']);
    expect(verdict(ds({ maxSurge: 1, maxUnavailable: 0 }))).toEqual([]);
    expect(verdict(ds({ maxUnavailable: 0 }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.updateStrategy.rollingUpdate.maxUnavailable',
    ]);
  });

  it('checks a StatefulSet’s service name and policies', () => {
    const sts = (spec: Record<string, unknown>) => ({
      ...deployment(),
      kind: 'StatefulSet',
      spec: { ...deployment().spec, serviceName: 'web', ...spec },
    });
    expect(verdict(sts({}))).toEqual([]);
    expect(verdict(sts({ serviceName: 'web.svc' }))).toEqual(['STATEFULSET_SERVICE_NAME_INVALID spec.serviceName']);
    expect(verdict(sts({ serviceName: undefined }), ['info'])).toEqual([
      'STATEFULSET_SERVICE_NAME_MISSING spec.serviceName',
    ]);
    expect(verdict(sts({ podManagementPolicy: 'Random' }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.podManagementPolicy',
    ]);
    expect(verdict(sts({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.updateStrategy.rollingUpdate',
    ]);
    expect(verdict(sts({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
    ]);
  });

  it('checks a Job’s counts and completion mode', () => {
    const job = (spec: Record<string, unknown>) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { ...jobSpec(), ...spec },
    });
    expect(verdict(job({ completions: 5, parallelism: 2, backoffLimit: 4 }))).toEqual([]);
    expect(verdict(job({ completions: -1, parallelism: 'two', backoffLimit: -4 }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.parallelism',
      'WORKLOAD_FIELD_INVALID spec.completions',
      'WORKLOAD_FIELD_INVALID spec.backoffLimit',
    ]);
    expect(verdict(job({ completionMode: 'Indexed' }))).toEqual(['WORKLOAD_FIELD_INVALID spec.completions']);
    expect(verdict(job({ backoffLimitPerIndex: 1 }))).toEqual(['WORKLOAD_FIELD_INVALID spec.backoffLimitPerIndex']);
  });

  it('checks a CronJob’s schedule, time zone and policies', () => {
    const cron = (spec: Record<string, unknown>) => ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { ...cronSpec(), ...spec },
    });
    expect(verdict(cron({ timeZone: 'Europe/Paris', concurrencyPolicy: 'Forbid' }))).toEqual([]);
    expect(verdict(cron({ schedule: '0 0 * *' }))).toEqual(['CRONJOB_SCHEDULE_INVALID spec.schedule']);
    expect(verdict(cron({ schedule: undefined }))).toEqual(['CRONJOB_SCHEDULE_INVALID spec.schedule']);
    expect(verdict(cron({ timeZone: 'Mars/Olympus' }))).toEqual(['WORKLOAD_FIELD_INVALID spec.timeZone']);
    expect(verdict(cron({ timeZone: 'Local' }))).toEqual(['WORKLOAD_FIELD_INVALID spec.timeZone']);
    expect(verdict(cron({ concurrencyPolicy: 'Sometimes' }))).toEqual([
      'WORKLOAD_FIELD_INVALID spec.concurrencyPolicy',
    ]);
    const tz = cron({ schedule: 'CRON_TZ=Asia/Tokyo 30 9 * * mon-fri' });
    expect(checkWorkloadObject(tz).map((d) => d.message)).toEqual([
      'Invalid value: "CRON_TZ=Asia/Tokyo 30 9 * * mon-fri": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
    const fixed = fixAll(tz) as { spec: Record<string, unknown> };
    expect(verdict(fixed)).toEqual([]);
    expect(fixed.spec).toMatchObject({ schedule: '30 9 * * mon-fri', timeZone: 'Asia/Tokyo' });
  });

  it('names misspelt fields down to the template, not inside it', () => {
    const object = deployment(
      { replica: 3, template: { ...deployment().spec.template, spec: { containers: [], bogus: 1 } } },
      { metdata: {} },
    );
    expect(verdict(object, ['warning'])).toEqual([
      'WORKLOAD_UNKNOWN_FIELD spec.replica',
      'WORKLOAD_UNKNOWN_FIELD metdata',
    ]);
    expect(checkWorkloadObject(object).find((d) => d.path === 'spec.replica')!.message).toBe(
      'unknown field "replica" (did you mean "replicas"?)',
    );
  });
});

describe('hostile input', () => {
  it('names a value whose toString is not a function without throwing (found by the property below in CI)', () => {
    const hostile = { toString: 0 };
    for (const object of [
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { timeZone: hostile } },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: {
          ports: [
            { port: hostile, protocol: hostile },
            { port: hostile, protocol: hostile },
          ],
        },
      },
    ])
      expect(() => checkWorkloadObject(object)).not.toThrow();
  });

  it('never throws and always gives well-formed diagnostics', () => {
    const kinds = fc.constantFrom(...checkedKinds);
    const anything = fc.anything({ maxDepth: 3 });
    const object = fc.record(
      {
        apiVersion: fc.oneof(fc.constantFrom('apps/v1', 'v1', 'batch/v1'), anything),
        kind: kinds,
        metadata: fc.oneof(
          fc.record({ name: fc.oneof(fc.string(), anything), labels: anything }, { requiredKeys: [] }),
          anything,
        ),
        spec: fc.oneof(
          fc.record(
            {
              replicas: anything,
              selector: fc.oneof(
                fc.record({ matchLabels: anything, matchExpressions: anything }, { requiredKeys: [] }),
                anything,
              ),
              template: fc.oneof(fc.record({ metadata: anything, spec: anything }, { requiredKeys: [] }), anything),
              jobTemplate: anything,
              schedule: fc.oneof(fc.string(), anything),
              ports: fc.oneof(
                fc.array(
                  fc.oneof(
                    fc.record(
                      { port: anything, targetPort: anything, nodePort: anything, name: anything, protocol: anything },
                      { requiredKeys: [] },
                    ),
                    anything,
                  ),
                ),
                anything,
              ),
              strategy: anything,
              updateStrategy: anything,
              type: anything,
              timeZone: anything,
            },
            { requiredKeys: [] },
          ),
          anything,
        ),
      },
      { requiredKeys: ['kind'] },
    );
    fc.assert(
      fc.property(object, (o) => {
        const found: Diagnostic[] = checkWorkloadObject(o);
        for (const d of found) {
          expect(typeof d.path).toBe('string');
          expect(d.messageId).toMatch(/^rules\.[A-Z_]+\.messages\.\w+$/);
          for (const fix of d.fixes) expect(() => applyFix(o as Pod, fix)).not.toThrow();
        }
      }),
      { numRuns: 400 },
    );
  });
});
