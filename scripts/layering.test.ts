import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
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
});
