import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkFile, checkTree, importsOf, ROOM_EDGES } from './layers-check.mjs';

describe('layers check', () => {
  it('finds every form of import', () => {
    const src = `import a from 'a';\nimport { b } from "./b";\nexport * from './c';\nimport './d.css';\nconst e = await import('e');\nconst f = require('f');\n// import g from 'g';`;
    expect(importsOf(src)).toEqual(['a', './b', './c', './d.css', 'e', 'f']);
  });

  it('does not mistake strings for imports', () => {
    expect(importsOf("it('reads import x from \\'fs\\' as text', () => {});\nconst s = `require('os')`;")).toEqual([]);
  });

  it('refuses Node, Electron and Docker in shared/', () => {
    expect(checkFile('shared/model/pod.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(checkFile('shared/model/pod.ts', "import Docker from 'dockerode';")).toHaveLength(1);
    expect(checkFile('shared/model/pod.ts', "import { x } from '../../electron/engines/docker';")).toHaveLength(1);
    expect(checkFile('shared/model/pod.ts', "import { parse } from 'yaml';\nimport { z } from 'zod';")).toEqual([]);
  });

  it('lets shared/ tests read fixtures with Node builtins', () => {
    expect(checkFile('shared/model/pod.test.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
  });

  it('keeps the renderer browser-only', () => {
    expect(checkFile('renderer/src/App.tsx', "import { spawn } from 'child_process';")).toHaveLength(1);
    expect(checkFile('renderer/src/App.tsx', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(checkFile('renderer/src/App.tsx', "import { Engine } from '../../electron/engines/docker';")).toHaveLength(1);
    expect(checkFile('renderer/src/App.tsx', "import { ReactFlow } from '@xyflow/react';")).toEqual([]);
  });

  it('allows electron only in electron/app/', () => {
    expect(checkFile('electron/engines/docker/connection/engine.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(checkFile('electron/app/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(checkFile('electron/host/host.ts', "import { App } from '../../renderer/src/App';")).toHaveLength(1);
  });

  it('keeps the reader and the rules away from plans and the canvas document', () => {
    expect(checkFile('shared/manifest/read.ts', "import { plan } from '../plan';")).toHaveLength(1);
    expect(checkFile('shared/manifest/read.ts', "import { Labels } from '../plan/labels';")).toHaveLength(1);
    expect(checkFile('shared/manifest/read.ts', "import { readProject } from '../design/project';")).toHaveLength(1);
    expect(checkFile('shared/rules/catalog/x.ts', "import { plan } from '../../plan/plan';")).toHaveLength(1);
    expect(checkFile('shared/model/pod.ts', "import { parseManifest } from '../manifest/parse';")).toHaveLength(1);
    expect(checkFile('shared/api/contract.ts', "import { validatePod } from '../rules';")).toHaveLength(1);
    expect(checkFile('shared/manifest/read.ts', "import type { Pod } from '../model';")).toEqual([]);
    expect(checkFile('shared/plan/check.ts', "import { validatePod } from '../rules';")).toEqual([]);
  });

  it('enters an engine only through its door', () => {
    expect(checkFile('electron/cli/commands/run.ts', "import { PodRuntime } from '../../engines/docker/pod/pod-runtime';")).toHaveLength(1);
    expect(checkFile('electron/api/handlers.ts', "import { x } from '../engines/kube/apply';")).toHaveLength(1);
    expect(checkFile('electron/cli/commands/run.ts', "import { PodRuntime } from '../../engines/docker';")).toEqual([]);
    expect(checkFile('electron/cli/commands/run.ts', "import { PodRuntime } from '../../engines/docker/index';")).toEqual([]);
    // Inside the room any import goes; tests may use an engine's test helpers.
    expect(checkFile('electron/engines/docker/pod/pod-api.ts', "import { Engine } from '../connection/engine';")).toEqual([]);
    expect(checkFile('electron/cli/commands/run.test.ts', "import { requireDocker } from '../../engines/docker/testing';")).toEqual([]);
    expect(checkFile('electron/cli/commands/run.test.ts', "import { PodRuntime } from '../../engines/docker/pod/pod-runtime';")).toHaveLength(1);
  });

  it('keeps engines apart from each other and from the rooms that serve them', () => {
    expect(checkFile('electron/engines/docker/pod/pod-api.ts', "import { apply } from '../../kube';")).toHaveLength(1);
    expect(checkFile('electron/engines/kube/apply.ts', "import { Engine } from '../docker';")).toHaveLength(1);
    expect(checkFile('electron/engines/docker/pod/pod-api.ts', "import { x } from '../../../cli/pod-load';")).toHaveLength(1);
    expect(checkFile('electron/files/files-api.ts', "import { Engine } from '../engines/docker';")).toHaveLength(1);
    expect(checkFile('electron/settings/settings.ts', "import { x } from '../files/recent';")).toHaveLength(1);
    expect(checkFile('electron/host/host.ts', "import { x } from '../engines/docker';")).toHaveLength(1);
    expect(checkFile('electron/files/recent.ts', "import { readSettings } from '../settings/settings';")).toEqual([]);
  });

  it('names a reason for every room edge', () => {
    for (const edge of ROOM_EDGES as { room: string; forbidden: string[]; why: string }[]) {
      expect(edge.why.length).toBeGreaterThan(10);
      expect(edge.forbidden.length).toBeGreaterThan(0);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the command on a deliberately wrong import', () => {
    mkdirSync(join(dir, 'shared'), { recursive: true });
    writeFileSync(join(dir, 'shared', 'ok.ts'), "import { z } from 'zod';\n");
    expect(checkTree(dir)).toEqual([]);
    writeFileSync(join(dir, 'shared', 'bad.ts'), "import { readFileSync } from 'fs';\n");
    expect(checkTree(dir)).toHaveLength(1);
    let status = 0;
    try {
      execFileSync(process.execPath, ['electron/tools/layers-check.mjs', dir], { stdio: 'pipe' });
    } catch (err) {
      status = (err as { status: number }).status;
    }
    expect(status).toBe(1);
  });

  it('passes on this repository', () => {
    expect(checkTree('.')).toEqual([]);
  });
});
