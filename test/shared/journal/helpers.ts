import { DEFAULT_TOPICS } from '@shared/domain/topics';
import { analyseSheet } from '@shared/journal/analyse';
import { JournalFileError, type FileProblem, type Workbook } from '@shared/journal/model';
import {
  DEFAULT_PLAN_SETTINGS,
  EMPTY_REGISTRY,
  planJournalImport,
  type PlanInput,
  type RegistrySnapshot,
} from '@shared/journal/plan';
import { readJournalFile } from '@shared/journal/read';
import { newId } from '@shared/ids';

export const NOW = '2026-11-20T06:00:00.000Z';
export const USER = 'system';
export const SETTINGS = { ...DEFAULT_PLAN_SETTINGS, topics: DEFAULT_TOPICS };

/** Reads a journal and plans its import with the suggested mapping, as the CLI does. */
export async function planFile(
  bytes: Uint8Array,
  fileName: string,
  options: { sheet?: string; registry?: RegistrySnapshot; input?: Partial<PlanInput> } = {},
) {
  const workbook: Workbook = await readJournalFile(bytes, fileName);
  const analysis = analyseSheet(workbook, options.sheet, DEFAULT_TOPICS);
  if (!analysis.ok) throw new Error(`sheet refused: ${analysis.problem}`);
  const plan = planJournalImport({
    sheet: analysis.sheet,
    header: analysis.header,
    mapping: analysis.mapping,
    registry: options.registry ?? EMPTY_REGISTRY,
    settings: SETTINGS,
    fileName,
    batchId: newId(),
    userId: USER,
    now: NOW,
    lang: 'ru',
    lostLetterRows: workbook.csv?.lostLetterRows ?? [],
    ...options.input,
  });
  return { workbook, analysis, plan };
}

/** What the registry would hold after a plan is written (for importing the same file again). */
export function registryAfter(
  plans: {
    applicants: RegistrySnapshot['applicants'];
    appeals: { regNo: string }[];
    events: { type: string; data: unknown }[];
    counters: { id: string; value: number }[];
  }[],
): RegistrySnapshot {
  const applicants = plans.flatMap((p) => p.applicants);
  const importedFingerprints = new Map<string, string>();
  const regNos = new Set<string>();
  const counters: Record<string, number> = {};
  for (const p of plans) {
    for (const e of p.events) {
      if (e.type === 'journalImported') {
        const data = e.data as { fingerprint: string; regNo: string };
        importedFingerprints.set(data.fingerprint, data.regNo);
      }
    }
    for (const a of p.appeals) regNos.add(a.regNo);
    for (const c of p.counters) counters[c.id] = Math.max(counters[c.id] ?? 0, c.value);
  }
  return { applicants, importedFingerprints, regNos, counters };
}

/** Why reading `bytes` as a journal is refused (fails the test when the file is read). */
export async function problemOf(bytes: Uint8Array, fileName: string): Promise<FileProblem> {
  try {
    await readJournalFile(bytes, fileName);
  } catch (error) {
    if (error instanceof JournalFileError) return error.problem;
    throw error;
  }
  throw new Error('the file was read');
}
