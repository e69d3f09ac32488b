// Every lesson text exists in English and Simplified Chinese, and every lesson points at things its example has.
import { describe, expect, it } from 'vitest';
import { containerNames, volumesOf } from '../../../../shared/design';
import { readProject } from '../../../../shared/design/project';
import { exampleStepFor, lessonById, lessonKeys, lessons, missingForStep } from '../../../../shared/workshop/lessons';
import { catalogues, type Catalogue } from '../../locales';

// Vite reads the examples, so the test needs no Node file API (renderer/ stays browser-only, tests included).
const exampleSources = import.meta.glob('../../../../assets/examples/*.pod.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function lookup(catalogue: Catalogue, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Catalogue)[part] : undefined),
      catalogue,
    );
}

function example(name: string) {
  const source = Object.entries(exampleSources).find(([path]) => path.endsWith(`/${name}.pod.yaml`))?.[1];
  if (!source) throw new Error(`no example ${name}`);
  const r = readProject(source);
  if (!r.ok) throw new Error(r.error);
  return r.doc.pod;
}

describe('lesson texts', () => {
  const keys = lessonKeys();

  it('covers at least the six lessons of the workshop', () => {
    expect(lessons.map((l) => l.id)).toEqual(['whyPods', 'podShares', 'sidecar', 'portClash', 'infra', 'scheduling']);
    expect(keys.length).toBeGreaterThan(50);
  });

  for (const language of ['en', 'zh-CN'] as const) {
    it(`has every lesson key in ${language}, as non-empty text`, () => {
      const missing = keys.filter((k) => {
        const v = lookup(catalogues[language], k);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(missing).toEqual([]);
    });
  }

  it('is really translated: Chinese step texts contain Chinese and differ from English', () => {
    const steps = keys.filter((k) => k.includes('.steps.'));
    const untranslated = steps.filter((k) => {
      const zh = lookup(catalogues['zh-CN'], k) as string;
      return zh === lookup(catalogues.en, k) || !/[\u4e00-\u9fff]/.test(zh);
    });
    expect(untranslated).toEqual([]);
  });
});

describe('lessons and their examples', () => {
  for (const lesson of lessons) {
    it(`${lesson.id}: highlights and proofs name containers and volumes of ${lesson.example ?? 'no example'}`, () => {
      if (!lesson.example) return;
      const pod = example(lesson.example);
      const containers = new Set(containerNames(pod));
      const added = lesson.steps.flatMap((s) =>
        (s.actions ?? []).flatMap((a) => (a.kind === 'addContainer' ? [a.container.name] : [])),
      );
      const known = new Set([...containers, ...added, ...volumesOf(pod).map((v) => v.name)]);
      for (const step of lesson.steps) {
        for (const name of step.highlight)
          if (!name.includes(':')) expect(known, `${step.id}: ${name}`).toContain(name);
        for (const proof of step.proofs ?? []) {
          expect(proof.containers.length, proof.id).toBeGreaterThanOrEqual(2);
          for (const c of proof.containers) expect(containers, `${proof.id}: ${c}`).toContain(c);
        }
        for (const action of step.actions ?? []) {
          if (action.kind === 'loadExample') expect(() => example(action.example)).not.toThrow();
          if (action.kind === 'exec' || action.kind === 'listenOnDeclaredPort')
            expect(containers).toContain(action.container);
        }
      }
    });
  }
});

describe('a step on a design it was not written for', () => {
  for (const lesson of lessons) {
    it(`${lesson.id}: every step fits its example as the lesson builds it`, () => {
      if (!lesson.example) return;
      const pod = example(lesson.example);
      const names = new Set([...containerNames(pod), ...volumesOf(pod).map((v) => v.name)]);
      for (const step of lesson.steps) {
        expect(missingForStep(step, names), step.id).toEqual([]);
        for (const a of step.actions ?? []) if (a.kind === 'addContainer') names.add(a.container.name);
      }
    });
  }

  it("names what a step needs that the user's own design lacks, and the step that opens the example", () => {
    const podShares = lessonById('podShares')!;
    const hostname = podShares.steps.findIndex((s) => s.id === 'hostname');
    expect(missingForStep(podShares.steps[hostname]!, new Set(['app']))).toEqual(['api', 'main']);
    expect(missingForStep(podShares.steps[0]!, new Set(['app']))).toEqual([]);
    expect(exampleStepFor(podShares, hostname)).toBe(0);
    // A step that makes its own container does not need it first.
    const whyPods = lessonById('whyPods')!;
    const add = whyPods.steps.find((s) => s.id === 'addProcess')!;
    expect(missingForStep(add, new Set(['api', 'main', 'log', 'compute']))).toEqual([]);
  });
});
