import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from './importCycles';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/**
 * Lints a fixture from eslint-fixtures/layering (which the repository's own lint skips) as if it
 * lived at `filePath`, and returns the messages of no-restricted-imports.
 */
async function importFindings(fixture: string, filePath: string): Promise<string[]> {
  const code = readFileSync(join('eslint-fixtures/layering', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // Anything else (a parse error, another rule) would make the fixture prove nothing.
  expect(messages.filter((m) => m.ruleId !== 'no-restricted-imports')).toEqual([]);
  return messages.map((m) => m.message);
}

describe('lint enforces the layers', () => {
  it('rejects raw ipcMain outside the IPC transport', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect(await ruleIds(code, 'electron/shell/somethingNew.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'electron/shell/ipcTransport.ts')).not.toContain('no-restricted-imports');
  });

  it('rejects raw ipcRenderer outside the preload', async () => {
    const code = "import { ipcRenderer } from 'electron';\nvoid ipcRenderer.invoke('x');\n";
    expect(await ruleIds(code, 'electron/shell/windowThing.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'electron/shell/preload.ts')).not.toContain('no-restricted-imports');
  });

  it('rejects shell.openExternal outside its safe wrapper', async () => {
    const code = "import { shell } from 'electron';\nvoid shell.openExternal('https://x');\n";
    expect(await ruleIds(code, 'electron/shell/menuLinks.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds(code, 'electron/shell/openExternal.ts')).not.toContain('no-restricted-syntax');
  });

  it('keeps electron out of services, shared code and the renderer', async () => {
    const code = "import { app } from 'electron';\nexport const v = app.getVersion();\n";
    expect(await ruleIds(code, 'electron/services/catalog/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'shared/contract/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'renderer/features/x.ts')).toContain('no-restricted-imports');
  });

  it('keeps Node and the Node side out of the renderer', async () => {
    expect(
      await ruleIds("import { readFile } from 'node:fs';\nvoid readFile;\n", 'renderer/app/x.ts'),
    ).toContain('no-restricted-imports');
    const services = "import { dispatch } from '../../electron/services/host/dispatch';\nvoid dispatch;\n";
    expect(await ruleIds(services, 'renderer/app/x.ts')).toContain('no-restricted-imports');
  });

  it('keeps the shell, browser mode and the emulator out of the services', async () => {
    const at = 'electron/services/catalog/newThing.ts';
    expect(await importFindings('servicesImportsShell.ts', at)).toEqual([
      expect.stringContaining('Only the Electron entry knows electron/shell') as string,
    ]);
    expect(await importFindings('servicesImportsWeb.ts', at)).toEqual([
      expect.stringContaining('they never import their hosts') as string,
    ]);
    expect(await importFindings('servicesImportsEmulator.ts', at)).toEqual([
      expect.stringContaining('production code never imports it') as string,
    ]);
    expect(await importFindings('servicesAllowed.ts', at)).toEqual([]);
  });

  it('keeps Redivis endpoints in their resource modules', async () => {
    const findings = async (fixture: string, filePath: string) => {
      const code = readFileSync(join('eslint-fixtures/layering', fixture), 'utf8');
      const [result] = await eslint.lintText(code, { filePath });
      return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
    };
    const direct = await findings('servicesCallsApiClient.ts', 'electron/services/catalog/newThing.ts');
    expect(direct).toHaveLength(2);
    for (const finding of direct)
      expect(finding).toContain('no-restricted-syntax: Call Redivis through its resource module');
    expect(await findings('servicesCallsApiModule.ts', 'electron/services/catalog/newThing.ts')).toEqual([]);
    // The resource modules themselves call the client.
    expect(await findings('servicesCallsApiClient.ts', 'electron/services/redivis/api/newThing.ts')).toEqual(
      [],
    );
  });

  it('keeps the shell and the emulator out of browser mode, except the demo entry', async () => {
    expect(await importFindings('webImportsShell.ts', 'electron/web/newThing.ts')).toEqual([
      expect.stringContaining('Only the Electron entry knows electron/shell') as string,
    ]);
    expect(await importFindings('webImportsEmulator.ts', 'electron/web/newThing.ts')).toEqual([
      expect.stringContaining('production code never imports it') as string,
    ]);
    expect(await importFindings('webImportsEmulator.ts', 'electron/web/cli.ts')).toEqual([]);
    expect(await importFindings('webAllowed.ts', 'electron/web/newThing.ts')).toEqual([]);
  });

  it('lets shared code import only shared code and libraries', async () => {
    const at = 'shared/contract/newThing.ts';
    expect(await importFindings('sharedImportsServices.ts', at)).toEqual([
      expect.stringContaining('shared/ imports only shared/ and libraries') as string,
    ]);
    expect(await importFindings('sharedImportsNode.ts', at)).toEqual([
      expect.stringContaining('shared/ imports only shared/ and libraries') as string,
    ]);
    expect(await importFindings('sharedAllowed.ts', at)).toEqual([]);
  });

  it("keeps one renderer feature out of another's internals", async () => {
    const at = 'renderer/features/catalog/NewThing.tsx';
    expect(await importFindings('featureImportsInternals.tsx', at)).toEqual([
      expect.stringContaining(
        'Import another feature only through its index or public files (preview:',
      ) as string,
    ]);
    // The same import from inside the preview feature is its own business.
    const own = readFileSync('eslint-fixtures/layering/featureImportsInternals.tsx', 'utf8').replace(
      '../preview/previewRows',
      './previewRows',
    );
    expect(await ruleIds(own, 'renderer/features/preview/NewThing.tsx')).toEqual([]);
    expect(await importFindings('featureAllowed.tsx', at)).toEqual([]);
  });

  it('keeps test support out of production code, but not out of tests', async () => {
    for (const at of [
      'electron/services/catalog/newThing.ts',
      'emulator/src/newThing.ts',
      'renderer/app/newThing.ts',
    ]) {
      expect(await importFindings('productionImportsTesting.ts', at)).toEqual([
        expect.stringContaining('may not import test support') as string,
      ]);
    }
    expect(
      await importFindings('productionImportsTestFile.ts', 'electron/services/catalog/newThing.ts'),
    ).toEqual([expect.stringContaining('may not import test support') as string]);
    for (const at of [
      'electron/services/catalog/newThing.test.ts',
      'electron/services/catalog/testing/otherBed.ts',
      'e2e/specs/newThing.spec.ts',
      'bench/newThing.bench.ts',
    ]) {
      expect(await importFindings('productionImportsTesting.ts', at)).toEqual([]);
    }
  });
});

describe('import circles', () => {
  it('finds a circle, type-only imports included, and names only its members', () => {
    const cycles = findCycles(importGraph(process.cwd(), ['eslint-fixtures/importCycle']));
    expect(cycles).toEqual([
      ['eslint-fixtures/importCycle/first.ts', 'eslint-fixtures/importCycle/second.ts'],
    ]);
  });

  it('there are none in the repository', () => {
    expect(findCycles(importGraph(process.cwd()))).toEqual([]);
  });
});
