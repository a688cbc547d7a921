import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Appeal, Applicant } from '@shared/domain';
import { normalizeAddress } from '@shared/validation/text';
import { analyseSheet } from '@shared/journal/analyse';
import { buildJournalTable, journalCsv, journalXlsx } from '@shared/journal/exportJournal';
import { EMPTY_REGISTRY, planJournalImport } from '@shared/journal/plan';
import { readJournalFile } from '@shared/journal/read';
import { newId } from '@shared/ids';
import { generateOffice } from '@test/fixtures/generateOffice';

const TODAY_NOW = '2026-11-20T12:00:00.000Z';

/** What a journal row carries of an appeal: compared after export → import. */
function journalView(a: Appeal, applicants: ReadonlyMap<string, Applicant>) {
  const person = a.applicantId ? applicants.get(a.applicantId) : undefined;
  return {
    regNo: a.regNo,
    journalNo: a.journalNo,
    received: a.receivedAt.slice(0, 16),
    registeredOn: a.registeredOn,
    channel: a.channel,
    kind: a.kind,
    topic: a.topic,
    subject: a.subject,
    text: a.text,
    open: a.outcome === null,
    outcome: a.outcome,
    decidedOn: a.decidedOn,
    informed: a.applicantInformedAt?.slice(0, 16) ?? null,
    signatories: a.collective ? a.signatories : null,
    name: person?.fullName ?? null,
    iin: person?.iin ?? null,
    phones: [...(person?.phones ?? [])].sort(),
    address: person ? normalizeAddress(person.address) : null,
  };
}

describe('journal export → import into an empty office', () => {
  it('gives the same appeals (xlsx and CSV, kk and ru headers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('kk' as const, 'ru' as const),
        fc.constantFrom('xlsx' as const, 'csv' as const),
        async (seed, lang, format) => {
          const office = generateOffice({ appeals: 40, seed, today: '2026-11-20' });
          const settings = office.tables.settings[0]!;
          // Appeals received at midnight read back without a time: keep the test to real hours.
          const appeals = office.tables.appeals.filter(
            (a) => a.deletedAt === null && a.receivedAt.slice(11, 16) !== '00:00',
          );
          const applicants = new Map(office.tables.applicants.map((a) => [a.id, a]));
          const table = buildJournalTable({
            appeals,
            applicants,
            topics: settings.topics,
            users: settings.users,
            lang,
            title: 'Журнал',
          });
          const fileName = format === 'xlsx' ? 'journal.xlsx' : 'journal.csv';
          const bytes = format === 'xlsx' ? await journalXlsx(table, '2026') : journalCsv(table);
          const workbook = await readJournalFile(bytes, fileName);
          const analysis = analyseSheet(workbook, undefined, settings.topics);
          if (!analysis.ok) throw new Error(analysis.problem);
          const plan = planJournalImport({
            sheet: analysis.sheet,
            header: analysis.header,
            mapping: analysis.mapping,
            registry: EMPTY_REGISTRY,
            settings: { ...settings, topics: settings.topics },
            fileName,
            batchId: newId(),
            userId: 'system',
            now: TODAY_NOW,
            lang,
            // Two people of the generated office may share a phone and a surname (a family):
            // the round trip compares people one appeal at a time.
            options: { mergeWithinFile: false, matchRegistry: false },
          });
          expect(
            plan.rows
              .filter((r) => r.status === 'skipped' && r.reason?.code !== 'title')
              .map((r) => [r.n, r.reason]),
          ).toEqual([]);
          const before = appeals
            .map((a) => journalView(a, applicants))
            .sort((x, y) => x.regNo.localeCompare(y.regNo));
          const importedApplicants = new Map(plan.applicants.map((a) => [a.id, a]));
          const after = plan.appeals
            .map((a) => journalView(a, importedApplicants))
            .sort((x, y) => x.regNo.localeCompare(y.regNo));
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
