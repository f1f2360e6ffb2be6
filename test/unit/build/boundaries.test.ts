/**
 * The architecture's boundaries live in eslint.config.js. These cases prove each rule fires on a
 * violation (and stays quiet on the allowed form), so a config edit cannot silently disarm it.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Type-aware rules need files on disk in the TS project; the boundary rules don't, so they're
// checked here on virtual files with type information switched off.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint-enforced boundaries', () => {
  it.each([
    ['src/popup/x.ts', "import '../background/router.ts';"],
    ['src/options/x.ts', "import '../popup/Popup.tsx';"],
    ['src/content/x.ts', "import '../options/Options.tsx';"],
    ['src/background/x.ts', "import '../content/index.ts';"],
    ['src/shared/x.ts', "import '../background/router.ts';"],
    ['src/background/sync/x.ts', "import '../router.ts';"],
    ['src/popup/x.ts', "import '../../test/sim/defaults.ts';"],
    ['src/background/providers/google/x.ts', "import '../../platform/browser.ts';"],
    ['src/background/sync/x.ts', "import '../providers/html-text.ts';"],
  ])('%s may not %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('tandem/restricted-paths');
  });

  it('lets the sync engine import shared code and its own folder, and adapters the engine', async () => {
    expect(await ruleIds('src/background/sync/x.ts', "import '../../shared/logger.ts';\nimport './y.ts';")).toEqual([]);
    expect(await ruleIds('src/background/providers/graph/x.ts', "import '../../sync/ports.ts';\nimport '../html-text.ts';")).toEqual([]);
  });

  it('keeps webextension-polyfill behind the browser seams', async () => {
    const code = "import browser from 'webextension-polyfill';\nexport const id = browser.runtime.id;";
    expect(await ruleIds('src/popup/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/background/sync/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/background/platform/x.ts', code)).toEqual([]);
  });

  it('forbids the chrome global outside the seams, and window/fetch where they do not belong', async () => {
    expect(await ruleIds('src/options/x.ts', 'export const id = chrome.runtime.id;')).toContain('no-restricted-globals');
    expect(await ruleIds('src/background/x.ts', 'export const w = window.name;')).toContain('no-restricted-globals');
    expect(await ruleIds('src/background/sync/x.ts', "export const r = fetch('x');")).toContain('no-restricted-globals');
    expect(await ruleIds('src/background/platform/x.ts', 'export const id = chrome.runtime.id;')).toEqual([]);
  });

  it('keeps Node out of product code and console out of everything but the logger', async () => {
    expect(await ruleIds('src/shared/x.ts', "import { readFile } from 'node:fs';\nexport { readFile };")).toContain('no-restricted-imports');
    expect(await ruleIds('src/popup/x.ts', "console.log('x');")).toContain('no-console');
  });
});
