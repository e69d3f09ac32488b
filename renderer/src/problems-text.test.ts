// Rule text in both languages through the real i18next setup: English reads exactly as the engine wrote it, Chinese
// comes from the rules catalogue, and text without a catalogue entry falls back to the engine's English.
import { describe, expect, it } from 'vitest';
import { readDesign } from '../../shared/manifest';
import { validatePod, type Diagnostic } from '../../shared/rules';
import portClash from '../../assets/examples/port-clash.pod.yaml?raw';
import { bothCatalogues } from './catalogues.test-support';
import { diagnosticText, explanationText, fixText } from './problems-text';

const i18n = await bothCatalogues();
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

const pod = readDesign(portClash, { name: 'port-clash' }).pods[0]!.pod;
const clash = validatePod(pod).find((d) => d.code === 'POD_PORT_CLASH')!;

describe('problem text', () => {
  it('reads the port clash exactly as the engine wrote it in English', () => {
    expect(clash.messageId).toBe('rules.POD_PORT_CLASH.messages.clash');
    expect(diagnosticText(en, clash)).toBe(clash.message);
    expect(fixText(en, clash.fixes[0]!)).toBe(clash.fixes[0]!.title);
    expect(explanationText(en, clash)).toBe(clash.explanation);
  });

  it('shows the port clash, its fixes and its explanation in Chinese', () => {
    // `first` is the container listed later, the one whose bind fails; `second` the earlier one.
    const [later, earlier] = [clash.params!.first, clash.params!.second];
    expect(diagnosticText(zh, clash)).toBe(
      `${earlier} 和 ${later} 都在 Pod 共享的网络命名空间中监听 ${clash.params!.port}；第二个绑定的会失败（通常是较晚启动的 ${later}）`,
    );
    expect(fixText(zh, clash.fixes[0]!)).toBe(`把 ${later} 改到端口 81（其进程也必须监听该端口）`);
    expect(fixText(zh, clash.fixes[1]!)).toBe(`把 ${earlier} 改到端口 81（其进程也必须监听该端口）`);
    expect(explanationText(zh, clash)).toContain('网络命名空间');
  });

  it('falls back to the English text when the catalogue has no entry', () => {
    const d: Diagnostic = { ...clash, code: 'NOT_A_RULE', messageId: 'rules.NOT_A_RULE.messages.x', fixes: [] };
    expect(diagnosticText(zh, d)).toBe(clash.message);
    expect(explanationText(zh, d)).toBe(clash.explanation);
    const untranslated: Diagnostic = { ...clash, messageId: undefined, params: undefined };
    expect(diagnosticText(zh, untranslated)).toBe(clash.message);
    expect(fixText(zh, { title: 'Do it', patch: [] })).toBe('Do it');
  });

  it('translates the validation phrase inside a message', () => {
    const bad = validatePod({ ...pod, spec: { containers: [{ name: 'Web', image: 'busybox:1.36' }] } }).find(
      (d) => d.code === 'CONTAINER_NAME_INVALID',
    )!;
    expect(diagnosticText(en, bad)).toBe(bad.message);
    expect(diagnosticText(zh, bad)).toBe(
      '无效值："Web"：小写 RFC 1123 标签只能由小写字母数字字符或“-”组成，且必须以字母数字字符开头和结尾',
    );
  });

  it('translates the usual user of a host port', () => {
    const advice = validatePod({
      ...pod,
      spec: { containers: [{ name: 'web', image: 'busybox:1.36', ports: [{ containerPort: 80, hostPort: 80 }] }] },
    }).find((d) => d.code === 'HOST_PORT_ADVICE')!;
    expect(diagnosticText(en, advice)).toBe(advice.message);
    expect(diagnosticText(zh, advice)).toBe(
      '主机端口 80 可能不可用：它低于 1024，绑定它需要 root 权限；它通常已被本地 Web 服务器占用',
    );
  });

  it('shows a Pod that is not an object in Chinese', () => {
    const [d] = validatePod(null as never);
    expect(diagnosticText(en, d!)).toBe(d!.message);
    expect(diagnosticText(zh, d!)).toBe('Pod 必须是一个对象');
    expect(explanationText(zh, d!)).toContain('映射');
  });

  it('does not escape names from the Pod', () => {
    const d: Diagnostic = { ...clash, params: { ...clash.params!, first: '<a&b>' } };
    expect(diagnosticText(en, d)).toContain('and <a&b> both');
  });
});
