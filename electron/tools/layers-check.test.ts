import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkFile, checkTree, importsOf } from './layers-check.mjs';

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
    expect(checkFile('shared/model/pod.ts', "import { x } from '../../electron/engine/engine';")).toHaveLength(1);
    expect(checkFile('shared/model/pod.ts', "import { parse } from 'yaml';\nimport { z } from 'zod';")).toEqual([]);
  });

  it('lets shared/ tests read fixtures with Node builtins', () => {
    expect(checkFile('shared/model/pod.test.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
  });

  it('keeps the renderer browser-only', () => {
    expect(checkFile('renderer/src/App.tsx', "import { spawn } from 'child_process';")).toHaveLength(1);
    expect(checkFile('renderer/src/App.tsx', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(checkFile('renderer/src/App.tsx', "import { Engine } from '../../electron/engine/engine';")).toHaveLength(1);
    expect(checkFile('renderer/src/App.tsx', "import { ReactFlow } from '@xyflow/react';")).toEqual([]);
  });

  it('allows electron only in electron/app/', () => {
    expect(checkFile('electron/engine/engine.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(checkFile('electron/app/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(checkFile('electron/server/host.ts', "import { App } from '../../renderer/src/App';")).toHaveLength(1);
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
