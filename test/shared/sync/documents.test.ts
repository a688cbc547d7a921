import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import {
  canonicalJson,
  checkDoc,
  dataOf,
  docIdOf,
  isServiceDoc,
  parseDocId,
  recordDocBody,
  sameData,
  SYNC_SCHEMA,
  type WireDoc,
} from '@shared/sync';
import { generateOffice } from '@test/fixtures/generateOffice';

/** Every record of a generated office maps to a document and back, unchanged. */
const office = generateOffice({ appeals: 40, seed: 7, from: '2026-03-01' });

function wire(
  table: (typeof EXPORT_TABLE_NAMES)[number],
  record: Record<string, unknown>,
): WireDoc {
  const doc: WireDoc = {
    _id: docIdOf(table, String(record.id)),
    _rev: '1-a',
    ...recordDocBody(table, record),
  };
  if (table === 'attachments') {
    const { file, ...rest } = record as { file: { data: string } };
    doc.data = rest;
    doc._attachments = { file: { content_type: 'image/png', data: file.data } };
  }
  return doc;
}

describe('records as documents', () => {
  it('names a record `<table>:<id>` and reads the name back, counters included', () => {
    expect(docIdOf('appeals', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe(
      'appeals:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    );
    expect(parseDocId('counters:appeal:2026')).toEqual({ table: 'counters', id: 'appeal:2026' });
    expect(parseDocId('drafts:x')).toBeNull();
    expect(parseDocId('appeals:')).toBeNull();
    expect(parseDocId('nonsense')).toBeNull();
    expect(isServiceDoc('_design/tizilim')).toBe(true);
    expect(isServiceDoc('numbers:appeal:2026')).toBe(true);
    expect(isServiceDoc('appeals:x')).toBe(false);
  });

  it('leaves derived data out and carries the schema version', () => {
    const appeal = office.tables.appeals[0]!;
    const body = recordDocBody('appeals', appeal);
    expect(body.schema).toBe(SYNC_SCHEMA);
    expect(body.table).toBe('appeals');
    expect(body.data).not.toHaveProperty('searchWords');
    expect(body.data.regNo).toBe(appeal.regNo);
  });

  it('applies every record of a generated office as it was sent', () => {
    for (const table of EXPORT_TABLE_NAMES) {
      for (const record of office.tables[table] as Record<string, unknown>[]) {
        const check = checkDoc(wire(table, record));
        expect(check.ok, `${table} ${String(record.id)}`).toBe(true);
        if (!check.ok) continue;
        expect(sameData(dataOf(table, check.record), dataOf(table, record))).toBe(true);
      }
    }
  });

  it('quarantines what the app cannot apply, saying why', () => {
    const appeal = office.tables.appeals[0]! as unknown as Record<string, unknown>;
    const good = wire('appeals', appeal);
    expect(checkDoc({ ...good, _id: 'visits:1' })).toMatchObject({
      ok: false,
      reason: 'unknown_document',
    });
    expect(checkDoc({ ...good, schema: 2 })).toMatchObject({ ok: false, reason: 'unknown_schema' });
    expect(checkDoc({ ...good, table: 'applicants' })).toMatchObject({
      ok: false,
      reason: 'id_mismatch',
    });
    expect(checkDoc({ ...good, data: { ...appeal, id: 'other' } })).toMatchObject({
      ok: false,
      reason: 'id_mismatch',
    });
    const bad = checkDoc({ ...good, data: { ...appeal, regNo: 'жиырма', subject: '' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.reason).toBe('invalid_record');
      expect(bad.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['regNo', 'subject']));
    }
    const attachment = office.tables.attachments[0];
    if (attachment) {
      const doc = wire('attachments', attachment as unknown as Record<string, unknown>);
      delete doc._attachments;
      expect(checkDoc(doc)).toMatchObject({ ok: false, reason: 'invalid_record' });
    }
  });

  it('canonical JSON: equal data, equal text, whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'Ә' }] })).toBe('{"a":[{"c":"Ә"}],"b":1}');
  });
});
