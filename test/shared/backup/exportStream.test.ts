import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportJsonError, splitExportJson, type ExportJsonEvent } from '@shared/backup';
import { generateOffice } from '@test/fixtures/generateOffice';

async function events(text: string, chunk: number): Promise<ExportJsonEvent[]> {
  const bytes = new TextEncoder().encode(text);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunk) parts.push(bytes.subarray(at, at + chunk));
  const out: ExportJsonEvent[] = [];
  for await (const event of splitExportJson(parts)) {
    if (event.kind === 'field') {
      out.push(event);
      continue;
    }
    // The raw bytes are the record's own text.
    expect(JSON.parse(new TextDecoder().decode(event.raw))).toEqual(event.value);
    out.push({ kind: 'record', table: event.table, value: event.value } as ExportJsonEvent);
  }
  return out;
}

/** What JSON.parse of the whole text says, as the splitter's events. */
function expected(value: Record<string, unknown>): ExportJsonEvent[] {
  const out: ExportJsonEvent[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (key !== 'tables') {
      out.push({ kind: 'field', key, value: field });
      continue;
    }
    for (const [table, records] of Object.entries(field as Record<string, unknown[]>)) {
      for (const record of records) {
        out.push({ kind: 'record', table, value: record } as ExportJsonEvent);
      }
    }
  }
  return out;
}

const recordArb = fc.record({
  id: fc.string({ maxLength: 12 }),
  text: fc.string({ unit: 'grapheme', maxLength: 30 }),
  // Quotes and runs of backslashes, cut anywhere by the chunking.
  escapes: fc.string({ unit: fc.constantFrom('\\', '"', 'a', 'ә', '\n'), maxLength: 12 }),
  nested: fc.jsonValue({ maxDepth: 3 }),
});

const exportArb = fc.record({
  format: fc.constant('tizilim-export'),
  version: fc.integer(),
  exportedAt: fc.string({ maxLength: 5 }),
  tables: fc.dictionary(
    fc.constantFrom('appeals', 'events', 'x"y\\z', 'ә'),
    fc.array(recordArb, { maxLength: 5 }),
  ),
  demo: fc.boolean(),
});

describe('reading an export record by record', () => {
  it('hands out exactly what JSON.parse reads, however the bytes are cut and spaced', async () => {
    await fc.assert(
      fc.asyncProperty(
        exportArb,
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        async (value, chunk, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined);
          expect(await events(text, chunk)).toEqual(
            expected(JSON.parse(text) as Record<string, unknown>),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a generated office as the import would', async () => {
    const office = generateOffice({ appeals: 40, seed: 3 });
    const got = await events(JSON.stringify(office), 4096);
    expect(got).toEqual(expected(office as unknown as Record<string, unknown>));
  });

  it('hands out records unparsed when asked, as their exact bytes', async () => {
    const text = '{"tables":{"appeals":[{"id":"a","t":"ә\\"x"}, {"id":"b"}]},"format":"f"}';
    const got: ExportJsonEvent[] = [];
    for await (const event of splitExportJson([new TextEncoder().encode(text)], {
      parseRecords: false,
    })) {
      got.push(event);
    }
    expect(got.map((e) => (e.kind === 'record' ? new TextDecoder().decode(e.raw) : e.key))).toEqual(
      ['{"id":"a","t":"ә\\"x"}', '{"id":"b"}', 'format'],
    );
    expect(got[0]).toMatchObject({ value: undefined });
  });

  it('refuses what is not JSON or not an object, naming the byte', async () => {
    const bad = [
      '',
      '[1,2]',
      '{"tables":{"appeals":[{"id":"a"},]}}',
      '{"tables":{"appeals":[{"id":"a"} {"id":"b"}]}}',
      '{"format" "x"}',
      '{"format":"x"',
      '{"format":"x"}}',
      '{"format":"x"} x',
      '{"a":tru}',
      '{"tables":{"appeals":[{"id":"a"]}}',
      '{,"a":1}',
    ];
    for (const text of bad)
      await expect(events(text, 3), text).rejects.toBeInstanceOf(ExportJsonError);
  });
});
