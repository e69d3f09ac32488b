// The app's manifest export: a design opened in the app (the way Open loads it into the document store) exports the
// text `podwright export FILE --as …` writes from the same file (exportDesignText, runExport's whole work on a file's
// text; export-parity.test.ts checks runExport itself), for the active Pod, to the clipboard as well; a design
// Kubernetes would refuse is refused with its problems. And the palette finds every export by its words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  exportDesignText,
  ExportRefused,
  type DesignExportOptions,
  type ExportAs,
} from '../../../shared/design/export-design';
import { defaultInfraImage } from '../../../shared/manifest';
import { commandMatches, queryWords, searchTexts } from '../command-search';
import { examples, loadText } from '../files';
import i18n from '../i18n';
import { catalogues } from '../locales';
import { useDocument } from '../store/document';
import { exportActivePod, exportToClipboard, useExportReport } from './export';
import { manifestExportActions } from './actions';

// The i18n module reads the saved language at import: give it the browser globals it expects, before imports run.
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
  vi.stubGlobal('navigator', { language: 'en', platform: 'Linux' });
});

const kinds: ExportAs[] = ['pod', 'deployment', 'compose'];

/** What `podwright export FILE --as <as> [--single] --pod <pod>` writes from `text`, or why it refuses. */
function cli(text: string, name: string, options: DesignExportOptions) {
  try {
    return { ok: true, files: exportDesignText(text, name, options).files };
  } catch (err) {
    if (err instanceof ExportRefused) return { ok: false, reason: err.message };
    throw err;
  }
}

function app(as: ExportAs, single: boolean) {
  const outcome = exportActivePod(as, single);
  return outcome.ok ? { ok: true, files: outcome.files } : { ok: false, reason: outcome.reason };
}

const twoPods = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [{ name: web, image: nginx:1.27, ports: [{ name: http, containerPort: 80 }] }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: worker }
spec:
  replicas: 4
  selector: { matchLabels: { app: worker } }
  template:
    metadata: { labels: { app: worker } }
    spec:
      containers: [{ name: worker, image: busybox:1.36, command: [sleep, '3600'] }]
`;

describe('the app exports what the CLI writes', () => {
  for (const example of examples) {
    it(`${example.file}, as a Pod, a Deployment + Service and Compose`, async () => {
      expect(await loadText(example.source, example.file)).toBe(true);
      const pod = useDocument.getState().doc.pod.metadata?.name as string;
      for (const as of kinds) {
        for (const single of [true, false]) {
          const expected = cli(example.source, example.file, { as, single, pod, infraImage: defaultInfraImage });
          expect(expected.ok).toBe(true);
          expect(app(as, single), `${as} single=${single}`).toEqual(expected);
        }
      }
    });
  }

  it('exports the Pod the user is looking at, not the first of the design', async () => {
    expect(await loadText(twoPods, 'two.yaml')).toBe(true);
    useDocument.getState().activate(1);
    for (const as of kinds) {
      const expected = cli(twoPods, 'two.yaml', { as, single: true, pod: 'worker', infraImage: defaultInfraImage });
      expect(app(as, true)).toEqual(expected);
    }
    expect(app('deployment', true).files?.[0]?.text).toContain('replicas: 4');
    expect(app('pod', true).files?.[0]?.text).toContain('name: worker');
  });

  it('exports the design as edited, not as it was opened', async () => {
    expect(await loadText(twoPods, 'two.yaml')).toBe(true);
    useDocument.getState().change((doc) => ({
      ...doc,
      pod: { ...doc.pod, metadata: { ...doc.pod.metadata, labels: { app: 'web', tier: 'front' } } },
    }));
    expect(app('pod', true).files?.[0]?.text).toContain('tier: front');
  });

  it('refuses what Kubernetes would refuse, with the problems, as the CLI does', async () => {
    const broken = twoPods.replace('image: nginx:1.27', 'image: ""');
    expect(await loadText(broken, 'broken.yaml')).toBe(true);
    const outcome = exportActivePod('pod', true);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((d) => d.path)).toContain('spec.containers[0].image');
    expect(outcome).toMatchObject({
      reason: cli(broken, 'broken.yaml', { as: 'pod', single: true, pod: 'web', infraImage: defaultInfraImage }).reason,
    });
    // Compose is written all the same, with what it cannot express in notes, as `--as compose` writes it.
    expect(exportActivePod('compose', true).ok).toBe(true);
  });
});

describe('export to the clipboard', () => {
  const writeText = vi.fn<(text: string) => Promise<void>>();
  beforeEach(() => {
    writeText.mockReset().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { language: 'en', platform: 'Linux', clipboard: { writeText } });
  });
  afterEach(() => {
    vi.stubGlobal('navigator', { language: 'en', platform: 'Linux' });
    useExportReport.setState({ report: undefined });
  });

  it('copies the one multi-document text the CLI writes to stdout, and tells what Compose could not express', async () => {
    const example = examples.find((e) => e.file === 'scheduled-as-one-unit.pod.yaml')!;
    await loadText(example.source, example.file);
    await exportToClipboard('compose');
    const pod = useDocument.getState().doc.pod.metadata?.name as string;
    const expected = exportDesignText(example.source, example.file, {
      as: 'compose',
      single: true,
      pod,
      infraImage: defaultInfraImage,
    });
    expect(writeText).toHaveBeenCalledWith(expected.files[0]!.text);
    expect(expected.notes.length).toBeGreaterThan(0);
    expect(useExportReport.getState().report).toMatchObject({
      kind: 'done',
      destination: 'clipboard',
      notes: expected.notes,
    });
  });

  it('copies nothing Kubernetes would refuse', async () => {
    await loadText(twoPods.replace('image: nginx:1.27', 'image: ""'), 'broken.yaml');
    await exportToClipboard('deployment');
    expect(writeText).not.toHaveBeenCalled();
    expect(useExportReport.getState().report).toMatchObject({ kind: 'refused', as: 'deployment' });
  });
});

/** An action's label as the palette shows it (actionLabel, without the whole registry's imports). */
function label(action: (typeof manifestExportActions)[number]): string {
  const args = Object.fromEntries(Object.entries(action.labelArgs ?? {}).map(([k, v]) => [k, i18n.t(v)]));
  return i18n.t(action.label, args);
}

describe('the command palette finds the exports', () => {
  const found = (query: string) =>
    manifestExportActions.filter((a) => commandMatches(query, searchTexts(a, label(a)))).map((a) => a.id);

  afterEach(() => void i18n.changeLanguage('en'));

  it('splits Chinese from Latin words', () => {
    expect(queryWords('  Export  导出compose ')).toEqual(['export', '导出', 'compose']);
  });

  for (const language of ['en', 'zh-CN']) {
    it(`by "export", "manifest", "deployment" and "compose" in ${language}`, async () => {
      await i18n.changeLanguage(language);
      expect(found('export')).toHaveLength(9);
      expect(found('export manifest')).toHaveLength(9);
      expect(found('deployment')).toEqual([
        'exportManifest.deployment.file',
        'exportManifest.deployment.folder',
        'exportManifest.deployment.clipboard',
      ]);
      expect(found('export compose')).toEqual([
        'exportManifest.compose.file',
        'exportManifest.compose.folder',
        'exportManifest.compose.clipboard',
      ]);
      expect(found('compose clipboard')).toEqual(['exportManifest.compose.clipboard']);
    });
  }

  it('by their Chinese words', async () => {
    // The Chinese catalogue loads when chosen (issue 20); the test gives it to i18next as the app's loader would.
    i18n.addResourceBundle('zh-CN', 'translation', catalogues['zh-CN']);
    await i18n.changeLanguage('zh-CN');
    expect(found('导出')).toHaveLength(9);
    expect(found('导出清单')).toHaveLength(9);
    expect(found('部署')).toHaveLength(3);
    expect(found('导出compose 剪贴板')).toEqual(['exportManifest.compose.clipboard']);
    expect(found('导出 Pod 文件夹')).toEqual(['exportManifest.pod.folder']);
  });
});
