// Bundled by scripts/bench-merge.mjs for Node: a 50,000-appeal office and a package of
// changed appeals from the reception laptop, and the merge's pieces to time.
import type { Appeal, AppEvent, Applicant } from '@shared/domain';
import type { z } from 'zod';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportFile,
  type ExportTableName,
} from '@shared/export';
import { RECORD_TABLES, tablesOf, type AnyRecord, type MergeTables } from '@shared/merge';
import { generateOffice } from '../fixtures/generateOffice';
import {
  createApplicant,
  editAppeal,
  laptopFrom,
  moveAppeal,
  registerAppeal,
  type Laptop,
} from '../fixtures/laptops';
import { createRng } from '../fixtures/rng';

/**
 * A package checked as the exchange checks it (shared/exchange/file.ts): every record by its
 * table's schema. Not as an export: a package holds part of the registry, so its references
 * may point at records only the receiver has.
 */
export function validatePackage(
  text: string,
): { ok: true; tables: Record<string, AnyRecord[]> } | { ok: false; problem: string } {
  const file = JSON.parse(text) as { tables: Record<string, unknown[]> };
  const tables: Record<string, AnyRecord[]> = {};
  for (const [table, records] of Object.entries(file.tables)) {
    const schema = EXPORT_TABLES[table as ExportTableName] as z.ZodType | undefined;
    if (!schema) return { ok: false, problem: `unknown table ${table}` };
    const out: AnyRecord[] = [];
    for (const [index, record] of records.entries()) {
      const parsed = schema.safeParse(record);
      if (!parsed.success) return { ok: false, problem: `${table}[${String(index)}]` };
      out.push(parsed.data as AnyRecord);
    }
    tables[table] = out;
  }
  return { ok: true, tables };
}
export { mergeDatasets, mergeNeeds, selectNeeded, applyMerge } from '@shared/merge';
export { deviceCodeOf } from '@shared/numbering';

export interface BenchData {
  office: MergeTables;
  /** The package as it travels: JSON of an export holding only what changed. */
  packageText: string;
  counts: Record<string, number>;
}

/**
 * The office's registry (`appeals` generated appeals), and a package of `changed` appeals
 * from the reception laptop: most edited or moved on, some new (provisional numbers, the
 * office replaces them), each with its whole history and its people. The office changed a
 * tenth of the same appeals meanwhile, some of them in the same field (conflicts).
 */
export function prepare(options: { appeals: number; changed: number; seed: number }): BenchData {
  const file = generateOffice({ appeals: options.appeals, seed: options.seed });
  file.tables.settings[0]!.numberIssuerDeviceId = 'office-laptop';
  const rng = createRng(options.seed + 1);
  const live = file.tables.appeals.filter((a) => a.deletedAt === null);
  const picked = new Set<string>();
  const fresh = Math.round(options.changed * 0.15);
  while (picked.size < options.changed - fresh) picked.add(rng.pick(live).id);

  // The reception laptop holds what it works on: those appeals, their histories and people.
  const applicantIds = new Set<string>();
  const subset: ExportFile = structuredClone({
    ...file,
    tables: {
      ...file.tables,
      appeals: file.tables.appeals.filter((a) => picked.has(a.id)),
      events: file.tables.events.filter((e) => picked.has(e.appealId)),
      applicants: [],
      agencies: [],
      inquiries: [],
      receptions: [],
      initiatives: [],
      planItems: [],
      attachments: [],
    },
  });
  for (const a of subset.tables.appeals) {
    if (a.applicantId) applicantIds.add(a.applicantId);
    for (const id of a.coApplicantIds) applicantIds.add(id);
  }
  subset.tables.applicants = structuredClone(
    file.tables.applicants.filter((a) => applicantIds.has(a.id)),
  );
  const reception = laptopFrom(subset, 'reception-laptop', 'Қабылдау', options.seed + 2);
  const office = laptopFrom(subset, 'office-laptop', 'Кеңсе', options.seed + 3);
  office.data = tablesOf(file); // worked on in place: the 50,000 appeals are not copied

  const byId = (laptop: Laptop, id: string) =>
    (laptop.data.appeals as unknown as Appeal[]).find((a) => a.id === id)!;
  let n = 0;
  for (const id of picked) {
    const appeal = byId(reception, id);
    const kind = n % 10;
    if (n % 50 === 0) editAppeal(reception, appeal, 'subject', 'қабылдауда');
    else if (kind < 6)
      editAppeal(reception, appeal, n % 2 ? 'street' : 'tags', `Абай ${String(n)}`);
    else if (kind < 9) {
      if (!moveAppeal(reception, appeal, n)) editAppeal(reception, appeal, 'expectation', 'Жарық');
    } else editAppeal(reception, appeal, 'subject', 'қабылдауда');
    if (n % 10 === 0) {
      // The office changed it too: another field, or (one in five) the same subject.
      const ours = byId(office, id);
      editAppeal(office, ours, n % 50 === 0 ? 'subject' : 'priority', 'кеңседе');
    }
    n += 1;
  }
  for (let i = 0; i < fresh; i++) {
    const who = i % 3 === 0 ? null : createApplicant(reception, 1_000 + i).id;
    registerAppeal(reception, who);
  }

  const tables = {} as Record<string, unknown[]>;
  for (const table of RECORD_TABLES) tables[table] = [...(reception.data[table] ?? [])];
  tables.events = [...(reception.data.events ?? [])];
  tables.counters = [...(reception.data.counters ?? [])];
  const pkg = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(reception.clock).toISOString(),
    appVersion: 'bench',
    demo: false,
    tables,
  };
  return {
    office: office.data,
    packageText: JSON.stringify(pkg),
    counts: {
      officeAppeals: office.data.appeals!.length,
      officeEvents: office.data.events!.length,
      officeApplicants: office.data.applicants!.length,
      packageAppeals: (tables.appeals as Appeal[]).length,
      packageNewAppeals: fresh,
      packageEvents: (tables.events as AppEvent[]).length,
      packageApplicants: (tables.applicants as Applicant[]).length,
      packageBytes: JSON.stringify(pkg).length,
    },
  };
}

export type { AnyRecord };
