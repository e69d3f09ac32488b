// Run errors through the real i18next setup: English reads exactly as the back end wrote it, Chinese comes from the
// runerrors catalogue (phrases too), a refused plan lists its problems in Chinese, and unknown ids fall back to English.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkRun, type Pod } from '../../shared/plan';
import { catalogues } from './locales';
import { bothCatalogues } from './catalogues.test-support';
import { runErrorOf } from './run/model';
import { planProblemText, podFaultText, runErrorText } from './run-errors-text';

const i18n = await bothCatalogues();
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
  it("reads the gate's problems (rules and engine alike) as written in English, and in Chinese from the catalogue", () => {
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

describe('a Pod that failed under its containers, in the app', () => {
  // What pod.status sends for a Pod whose infra was killed (electron/engines/docker/pod/pod-status.ts).
  const infraStopped = {
    message:
      'The Pod\'s infra container stopped, so its containers lost the network and IPC they share, and nothing restarts it. Remove the Pod with "podwright down web" and run it again.',
    messageId: 'runerrors.pod.INFRA_STOPPED',
    params: { name: 'web', down: 'podwright down web' },
  };

  it('says why in both languages, without the CLI command the app offers as a button', () => {
    expect(podFaultText(en, infraStopped)).toBe(
      "The Pod's infra container stopped, so its containers lost the network and IPC they share, and nothing restarts it.",
    );
    expect(podFaultText(zh, infraStopped)).toBe(
      '该 Pod 的 infra 容器已停止，它的容器因此失去了共享的网络和 IPC，且不会有任何东西重启它。',
    );
    const missing = {
      message:
        'Removed from the engine, and nothing recreates it: api. Remove the Pod with "podwright down web" and run it again.',
      messageId: 'runerrors.pod.CONTAINER_MISSING',
      params: { containers: 'api', down: 'podwright down web' },
    };
    expect(podFaultText(zh, missing)).toBe('已从引擎中被移除，且不会被重新创建：api。');
    for (const id of ['INFRA_MISSING', 'POD_INTERRUPTED', 'POD_INTERRUPTED_ONE']) {
      const m = { message: 'x', messageId: `runerrors.pod.${id}`, params: { name: 'web', count: 2, down: 'd' } };
      expect(podFaultText(en, m)).not.toContain('podwright down');
      expect(podFaultText(zh, m)).not.toBe('x');
    }
  });

  it('falls back to the CLI sentence for a message with no app variant, and to English for one the catalogue lacks', () => {
    const taken = { message: 'taken', messageId: 'runerrors.pod.RUN_CANCELLED', params: { name: 'web' } };
    expect(podFaultText(zh, taken)).toBe('已取消启动 Pod“web”；它已创建的内容都已移除。');
    expect(podFaultText(zh, { message: 'new words', messageId: 'runerrors.pod.NOT_YET' })).toBe('new words');
  });
});
