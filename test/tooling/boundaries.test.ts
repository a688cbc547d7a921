import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('architecture boundaries (eslint no-restricted-imports)', () => {
  it.each([
    ["import { useState } from 'react';", 'React'],
    ["import Dexie from 'dexie';", 'Dexie'],
    ["import { app } from 'electron';", 'Electron'],
    ["import { readFile } from 'node:fs/promises';", 'Node APIs'],
    ["import { db } from '../../renderer/src/db/database';", 'renderer/'],
    ["import { db } from '@renderer/db/database';", 'renderer/'],
    ["import { startApp } from '@electron/main';", 'electron/'],
    ["import { startApp } from '../electron/main';", 'electron/'],
  ])('shared/ may not %s', async (code, reason) => {
    const messages = await restrictedImports('shared/domain/example.ts', `${code}\nexport {};\n`);
    expect(messages.join(' ')).toContain(reason);
  });

  it('shared/ may import zod and date-fns', async () => {
    const code =
      "import { z } from 'zod';\nimport { addDays } from 'date-fns';\nexport const a = [z, addDays];\n";
    expect(await restrictedImports('shared/domain/example.ts', code)).toEqual([]);
  });

  it.each([
    "import { ipcRenderer } from 'electron';",
    "import { registerIpc } from '../../../electron/ipc/register';",
    "import { x } from 'node:fs';",
    "import { registerIpc } from '@electron/ipc/register';",
  ])('renderer/ may not %s', async (code) => {
    const messages = await restrictedImports(
      'renderer/src/features/registry/x.ts',
      `${code}\nexport {};\n`,
    );
    expect(messages).toHaveLength(1);
  });

  it.each([
    "import { isValidIin } from '../../../../shared/validation/iin';\nimport { getPlatform } from '../../platform';\nexport const a = [isValidIin, getPlatform];\n",
    "import { isValidIin } from '@shared/validation/iin';\nimport { getPlatform } from '@renderer/platform';\nexport const a = [isValidIin, getPlatform];\n",
  ])('renderer/ may import shared/ and its own platform bridge: %s', async (code) => {
    expect(await restrictedImports('renderer/src/features/registry/x.ts', code)).toEqual([]);
  });

  it('electron/ may not import the renderer or React', async () => {
    const code =
      "import { db } from '../renderer/src/db/database';\nimport React from 'react';\nexport const a = [db, React];\n";
    expect(await restrictedImports('electron/ipc/x.ts', code)).toHaveLength(2);
    const aliased =
      "import { db } from '@renderer/db/database';\nimport { isValidIin } from '@shared/validation/iin';\nexport const a = [db, isValidIin];\n";
    expect(await restrictedImports('electron/ipc/x.ts', aliased)).toHaveLength(1);
  });
});

async function featureBoundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'tizilim/feature-boundaries')
    .map((m) => m.message);
}

describe('feature boundaries (features are used through their index or light entry)', () => {
  it.each([
    "import { showError } from '../appeal/errors';",
    "import { AppealInquiries } from '../inquiries/AppealInquiries';",
    "import { usePrinter } from '@renderer/features/appeal/usePrinter';",
    "import { ReceiptPrint } from '@renderer/features/appeal/print/ReceiptPrint';",
    "export { ReportPage } from '../report/ReportPage';",
    "import '@renderer/features/appeal/print/print.css';",
    "import { SyncStatus } from '@renderer/features/sync/lightweight';",
    "import { x } from '@renderer/features/sync/inner/light';",
    "const m = import('@renderer/features/sync/SyncStatus');",
  ])('features/registry may not %s', async (code) => {
    const messages = await featureBoundaryErrors(
      'renderer/src/features/registry/x.ts',
      `${code}\nexport {};\n`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("through its index ('@renderer/features/");
  });

  it('a file deeper in a feature is held to the same rule', async () => {
    const code =
      "import { ApplicantSummary } from '../../applicants/ApplicantSummary';\nexport const a = [ApplicantSummary];\n";
    expect(
      await featureBoundaryErrors('renderer/src/features/reception/run/x.tsx', code),
    ).toHaveLength(1);
  });

  it.each([
    "import { usePrinter } from '@renderer/features/appeal';",
    "import { usePrinter } from '../appeal';",
    "import { usePrinter } from '../appeal/index';",
    "import { SyncStatus } from '@renderer/features/sync/light';",
    "import { placeMatches } from '../problemMap/light';",
    "import { RegistryTable } from './RegistryTable';",
    "import { parseQuery } from '@renderer/features/registry/query';",
    "import { showError } from '@renderer/ui/errors';",
    "import { useDb } from '@renderer/db/hooks';",
  ])('features/registry may %s', async (code) => {
    expect(
      await featureBoundaryErrors('renderer/src/features/registry/x.ts', `${code}\nexport {};\n`),
    ).toEqual([]);
  });

  it('inside one feature, subfolders import each other and the feature root freely', async () => {
    const code =
      "import { AppealPage } from '../AppealPage';\nimport { office } from '../print/office';\nexport const a = [AppealPage, office];\n";
    expect(await featureBoundaryErrors('renderer/src/features/appeal/form/x.tsx', code)).toEqual(
      [],
    );
  });

  it('the routes reach features through their index too', async () => {
    const deep =
      "import { RegistryPage } from '../features/registry/RegistryPage';\nexport const a = [RegistryPage];\n";
    expect(await featureBoundaryErrors('renderer/src/app/routes.tsx', deep)).toHaveLength(1);
    const index =
      "import { RegistryPage } from '@renderer/features/registry';\nexport const a = [RegistryPage];\n";
    expect(await featureBoundaryErrors('renderer/src/app/routes.tsx', index)).toEqual([]);
  });
});
