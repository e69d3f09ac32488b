// Every sentence of the Pod runtime's errors, with every phrase it can hold, renders from the runerrors catalogue:
// English exactly as the runtime's message, Chinese present; and the errors the engine's words turn into carry the ids.
import { describe, expect, it } from 'vitest';
import { PodErrorDetails } from '../../../../shared/api/errors';
import { keys, render } from '../../../../shared/plan/catalogue.test-support';
import { toApiError } from './pod-api';
import { explainEngineError, type PodMessage } from './pod-errors';
import {
  action,
  actionIds,
  doing,
  hostPathReasons,
  phrases,
  podMessages,
  pullReasons,
  who,
  type Phrase,
} from './pod-messages';

const whos = [who('POD'), who('web'), who(undefined)];
const pulls: (Phrase | string)[] = [
  ...Object.values(pullReasons).map((reason) => reason('registry.example:5000', 'sha256:0123456789ab')),
  'unexpected EOF',
];

/** Sample sentences of every builder; the type makes a new builder without samples fail to compile. */
const samples: { [K in keyof typeof podMessages]: PodMessage[] } = {
  PLAN_INVALID: [podMessages.PLAN_INVALID({ name: 'web', problems: 'Container "app" has no image.' })],
  POD_EXISTS: [podMessages.POD_EXISTS({ name: 'web', count: 1 }), podMessages.POD_EXISTS({ name: 'web', count: 3 })],
  IMAGE_NEVER_PULL: [podMessages.IMAGE_NEVER_PULL({ image: 'busybox:1', container: 'app' })],
  IMAGE_MISSING: whos.flatMap((w) => [
    podMessages.IMAGE_MISSING({ image: 'busybox:1', who: w }),
    podMessages.IMAGE_MISSING({ who: w }),
  ]),
  IMAGE_PULL_FAILED: pulls.map((reason) =>
    podMessages.IMAGE_PULL_FAILED({ image: 'busybox:1', container: 'app', reason }),
  ),
  IMAGE_RUNS_AS_ROOT: [podMessages.IMAGE_RUNS_AS_ROOT({ container: 'app', image: 'busybox:1', user: 'root' })],
  IMAGE_USER_NAME: [podMessages.IMAGE_USER_NAME({ container: 'app', user: 'nginx' })],
  PORT_TAKEN: whos.flatMap((w) => [podMessages.PORT_TAKEN({ port: 8080, who: w }), podMessages.PORT_TAKEN({ who: w })]),
  MOUNT_FAILED: whos.map((w) => podMessages.MOUNT_FAILED({ who: w, cause: 'invalid mount config' })),
  HOSTPATH_INVALID: Object.values(hostPathReasons).map((why) =>
    podMessages.HOSTPATH_INVALID({ volume: 'data', path: '/srv/data', why: why() }),
  ),
  INIT_FAILED: [phrases.outOfMemory(), '' as const].flatMap((oom) =>
    [phrases.podFailed(), phrases.podStopped()].map((then) =>
      podMessages.INIT_FAILED({ container: 'migrate', exitCode: 3, oom, then }),
    ),
  ),
  NAME_CONFLICT: whos.map((w) => podMessages.NAME_CONFLICT({ who: w })),
  RUN_CANCELLED: [podMessages.RUN_CANCELLED({ name: 'web' })],
  REMOVED_DURING_RUN: [podMessages.REMOVED_DURING_RUN({ name: 'web' })],
  POD_INTERRUPTED: [
    podMessages.POD_INTERRUPTED({ name: 'web', namespace: 'default', count: 1 }),
    podMessages.POD_INTERRUPTED({ name: 'web', namespace: 'shop', count: 3 }),
  ],
  ENGINE_LOST: [
    doing.check(),
    doing.network(),
    doing.pull('web'),
    doing.pull('POD'),
    doing.volume(),
    doing.create('web'),
    doing.create('POD'),
    doing.start('web'),
    doing.start('POD'),
    doing.init('migrate'),
    doing.startApps(),
    doing.rollback(),
  ].flatMap((d) =>
    [
      { left: ['web-infra', 'web-migrate'], back: false },
      { left: ['web-infra'], back: false, namespace: 'shop' },
      { left: [], back: true },
      { left: [], back: false },
    ].map((o) =>
      podMessages.ENGINE_LOST({
        engine: 'unix:///var/run/docker.sock',
        doing: d,
        name: 'web',
        namespace: 'default',
        ...o,
      }),
    ),
  ),
  INFRA_STOPPED: [podMessages.INFRA_STOPPED({ name: 'web', namespace: 'default' })],
  INFRA_MISSING: [podMessages.INFRA_MISSING({ name: 'web', namespace: 'shop' })],
  CONTAINER_MISSING: [podMessages.CONTAINER_MISSING({ name: 'web', namespace: 'default', containers: ['app', 'log'] })],
  ENGINE_LOST_NOW: [podMessages.ENGINE_LOST_NOW({ cause: 'socket hang up' })],
  ENGINE_ERROR: [...Object.keys(actionIds), 'frobnicate'].flatMap((a) =>
    whos.map((w) => podMessages.ENGINE_ERROR({ action: action(a), who: w, cause: 'boom' })),
  ),
};
const all = Object.values(samples).flat();

/** Every catalogue key a message reaches, its own and its phrases'. */
function reached(m: PodMessage): string[] {
  return [m.id, ...Object.values(m.params).flatMap((v) => (typeof v === 'object' ? [v.id] : []))];
}

describe('Pod runtime errors in the runerrors catalogue', () => {
  it.each(all.map((m) => [m.id, m] as const))('%s reads in English exactly as the runtime wrote it', (_, m) => {
    expect(render('en', m.id, m.params)).toBe(m.text);
    const zh = render('zh-CN', m.id, m.params);
    expect(zh).not.toMatch(/<missing|<no value/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reaches every runtime key of the catalogue', () => {
    const used = new Set(all.flatMap(reached));
    // `<key>_app` is the app's own wording of a runtime key (without the CLI's `podwright down` advice, which the
    // app's buttons replace): the renderer picks it by the runtime's key, so the runtime never writes it.
    const runtimeKeys = keys('en').filter(
      (k) => !k.startsWith('runerrors.plan.') && !(k.endsWith('_app') && keys('en').includes(k.slice(0, -4))),
    );
    expect(runtimeKeys.filter((k) => !used.has(k))).toEqual([]);
    expect([...used].filter((k) => !runtimeKeys.includes(k))).toEqual([]);
  });

  it('turns the engine’s words into catalogued errors that cross the API as valid details', () => {
    const cases: [unknown, string, string | undefined, string][] = [
      [{ json: { message: 'Bind for 0.0.0.0:18080 failed: port is already allocated' } }, 'start', 'POD', 'PORT_TAKEN'],
      [{ json: { message: 'No such image: nope:1' } }, 'create', 'web', 'IMAGE_MISSING'],
      [{ json: { message: 'invalid mount config for type "bind"' } }, 'start', 'web', 'MOUNT_FAILED'],
      [
        { statusCode: 409, json: { message: 'name is already in use by container abc' } },
        'create',
        'web',
        'NAME_CONFLICT',
      ],
      [{ json: { message: 'boom' } }, 'create the network for', undefined, 'ENGINE_ERROR'],
    ];
    for (const [err, act, container, code] of cases) {
      const e = explainEngineError(err, act, container);
      expect(e.code).toBe(code);
      const details = PodErrorDetails.parse((toApiError(e) as { details: unknown }).details);
      expect(details.pod.messageId).toMatch(new RegExp(`^runerrors\\.pod\\.${code}`));
      expect(render('en', details.pod.messageId!, details.pod.params)).toBe(e.message);
    }
    const taken = explainEngineError(cases[0]![0], 'start', 'POD');
    expect(render('zh-CN', taken.details.messageId!, taken.details.params)).toBe(
      '本机的主机端口 18080 已被占用，因此该 Pod 的 infra 容器无法发布它。请停止占用该端口的程序，或换一个 hostPort。',
    );
  });

  it('a lost engine names what is left and the down command (with the namespace) in Chinese too', () => {
    const m = podMessages.ENGINE_LOST({
      engine: 'unix:///var/run/docker.sock',
      doing: doing.init('migrate'),
      name: 'web',
      namespace: 'shop',
      left: ['shop_web_POD', 'shop_web_migrate'],
      back: false,
    });
    expect(render('zh-CN', m.id, m.params)).toBe(
      '在等待 init 容器“migrate”时与 unix:///var/run/docker.sock 上的 Docker Engine 失去连接；' +
        '引擎上还留有：shop_web_POD, shop_web_migrate。引擎恢复后，请用“podwright down web -n shop”移除它们。',
    );
  });
});
