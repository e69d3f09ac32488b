// The export's notes: one English catalogue the CLI prints from and the app translates by (assets/locales/export),
// and each note's code and values found again from its text, so the app can show it in Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_NOTE_TEXT, exportNoteOf, exportNoteText, type ExportNoteCode } from './export-notes';
import { toCompose } from './compose-export';
import { exportKube } from './export';

function notesIn(lang: string): Record<string, string> {
  const file = JSON.parse(readFileSync(join(process.cwd(), `assets/locales/export/${lang}.json`), 'utf8')) as {
    export: { notes: Record<string, string> };
  };
  return file.export.notes;
}

const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the export notes', () => {
  it('are the English catalogue word for word, and in Chinese with the same values', () => {
    expect(notesIn('en')).toEqual(EXPORT_NOTE_TEXT);
    const zh = notesIn('zh-CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(EXPORT_NOTE_TEXT).sort());
    for (const [code, text] of Object.entries(EXPORT_NOTE_TEXT)) expect(params(zh[code]!), code).toEqual(params(text));
  });

  it('give back their code and values from their text, spaces, colons and slashes too', () => {
    for (const code of Object.keys(EXPORT_NOTE_TEXT) as ExportNoteCode[]) {
      const values = Object.fromEntries(params(EXPORT_NOTE_TEXT[code]).map((p, i) => [p!, `v${i}-x /a b:c`]));
      expect(exportNoteOf(exportNoteText(code, values)), code).toEqual({ code, params: values });
    }
    expect(exportNoteOf('Took the Pod template of Deployment "web" (document 1).')).toBeUndefined();
  });

  it('are what the exporters say', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'app',
            image: 'nginx',
            resources: { requests: { cpu: '1' } },
            volumeMounts: [{ name: 'data', mountPath: '/data', subPath: 'x' }],
          },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    };
    const compose = toCompose(pod, { infraImage: 'pause' }).notes.map((n) => exportNoteOf(n)?.code);
    expect(compose).toEqual(['subPathDropped', 'requestsIgnored', 'restartPerContainer']);
    const kube = exportKube(pod, { as: 'deployment', replicas: 1 }).notes.map((n) => exportNoteOf(n)?.code);
    expect(kube).toEqual(['selectorMadeUp', 'restartAlways', 'noNamedPort']);
  });
});
