// The renderer's first load carries only the first screen (issue 20): builds the renderer as `vite build` does (nothing
// written) and follows the entry chunk's static imports, which the browser loads before anything is drawn. Each part that
// loads when first used or in idle time (renderer/src/lazy.ts, the import dialog, the other language) must be in the
// build, and outside that set: one static import from the first screen would pull it back in unnoticed.
import { build, type Plugin, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

/** Parts that load later, by a piece of their module id; each must match some module of the build. */
const LATER: Record<string, RegExp> = {
  'YAML editor (CodeMirror)': /node_modules\/@codemirror\/view\//,
  'YAML editor component': /renderer\/src\/components\/YamlEditor\.tsx$/,
  'terminal (xterm)': /node_modules\/@xterm\/xterm\//,
  'auto layout (ELK)': /node_modules\/elkjs\//,
  'image export (html-to-image)': /node_modules\/html-to-image\//,
  lessons: /renderer\/src\/workshop\/lessons\/LessonPanel\.tsx$/,
  'node capacity view': /renderer\/src\/workshop\/capacity\/CapacityView\.tsx$/,
  'save-conflict dialog': /renderer\/src\/components\/files\/SaveConflictDialog\.tsx$/,
  'Compose reader': /shared\/manifest\/compose\/(read|load|pods|service)\.ts$/,
  'import dialog': /renderer\/src\/import\/(ImportDialog\.tsx|proposal\.ts)$/,
  'cluster bar': /renderer\/src\/kube\/ClusterBar\.tsx$/,
  'cluster dry-run dialog': /renderer\/src\/kube\/PreviewDialog\.tsx$/,
  'Chinese catalogue': /assets\/locales\/(.+\/)?zh-CN\.json$/,
  'Pod rules (the rules catalogue)': /shared\/rules\/(registry|validate)\.ts$/,
  'workload and Service rules': /shared\/rules\/workloads\/registry\.ts$/,
  "the rules' English words": /assets\/locales\/(workload-)?rules\/en\.json$/,
  "the engine's own problems in English": /assets\/locales\/engine-problems\/en\.json$/,
  "the reader's problems in English": /assets\/locales\/reader\/en\.json$/,
  'the host access problems in English': /assets\/locales\/host-access\/en\.json$/,
  "a run's errors in English": /assets\/locales\/runerrors\/en\.json$/,
  "the lessons' and the node capacity view's English words": /assets\/locales\/workshop-panels\/en\.json$/,
  "the Compose reader's English words": /assets\/locales\/compose-reader\/en\.json$/,
  'the design checks (app side)': /renderer\/src\/store\/checks\.ts$/,
  'manifest export': /shared\/design\/export-design\.ts$|renderer\/src\/export\/export\.ts$/,
  'YAML library': /node_modules\/yaml\//,
  'manifest reader and writer': /shared\/manifest\/(parse|read|write|edit|project|field-path)\.ts$/,
  'design files (open, save, drafts, clipboard)':
    /shared\/design\/(design-file|project|clipboard)\.ts$|renderer\/src\/design-files\.ts$/,
  'Compose detection': /shared\/manifest\/compose\/detect\.ts$/,
  'the run on a cluster as drawn': /shared\/design\/workloads\/drawn-export\.ts$/,
};

/** What the first screen is made of: if these are missing, the check below would pass on the wrong thing. */
const FIRST: RegExp[] = [
  /renderer\/src\/components\/Canvas\.tsx$/,
  /renderer\/src\/run\/RunBar\.tsx$/,
  /node_modules\/@xyflow\/react\//,
  /assets\/locales\/en\.json$/,
  /shared\/design\/design\.ts$/,
  /renderer\/src\/files-part\.ts$/,
];

interface Output {
  /** Modules (ids) of the chunks loaded before the first screen: the entry and its static imports, transitively. */
  first: string[];
  /** Every module of the build. */
  all: string[];
}

async function renderFirstLoad(): Promise<Output> {
  let output: Output | undefined;
  const capture: Plugin = {
    name: 'first-load-check',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((c): c is Rollup.OutputChunk => c.type === 'chunk')
          .map((c) => [c.fileName, c]),
      );
      const entry = [...chunks.values()].filter((c) => c.isEntry);
      expect(entry).toHaveLength(1);
      const loaded = new Set<string>();
      const visit = (name: string): void => {
        if (loaded.has(name)) return;
        loaded.add(name);
        for (const next of chunks.get(name)?.imports ?? []) visit(next);
      };
      visit(entry[0]!.fileName);
      output = {
        first: [...loaded].flatMap((name) => Object.keys(chunks.get(name)!.modules)),
        all: [...chunks.values()].flatMap((c) => Object.keys(c.modules)),
      };
    },
  };
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    plugins: [capture],
    build: { write: false, emptyOutDir: false },
  });
  if (!output) throw new Error('the build gave no bundle');
  return output;
}

describe('the renderer first load', () => {
  let output: Output;
  beforeAll(async () => {
    output = await renderFirstLoad();
  }, 300_000);

  it('holds the first screen', () => {
    for (const pattern of FIRST)
      expect(
        output.first.some((id) => pattern.test(id)),
        String(pattern),
      ).toBe(true);
  });

  it.each(Object.entries(LATER))('leaves out the %s, which loads later', (_name, pattern) => {
    expect(output.all.some((id) => pattern.test(id))).toBe(true);
    expect(output.first.filter((id) => pattern.test(id))).toEqual([]);
  });
});
