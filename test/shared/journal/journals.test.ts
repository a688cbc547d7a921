import { describe, expect, it } from 'vitest';

import { appealSchema, applicantSchema, eventSchema } from '@shared/domain';
import { allJournals } from '@test/fixtures/journals/build';
import { planFile, registryAfter } from './helpers';

const journals = await allJournals();

describe.each(journals.map((j) => [j.name, j] as const))('journal %s', (_name, journal) => {
  it('imports every data row with its date, name, phone and text', async () => {
    const { plan } = await planFile(journal.bytes, journal.fileName, { sheet: journal.sheet });
    const imported = plan.rows.filter((r) => r.status === 'imported').map((r) => r.n);
    expect(imported).toEqual(journal.appeals.map((a) => a.row));
    const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
    for (const expected of journal.appeals) {
      const result = plan.rows.find((r) => r.n === expected.row)!;
      const appeal = plan.appeals.find((a) => a.regNo === result.regNo)!;
      expect(appeal, `row ${expected.row}`).toBeDefined();
      expect(appeal.receivedAt.slice(0, 10), `date of row ${expected.row}`).toBe(expected.date);
      if (expected.time) expect(appeal.receivedAt.slice(11, 16)).toBe(expected.time);
      expect(appeal.text).toContain(expected.text);
      const applicant = appeal.applicantId ? applicants.get(appeal.applicantId) : undefined;
      expect(applicant?.fullName ?? null, `name of row ${expected.row}`).toBe(expected.name);
      if (expected.name !== null)
        expect(applicant!.phones).toEqual(expect.arrayContaining(expected.phones));
      if (expected.journalNo) expect(appeal.journalNo).toBe(expected.journalNo);
      if (expected.outcome !== undefined)
        expect(appeal.outcome, `outcome of row ${expected.row}`).toBe(expected.outcome);
      if (expected.status)
        expect(appeal.status, `status of row ${expected.row}`).toBe(expected.status);
      if (expected.collective) {
        expect(appeal.collective).toBe(true);
        expect(appeal.signatories).toBe(expected.collective);
      }
    }
  });

  it('skips every row that is not an appeal, with its sheet row number and reason', async () => {
    const { plan } = await planFile(journal.bytes, journal.fileName, { sheet: journal.sheet });
    const skipped = plan.rows
      .filter((r) => r.status === 'skipped')
      .map((r) => ({ row: r.n, code: r.reason!.code }));
    expect(skipped).toEqual(journal.skipped);
    for (const w of journal.warnings ?? []) {
      const row = plan.rows.find((r) => r.n === w.row)!;
      expect(
        row.warnings.map((x) => x.code),
        `warnings of row ${w.row}`,
      ).toContain(w.code);
    }
  });

  it('writes records the domain schemas accept, each appeal with its import event', async () => {
    const { plan } = await planFile(journal.bytes, journal.fileName, { sheet: journal.sheet });
    for (const a of plan.applicants) expect(applicantSchema.safeParse(a).success).toBe(true);
    for (const a of plan.appeals) expect(appealSchema.safeParse(a).success).toBe(true);
    for (const e of plan.events) expect(eventSchema.safeParse(e).success).toBe(true);
    expect(plan.events.map((e) => e.appealId).sort()).toEqual(plan.appeals.map((a) => a.id).sort());
    for (const a of plan.applicants) expect(a.consent?.form).toBe('paper_journal');
  });

  it('adds nothing when the same file is imported again', async () => {
    const first = await planFile(journal.bytes, journal.fileName, { sheet: journal.sheet });
    const again = await planFile(journal.bytes, journal.fileName, {
      sheet: journal.sheet,
      registry: registryAfter([first.plan]),
    });
    expect(again.plan.appeals).toEqual([]);
    expect(again.plan.applicants).toEqual([]);
    expect(again.plan.counts.alreadyImported).toBe(journal.appeals.length);
  });
});
