// Run errors through the real i18next setup: English reads exactly as the back end wrote it, Chinese comes from the
// runerrors catalogue (phrases too), a refused plan lists its problems in Chinese, and unknown ids fall back to English.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkRun, type Pod } from '../../shared/plan';
import { catalogues } from './locales';
import { runErrorOf } from './run/model';
import { planProblemText, runErrorText } from './run-errors-text';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: catalogues.en }, 'zh-CN': { translation: catalogues['zh-CN'] } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

const engine = { name: 'Docker', apiVersion: '1.41' };
const refused: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [{ name: 'app', image: '' }], volumes: [{ name: 'conf', configMap: { name: 'settings' } }] },
};

/** What the browser receives for a Pod whose hostPort is taken (the shape electron/engines/docker/pod/pod-api.ts sends). */
const portTaken = {
  code: 'CONFLICT',
  message:
    "Host port 18080 is already in use on this machine, so the Pod's infra container could not publish it. Stop what uses the port, or pick another hostPort.",
  details: {
    pod: {
      code: 'PORT_TAKEN',
      container: 'POD',
      cause: 'Bind for 0.0.0.0:18080 failed: port is already allocated',
      messageId: 'runerrors.pod.PORT_TAKEN',
      params: { port: 18080, who: { id: 'runerrors.who.infra' } },
    },
  },
};

describe('run error text', () => {
  it('reads the gate\'s problems (rules and engine alike) as written in English, and in Chinese from the catalogue', () => {
    const { blockers } = checkRun(refused, engine);
    expect(blockers.map((d) => d.code)).toEqual(['CONTAINER_IMAGE_REQUIRED', 'CONFIGMAP_NOT_FOUND']);
    for (const problem of blockers) expect(planProblemText(en, problem)).toBe(problem.message);
    expect(planProblemText(zh, blockers[0]!)).toBe('必填值');
    expect(planProblemText(zh, blockers[1]!)).toContain('卷“conf”读取 ConfigMap“settings”');
  });

  it('shows a taken host port with its number in Chinese, and the back end’s English in English', () => {
    const error = runErrorOf(portTaken);
    expect(error.code).toBe('PORT_TAKEN');
    expect(runErrorText(en, error)).toBe(portTaken.message);
    expect(runErrorText(zh, error)).toBe(
      '本机的主机端口 18080 已被占用，因此该 Pod 的 infra 容器无法发布它。请停止占用该端口的程序，或换一个 hostPort。',
    );
  });

  it('lists a refused plan’s problems in Chinese inside its sentence', () => {
    const problems = checkRun(refused, engine).blockers;
    const all = problems.map((x) => x.message).join(' ');
    const error = runErrorOf({
      code: 'BAD_REQUEST',
      message: `Pod "web" cannot run: ${all}`,
      details: {
        pod: {
          code: 'PLAN_INVALID',
          problems,
          messageId: 'runerrors.pod.PLAN_INVALID',
          params: { name: 'web', problems: all },
        },
      },
    });
    expect(error.problems?.map((p) => p.messageId)).toEqual([
      'rules.CONTAINER_IMAGE_REQUIRED.messages.required',
      'rules.CONFIGMAP_NOT_FOUND.messages.main',
    ]);
    expect(runErrorText(en, error)).toBe(error.message);
    const text = runErrorText(zh, error);
    expect(text).toMatch(/^Pod“web”无法运行：/);
    expect(text).toContain('必填值');
    expect(text).toContain('卷“conf”读取 ConfigMap“settings”');
    expect(text).not.toContain('Required value');
  });

  it('falls back to the English message when the catalogue lacks the id or one of its phrases', () => {
    const message = 'Something new went wrong.';
    expect(runErrorText(zh, { code: 'X', message, messageId: 'runerrors.pod.NOT_YET', params: {} })).toBe(message);
    expect(runErrorText(zh, { code: 'X', message })).toBe(message);
    const phraseless = { ...runErrorOf(portTaken), params: { port: 1, who: { id: 'runerrors.who.alien' } } };
    expect(runErrorText(zh, phraseless)).toBe(portTaken.message);
    expect(planProblemText(zh, { message, messageId: 'rules.NOT_YET.messages.main', params: {} })).toBe(message);
  });

  it('refuses details that do not match the contract, keeping the message', () => {
    const error = runErrorOf({
      code: 'CONFLICT',
      message: 'taken',
      details: { pod: { code: 'PORT_TAKEN', params: 'x' } },
    });
    expect(error).toEqual({ code: 'CONFLICT', message: 'taken' });
  });
});

describe('run error text when only English has the entry', () => {
  it('shows the whole sentence in the back end’s English, never half Chinese', async () => {
    const partial = i18next.createInstance();
    const zhCatalogue = structuredClone(catalogues['zh-CN']) as { runerrors: { pod: Record<string, string> } };
    delete zhCatalogue.runerrors.pod.PORT_TAKEN;
    await partial.init({
      resources: { en: { translation: catalogues.en }, 'zh-CN': { translation: zhCatalogue } },
      lng: 'zh-CN',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
    expect(runErrorText(partial.getFixedT('zh-CN'), runErrorOf(portTaken))).toBe(portTaken.message);
  });
});
