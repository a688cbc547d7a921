import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { READABLE_SCHEMAS, SYNC_SCHEMA, SYNC_TABLES, withNextBlock } from '@shared/sync';

/**
 * The validate_doc_update CouchDB runs on every write to an office's database
 * (server/couchdb/validateDocUpdate.cjs), called here as CouchDB calls it, and its design
 * document as the test server and docs/sync-server.md install it.
 */
const require = createRequire(import.meta.url);
const validate = require('../../server/couchdb/validateDocUpdate.cjs') as (
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: { name: string | null; roles: string[]; db?: string },
  secObj: unknown,
) => void;
const { designDocument, SCHEMAS } = require('../../server/couchdb/design.cjs') as {
  designDocument: () => {
    _id: string;
    validate_doc_update: string;
    tizilim: { schemas: number[] };
  };
  SCHEMAS: number[];
};

const security = {
  admins: { names: [], roles: ['office-7-admins'] },
  members: { names: ['aigul'], roles: ['office-7'] },
};
const aigul = { name: 'aigul', roles: [] };
const bolat = { name: 'bolat', roles: ['office-7'] };
const stranger = { name: 'erlan', roles: ['office-9'] };
const admin = { name: 'admin', roles: ['_admin'] };
const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const record = (over: Record<string, unknown> = {}) => ({
  _id: `appeals:${id}`,
  table: 'appeals',
  schema: 1,
  data: { id, subject: 'Су жоқ' },
  ...over,
});

/** A `var NAME = [...]` list of string or number literals in the function's source. */
function literalList(source: string, name: string): unknown[] {
  const match = new RegExp(`var ${name} = \\[([^\\]]*)\\]`).exec(source);
  if (!match) throw new Error(`no list ${name} in validate_doc_update`);
  return JSON.parse(`[${match[1]!.replace(/'/g, '"').replace(/,\s*$/, '')}]`) as unknown[];
}

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? String(error);
  }
}

describe('validate_doc_update', () => {
  it('lets members (by name or role) write records of a known schema', () => {
    expect(refusal(() => validate(record(), null, aigul, security))).toBeNull();
    expect(refusal(() => validate(record(), null, bolat, security))).toBeNull();
    expect(refusal(() => validate(record(), null, admin, {}))).toBeNull();
  });

  it('refuses non-members', () => {
    expect(refusal(() => validate(record(), null, stranger, security))).toMatch(/members/);
    expect(refusal(() => validate(record(), null, { name: null, roles: [] }, security))).toMatch(
      /members/,
    );
    expect(refusal(() => validate(record({ _deleted: true }), null, stranger, security))).toMatch(
      /members/,
    );
  });

  it('refuses an unknown schema version and documents that are not records', () => {
    expect(refusal(() => validate(record({ schema: 2 }), null, aigul, security))).toMatch(/schema/);
    expect(refusal(() => validate(record({ schema: undefined }), null, aigul, security))).toMatch(
      /schema/,
    );
    expect(
      refusal(() => validate(record({ _id: 'drafts:1', table: 'drafts' }), null, aigul, security)),
    ).toMatch(/Not a Tizilim record/);
    expect(refusal(() => validate(record({ table: 'applicants' }), null, aigul, security))).toMatch(
      /Not a Tizilim record/,
    );
    expect(
      refusal(() => validate(record({ data: { id: 'other' } }), null, aigul, security)),
    ).toMatch(/does not match/);
    expect(refusal(() => validate(record({ data: [] }), null, aigul, security))).toMatch(/data/);
    expect(
      refusal(() =>
        validate(
          {
            _id: `counters:appeal:2026`,
            table: 'counters',
            schema: 1,
            data: { id: 'appeal:2026', value: 3 },
          },
          null,
          aigul,
          security,
        ),
      ),
    ).toBeNull();
  });

  it('a member writes only records of the office whose database it is', () => {
    const inOffice = { ...aigul, db: 'office-7' };
    expect(
      refusal(() => validate(record({ office: 'office-7' }), null, inOffice, security)),
    ).toBeNull();
    expect(
      refusal(() => validate(record({ office: 'office-9' }), null, inOffice, security)),
    ).toMatch(/another office/);
    expect(refusal(() => validate(record(), null, inOffice, security))).toMatch(/another office/);
    expect(
      refusal(() =>
        validate(record({ office: 'office-9' }), null, { ...admin, db: 'office-7' }, {}),
      ),
    ).toBeNull();
  });

  it('the secretariat database is written by replication (administrators) only', () => {
    const { secretariatValidate, secretariatDesignDocument: design } =
      require('../../server/couchdb/design.cjs') as {
        secretariatValidate: typeof validate;
        secretariatDesignDocument: () => { _id: string };
      };
    const sec = {
      admins: { names: ['replicator'], roles: [] },
      members: { names: [], roles: ['secretariat'] },
    };
    expect(
      refusal(() => secretariatValidate(record(), null, { name: 'replicator', roles: [] }, sec)),
    ).toBeNull();
    expect(refusal(() => secretariatValidate(record(), null, admin, sec))).toBeNull();
    expect(
      refusal(() =>
        secretariatValidate(record(), null, { name: 'asel', roles: ['secretariat'] }, sec),
      ),
    ).toMatch(/replication only/);
    expect(design()._id).toBe('_design/tizilim-secretariat');
  });

  it('lets a member close a branch (a deletion) but only administrators change design documents', () => {
    expect(
      refusal(() => validate({ _id: `appeals:${id}`, _deleted: true }, record(), aigul, security)),
    ).toBeNull();
    expect(refusal(() => validate({ _id: '_design/x' }, null, aigul, security))).toMatch(
      /administrators/,
    );
    expect(
      refusal(() =>
        validate(
          { _id: '_design/x' },
          null,
          { name: 'boss', roles: ['office-7-admins'] },
          security,
        ),
      ),
    ).toBeNull();
  });

  it('number series: blocks only added after what was handed out, never taken back', () => {
    const req = { kind: 'appeal' as const, year: 2026, now: '2026-03-02T04:00:00.000Z', inUse: 0 };
    const one = withNextBlock(null, { ...req, device: 'a' }).doc;
    const two = withNextBlock(one, { ...req, device: 'b' }).doc;
    expect(refusal(() => validate(one as never, null, aigul, security))).toBeNull();
    expect(refusal(() => validate(two as never, one as never, aigul, security))).toBeNull();
    expect(refusal(() => validate(one as never, two as never, aigul, security))).toMatch(
      /never taken back/,
    );
    const overlapping = { ...two, blocks: [one.blocks[0], { ...two.blocks[1], from: 10 }] };
    expect(refusal(() => validate(overlapping as never, one as never, aigul, security))).toMatch(
      /overlaps/,
    );
    expect(refusal(() => validate({ ...one, next: 5 } as never, null, aigul, security))).toMatch(
      /continue/,
    );
    expect(
      refusal(() => validate({ ...one, kind: 'inquiry' } as never, null, aigul, security)),
    ).toMatch(/malformed/);
  });

  it('holds exactly the app’s table list and schema versions (one source: shared/sync)', () => {
    // The function must stay self-contained for CouchDB, so it keeps its own literal lists;
    // they are read back from its source here and must equal the app's, in both directions.
    const source = String(validate);
    expect(literalList(source, 'TABLES')).toEqual([...SYNC_TABLES]);
    expect(literalList(source, 'SCHEMAS')).toEqual([...READABLE_SCHEMAS]);
    // And it acts on them: a record of every table passes, a table the app lacks does not.
    for (const table of SYNC_TABLES) {
      const doc = record({ _id: `${table}:${id}`, table });
      expect(
        refusal(() => validate(doc, null, aigul, security)),
        table,
      ).toBeNull();
    }
    const unknown = record({ _id: `drafts:${id}`, table: 'drafts' });
    expect(refusal(() => validate(unknown, null, aigul, security))).toMatch(/Not a Tizilim/);
  });

  it('knows the app’s tables and schema versions, and the design document carries it', () => {
    const source = designDocument().validate_doc_update;
    for (const table of EXPORT_TABLE_NAMES) expect(source).toContain(`'${table}'`);
    expect(SCHEMAS).toEqual([...READABLE_SCHEMAS]);
    expect(SCHEMAS).toContain(SYNC_SCHEMA);
    expect(designDocument()._id).toBe('_design/tizilim');
    // What CouchDB evaluates is the same function.
    const evaluated = new Function(`return (${source})`)() as typeof validate;
    expect(refusal(() => evaluated(record({ schema: 9 }), null, aigul, security))).toMatch(
      /schema/,
    );
    expect(refusal(() => evaluated(record(), null, aigul, security))).toBeNull();
  });
});
