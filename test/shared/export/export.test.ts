import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  EXPORT_TABLE_NAMES,
  MAX_PROBLEMS,
  base64ToBytes,
  bytesToBase64,
  describeExportProblem,
  exportFileSchema,
  parseExportFile,
  parseExportFileAsync,
  type ExportFile,
  type ExportProblem,
  type ExportTableName,
} from '@shared/export';
import { exportedPdf, generateOffice } from '@test/fixtures/generateOffice';

const office: ExportFile = generateOffice({ appeals: 120, seed: 3, from: '2026-01-01' });
const text = JSON.stringify(office);
/** The morning after the generator's "today" (2026-11-20): every date of the office is past. */
const NOW = new Date('2026-11-21T04:00:00Z');
const parse = (input: unknown) => parseExportFile(input, { now: NOW });

/** A deep copy to break. */
function copy(): {
  tables: Record<ExportTableName, Record<string, unknown>[]>;
} & Record<string, unknown> {
  return JSON.parse(text) as ReturnType<typeof copy>;
}

function problemsOf(input: unknown): ExportProblem[] {
  const result = parse(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('the export format', () => {
  it('accepts a generated office and gives back exactly what was written', () => {
    const result = parse(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file).toEqual(office);
    // Every table of the format is there, including the empty ones.
    expect(Object.keys(result.file.tables).sort()).toEqual([...EXPORT_TABLE_NAMES].sort());
    expect(exportFileSchema.safeParse(office).success).toBe(true);
  });

  it('has the office around the appeals: receptions, inquiries, initiatives, plans', () => {
    const t = office.tables;
    expect(t.settings).toHaveLength(1);
    expect(t.receptions.filter((r) => r.status === 'held').length).toBeGreaterThan(5);
    const linked = t.appeals.filter((a) => a.receptionId !== null);
    expect(linked.length).toBe(t.appeals.filter((a) => a.channel === 'reception').length);
    const visitors = t.receptions.flatMap((r) => r.queue.map((q) => q.appealId));
    expect(new Set(visitors)).toEqual(new Set(linked.map((a) => a.id)));
    expect(t.inquiries.some((i) => i.status === 'answered')).toBe(true);
    expect(t.inquiries.every((i) => i.agencyId !== null)).toBe(true);
    expect(t.initiatives.length).toBeGreaterThan(3);
    expect(t.planItems.some((p) => p.year === 2027 && p.quarter === 1)).toBe(true);
    expect(
      t.appeals.some((a) => a.inReport && a.publicSummary.kk !== '' && a.publicSummary.ru !== ''),
    ).toBe(true);
    expect(office.demo).toBe(true);
  });

  it('leaves attachments out of nothing: files travel as base64', () => {
    const file = copy();
    const appealId = (file.tables.appeals[0] as { id: string }).id;
    file.tables.attachments = [exportedPdf(appealId, 'хат.pdf', '%PDF-1.4')];
    const result = parse(file);
    expect(result.ok).toBe(true);
    file.tables.attachments[0]!.appealId = null;
    expect(problemsOf(file)[0]).toMatchObject({
      code: 'invalid_record',
      table: 'attachments',
      index: 0,
      path: 'appealId',
      message: 'attachment_owner_required',
    });
  });

  it('names a file that is not JSON or not an export', () => {
    expect(problemsOf('{"format": ')).toEqual([{ code: 'not_json' }]);
    expect(problemsOf('[1, 2]')).toEqual([{ code: 'wrong_format' }]);
    expect(problemsOf({ format: 'dexie', version: 1 })).toEqual([{ code: 'wrong_format' }]);
    expect(problemsOf({ ...copy(), tables: [] })).toEqual([{ code: 'wrong_format' }]);
  });

  it('refuses a file of a newer app with the version, before looking at any record', () => {
    expect(problemsOf({ ...copy(), version: 2, tables: { appeals: 'anything' } })).toEqual([
      { code: 'newer_version', version: 2 },
    ]);
    expect(describeExportProblem({ code: 'newer_version', version: 2 }, 'kk')).toContain(
      'жаңартыңыз',
    );
    expect(describeExportProblem({ code: 'newer_version', version: 2 }, 'ru')).toContain(
      'Обновите',
    );
  });

  it('names the bad header field', () => {
    const problems = problemsOf({ ...copy(), exportedAt: 'вчера' });
    expect(problems).toEqual([
      { code: 'invalid_header', path: 'exportedAt', message: 'invalid_timestamp' },
    ]);
    expect(describeExportProblem(problems[0]!, 'ru')).toBe(
      'Неверный заголовок файла, поле «exportedAt»: Неверная отметка времени.',
    );
  });

  it('names the table, the record and the field of an invalid record', () => {
    const file = copy();
    file.tables.appeals[41]!.registeredOn = '2026-02-30';
    const problems = problemsOf(file);
    expect(problems).toEqual([
      {
        code: 'invalid_record',
        table: 'appeals',
        index: 41,
        path: 'registeredOn',
        message: 'invalid_date',
      },
    ]);
    expect(describeExportProblem(problems[0]!, 'kk')).toBe(
      '«Өтініштер» кестесі, 42-жазба, «registeredOn» өрісі: Күн дұрыс емес: мұндай күн күнтізбеде жоқ немесе пішімі қате.',
    );
    expect(describeExportProblem(problems[0]!, 'ru')).toBe(
      'Таблица «Обращения», запись № 42, поле «registeredOn»: Неверная дата: такого дня нет в календаре или неверный формат.',
    );
  });

  it('refuses repeated ids and registry numbers', () => {
    const file = copy();
    file.tables.events.push({ ...file.tables.events[0]! });
    file.tables.appeals[1]!.regNo = file.tables.appeals[0]!.regNo;
    const problems = problemsOf(file);
    expect(problems).toEqual([
      {
        code: 'duplicate_id',
        table: 'events',
        index: file.tables.events.length - 1,
        id: file.tables.events[0]!.id,
      },
      { code: 'duplicate_reg_no', index: 1, regNo: file.tables.appeals[0]!.regNo },
    ]);
    expect(describeExportProblem(problems[0]!, 'ru')).toContain('повторяется');
    expect(describeExportProblem(problems[1]!, 'kk')).toContain('қайталанады');
  });

  it('lists the first problems and counts the rest', () => {
    const file = copy();
    for (const appeal of file.tables.appeals.slice(0, 30)) appeal.channel = 'pigeon';
    const problems = problemsOf(file);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({ code: 'too_many_problems', more: 30 - MAX_PROBLEMS });
    expect(describeExportProblem(problems.at(-1)!, 'kk')).toBe('Тағы 10 қате бар.');
  });

  it('refuses a table that is not a list, and takes a missing table as empty', () => {
    const file = copy();
    file.tables.receptions = { a: 1 } as unknown as Record<string, unknown>[];
    expect(problemsOf(file)).toEqual([{ code: 'invalid_table', table: 'receptions' }]);
    expect(describeExportProblem({ code: 'invalid_table', table: 'receptions' }, 'ru')).toBe(
      'Таблица «Приёмы» должна быть списком записей.',
    );
    const partial = copy();
    delete (partial.tables as Partial<typeof partial.tables>).planItems;
    const result = parse(partial);
    expect(result.ok && result.file.tables.planItems).toEqual([]);
  });

  it('words every problem in both languages', () => {
    const all: ExportProblem[] = [
      { code: 'not_json' },
      { code: 'wrong_format' },
      { code: 'newer_version', version: 3 },
      { code: 'invalid_header', path: 'demo', message: 'invalid_value' },
      { code: 'invalid_table', table: 'events' },
      { code: 'invalid_record', table: 'events', index: 0, path: '', message: 'nonsense' },
      { code: 'duplicate_id', table: 'agencies', index: 2, id: 'x' },
      { code: 'duplicate_reg_no', index: 0, regNo: '2026-0001' },
      { code: 'too_many_problems', more: 5 },
    ];
    for (const lang of ['kk', 'ru'] as const) {
      const texts = all.map((p) => describeExportProblem(p, lang));
      expect(new Set(texts).size).toBe(all.length);
      for (const t of texts) expect(t).toMatch(/[а-яәғқңөұүһі]/i);
    }
  });

  it('validates in slices and reports progress up to the total', async () => {
    const seen: number[] = [];
    let pauses = 0;
    const result = await parseExportFileAsync(text, {
      now: NOW,
      onProgress: ({ done, total }) => {
        seen.push(done);
        expect(done).toBeLessThanOrEqual(total);
      },
      pause: async () => {
        pauses += 1;
      },
    });
    expect(result.ok).toBe(true);
    expect(pauses).toBeGreaterThan(1);
    const total = EXPORT_TABLE_NAMES.reduce((n, t) => n + office.tables[t].length, 0);
    expect(seen.at(-1)).toBe(total);
  });

  it('round-trips any consistent subset of the office through JSON', () => {
    fc.assert(
      fc.property(
        fc.subarray(office.tables.appeals, { maxLength: 15 }),
        fc.boolean(),
        (picked, demo) => {
          // A subset that holds together: the chosen appeals (off their receptions), their
          // histories, the inquiries about them alone, every applicant and agency.
          const ids = new Set(picked.map((a) => a.id));
          const appeals = picked.map((a) => ({ ...a, receptionId: null }));
          const inquiries = office.tables.inquiries.filter((q) =>
            q.appealIds.every((id) => ids.has(id)),
          );
          const inquiryIds = new Set(inquiries.map((q) => q.id));
          const events = office.tables.events.filter((e) => {
            const inquiryId = (e.data as { inquiryId?: string }).inquiryId;
            return ids.has(e.appealId) && (inquiryId === undefined || inquiryIds.has(inquiryId));
          });
          const initiatives = office.tables.initiatives.map((x) => ({
            ...x,
            relatedAppealIds: x.relatedAppealIds.filter((id) => ids.has(id)),
          }));
          const tables = {
            ...office.tables,
            appeals,
            events,
            inquiries,
            initiatives,
            receptions: [],
          };
          const result = parse(JSON.stringify({ ...office, demo, tables }));
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { counters, ...rest } = result.file.tables;
          const { counters: _original, ...expected } = tables;
          expect({ ...result.file, tables: rest }).toEqual({ ...office, demo, tables: expected });
          // Counters follow the numbers in the file, not the file's own counters.
          const top = Math.max(0, ...appeals.map((a) => Number(a.regNo.slice(5))));
          expect(counters.find((c) => c.id === 'appeal:2026')?.value).toBe(
            top === 0 ? undefined : top,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('base64 of attachment bytes', () => {
  it('round-trips any bytes and agrees with the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('ab$c')).toThrow(RangeError);
    expect(() => base64ToBytes('abcde')).toThrow(RangeError);
  });
});
