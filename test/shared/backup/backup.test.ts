import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import {
  BACKUP_MAGIC,
  BackupError,
  BackupWriter,
  encodePrefix,
  encryptBackup,
  formatRecoveryKey,
  generateRecoveryKey,
  openBackup,
  PBKDF2_ITERATIONS,
  readBackup,
  recoveryKeyId,
  sniffFile,
  toExportFile,
  type BackupItem,
} from '@shared/backup';
import {
  chunked,
  exportedFileBytes,
  FAST,
  infoOf,
  itemsOf,
  makeBackup,
  officeWithFiles,
  PASSWORD,
} from './helpers';

const PART = 1024 * 1024;
// Empty, small, exactly one part, one part and a byte, several parts.
const SIZES = [0, 5_000, PART, PART + 1, 2 * PART + 12_345];
const office = officeWithFiles(120, SIZES);
const recovery = generateRecoveryKey();
let backup: Uint8Array;

/** Where the encrypted segments start: after magic, length, header and its hash. */
function bodyStartOf(bytes: Uint8Array): number {
  return 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8) + 32;
}

async function refusal(
  bytes: Uint8Array,
  secret: Parameters<typeof readBackup>[1] = { password: PASSWORD },
) {
  try {
    await readBackup(chunked(bytes), secret);
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  return null;
}

describe('a backup round trip', () => {
  it('gives back every table deep-equal and every file byte-equal', async () => {
    backup = await makeBackup(office, { password: PASSWORD, recoveryKey: recovery });
    const restored = await readBackup(chunked(backup), { password: PASSWORD });
    for (const table of EXPORT_TABLE_NAMES) {
      expect(restored.tables[table], table).toEqual(office.tables[table]);
    }
    expect([...restored.files.keys()].sort()).toEqual([...office.files.keys()].sort());
    for (const [id, data] of office.files) {
      expect(Buffer.compare(restored.files.get(id)!, data), id).toBe(0);
    }
    expect(restored.manifest.export).toEqual({
      exportedAt: office.file.exportedAt,
      appVersion: office.file.appVersion,
      demo: office.file.demo,
    });
  });

  it('opens with the recovery key, typed as printed or in lower case without dashes', async () => {
    const printed = formatRecoveryKey(recovery);
    const restored = await readBackup(chunked(backup), { recoveryKey: printed });
    expect(restored.tables.appeals).toEqual(office.tables.appeals);
    const sloppy = printed.toLowerCase().replaceAll('-', ' ');
    const again = await readBackup(chunked(backup, 4096), { recoveryKey: sloppy });
    expect(again.files.size).toBe(SIZES.length);
  });

  it('converts to the export file the JSON import takes, files as base64', async () => {
    const restored = await readBackup(chunked(backup), { password: PASSWORD });
    const file = toExportFile(restored);
    expect(file.format).toBe('tizilim-export');
    expect(file.tables.appeals).toEqual(office.file.tables.appeals);
    const attachment = file.tables.attachments[3]!;
    expect(Buffer.compare(exportedFileBytes(attachment), office.files.get(attachment.id)!)).toBe(0);
  });

  it('shows its header without the password: when, which device, how many records', async () => {
    const opened = await openBackup(chunked(backup));
    expect(opened.header).toMatchObject({
      format: 'tizilim-backup',
      version: 1,
      createdAt: '2026-11-20T13:05:00.000Z',
      device: { id: 'dev-01', name: 'Қабылдау бөлмесі' },
      changeSeq: 41,
      logId: 'log-1',
      files: { count: SIZES.length },
    });
    expect(opened.header.counts['appeals']).toBe(120);
    expect(opened.header.keys.map((k) => k.kind)).toEqual(['password', 'recovery']);
    expect(opened.header.keys[1]).toMatchObject({ keyId: await recoveryKeyId(recovery) });
    await opened.close();
    expect(sniffFile(backup.subarray(0, 16))).toBe('backup');
    expect(sniffFile(new TextEncoder().encode(' \n{"format":"tizilim-export"'))).toBe(
      'export-json',
    );
    expect(sniffFile(new TextEncoder().encode('PK'))).toBe('unknown');
  });

  it('reports progress as it goes', async () => {
    const seen: number[] = [];
    await readBackup(
      chunked(backup),
      { password: PASSWORD },
      { onProgress: (p) => seen.push(p.bytesIn) },
    );
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(backup.byteLength);
  });
});

describe('what is refused', () => {
  it('refuses a wrong password before handing out anything', async () => {
    const opened = await openBackup(chunked(backup));
    await expect(opened.unlock({ password: 'Сәуір-2025 кеңсе' })).rejects.toMatchObject({
      code: 'wrong_password',
    });
  });

  it('refuses a recovery key of another office, and names the mistyped group of a typo', async () => {
    expect(
      await refusal(backup, { recoveryKey: formatRecoveryKey(generateRecoveryKey()) }),
    ).toMatchObject({
      code: 'wrong_recovery_key',
    });
    const printed = formatRecoveryKey(recovery);
    const typo = `${printed.slice(0, 13)}${printed[13] === 'A' ? 'B' : 'A'}${printed.slice(14)}`;
    expect(await refusal(backup, { recoveryKey: typo })).toMatchObject({
      code: 'invalid_recovery_key',
      info: { group: 3 },
    });
    expect(await refusal(backup, { recoveryKey: 'ABCDE' })).toMatchObject({
      code: 'invalid_recovery_key',
      info: {},
    });
  });

  it('says so when the file has no recovery key', async () => {
    const small = officeWithFiles(3, []);
    const bytes = await makeBackup(small, { password: PASSWORD });
    expect(await refusal(bytes, { recoveryKey: formatRecoveryKey(recovery) })).toMatchObject({
      code: 'no_matching_key',
      info: { secret: 'recovery' },
    });
  });

  it('refuses a file with any one byte changed, wherever it is', async () => {
    // Small segments, so the changed byte lands in headers, segments, tags and the end.
    const small = officeWithFiles(8, [3_000, 70_000]);
    const bytes = await makeBackup(small, { password: PASSWORD }, { segmentSize: 4096 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bytes.byteLength - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const changed = new Uint8Array(bytes);
          changed[at]! ^= flip;
          const error = await refusal(changed);
          expect(error, `byte ${at}`).not.toBeNull();
          expect(['damaged', 'truncated', 'not_a_backup']).toContain(error!.code);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a file cut short anywhere, and one with bytes added', async () => {
    const small = officeWithFiles(8, [20_000]);
    const bytes = await makeBackup(small, { password: PASSWORD }, { segmentSize: 4096 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.byteLength - 1 }), async (length) => {
        const error = await refusal(bytes.subarray(0, length));
        expect(['truncated', 'damaged', 'not_a_backup']).toContain(error?.code);
      }),
      { numRuns: 100 },
    );
    // Cut exactly after a whole segment: the last one left lacks the final flag.
    const segment = 4096 + 16;
    const bodyStart = bodyStartOf(bytes);
    expect(await refusal(bytes.subarray(0, bodyStart + 2 * segment))).toMatchObject({
      code: 'truncated',
    });
    expect(await refusal(Buffer.concat([bytes, Uint8Array.of(0)]))).toMatchObject({
      code: 'damaged',
    });
    // Cut in the middle of a segment: damaged, and said to be possibly cut off (the format
    // cannot tell a cut from a changed end); a byte changed in a whole segment is not.
    expect(await refusal(bytes.subarray(0, bodyStart + segment + 1000))).toMatchObject({
      code: 'damaged',
      info: { partialEnd: true },
    });
    const changed = new Uint8Array(bytes);
    changed[bodyStart + 100]! ^= 1;
    const inside = await refusal(changed);
    expect(inside?.code).toBe('damaged');
    expect(inside?.info.partialEnd).toBeUndefined();
  });

  it('refuses segments in another order', async () => {
    const small = officeWithFiles(8, [20_000]);
    const bytes = await makeBackup(small, { password: PASSWORD }, { segmentSize: 4096 });
    const bodyStart = bodyStartOf(bytes);
    const segment = 4096 + 16;
    const swapped = new Uint8Array(bytes);
    swapped.set(bytes.subarray(bodyStart + segment, bodyStart + 2 * segment), bodyStart);
    swapped.set(bytes.subarray(bodyStart, bodyStart + segment), bodyStart + segment);
    expect(await refusal(swapped)).toMatchObject({ code: 'damaged' });
  });

  it('refuses a file of a newer format version, naming it as such', async () => {
    const opened = await openBackup(chunked(backup));
    const { prefix } = await encodePrefix(BACKUP_MAGIC, { ...opened.header, version: 2 });
    expect(await refusal(Buffer.concat([prefix, new Uint8Array(100)]))).toMatchObject({
      code: 'newer_version',
    });
    expect(await refusal(new TextEncoder().encode('{"format":"tizilim-export"}'))).toMatchObject({
      code: 'not_a_backup',
    });
  });
});

describe('content the reader refuses even when every tag verifies', () => {
  async function withLines(line: string) {
    const small = officeWithFiles(1, []);
    const info = infoOf(small, { counts: { ...infoOf(small).counts, counters: 1 } });
    const chunks: Uint8Array[] = [];
    const items = [...itemsOf(small)].filter(
      (i) => !(i.kind === 'records' && i.table === 'counters'),
    );
    items.push({
      kind: 'lines',
      table: 'counters',
      lines: [new TextEncoder().encode(line)],
    } as never);
    for await (const chunk of encryptBackup(items, info, { password: PASSWORD }, FAST))
      chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  it('refuses a line that is not JSON or a record without an id', async () => {
    expect(await refusal(await withLines('{not json}'))).toMatchObject({ code: 'damaged' });
    expect(await refusal(await withLines('{"value":1}'))).toMatchObject({ code: 'damaged' });
    const good = await readBackup([await withLines('{"id":"appeal:2026","value":1}')], {
      password: PASSWORD,
    });
    expect(good.tables.counters).toEqual([{ id: 'appeal:2026', value: 1 }]);
  });

  it('gives the lines back unparsed when asked', async () => {
    const opened = await openBackup([await withLines('{"id":"appeal:2026","value":1}')]);
    const unlocked = await opened.unlock({ password: PASSWORD });
    const lines: string[] = [];
    for await (const item of unlocked.rawItems()) {
      if (item.kind === 'lines' && item.table === 'counters')
        lines.push(...item.lines.map((l) => new TextDecoder().decode(l)));
    }
    expect(lines).toEqual(['{"id":"appeal:2026","value":1}']);
    expect(() => unlocked.items()).toThrow(BackupError);
  });
});

describe('no personal data in the file', () => {
  it('holds none of the names, IINs and phones of the office, in any encoding', async () => {
    const haystack = Buffer.from(backup);
    const needles = new Set<string>();
    for (const applicant of office.file.tables.applicants) {
      needles.add(applicant.fullName);
      if (applicant.iin) needles.add(applicant.iin);
      for (const phone of applicant.phones) needles.add(phone).add(phone.slice(1));
    }
    // The grep finds every one of them in the plain export.
    const plain = Buffer.from(JSON.stringify(office.file));
    for (const needle of needles) expect(plain.includes(Buffer.from(needle)), needle).toBe(true);
    expect(needles.size).toBeGreaterThan(100);
    expect([...needles].some((n) => n.startsWith('+7'))).toBe(true);
    expect([...needles].some((n) => /^\d{12}$/.test(n))).toBe(true);
    for (const needle of needles) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        expect(haystack.includes(Buffer.from(needle, encoding)), needle).toBe(false);
      }
    }
  });
});

describe('the writer', () => {
  const small = officeWithFiles(3, [10]);

  async function write(items: BackupItem[], info = infoOf(small)) {
    const writer = await BackupWriter.create(info, { password: PASSWORD }, () => undefined, FAST);
    for (const item of items) await writer.add(item);
    return writer.finish();
  }

  it('refuses to finish when the records differ from the counts in the header', async () => {
    const items = [...itemsOf(small)].filter(
      (i) => !(i.kind === 'records' && i.table === 'events'),
    );
    await expect(write(items)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses an attachment without its file and a file without its record', async () => {
    const items = [...itemsOf(small)];
    await expect(
      write(
        items.filter((i) => i.kind !== 'file'),
        infoOf(small, { files: { count: 0, bytes: 0 } }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const noRecord = items.filter((i) => !(i.kind === 'records' && i.table === 'attachments'));
    await expect(
      write(noRecord, infoOf(small, { counts: { ...infoOf(small).counts, attachments: 0 } })),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses files interleaved, records without ids, a blob inside a record, a short password', async () => {
    const info = infoOf(small);
    const writer = await BackupWriter.create(info, { password: PASSWORD }, () => undefined, FAST);
    await writer.add({ kind: 'file', id: 'a', data: new Uint8Array(3), final: false });
    await expect(
      writer.add({ kind: 'file', id: 'b', data: new Uint8Array(3), final: true }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      writer.add({ kind: 'file', id: 'a', data: new Uint8Array(3), final: true }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const other = await BackupWriter.create(info, { password: PASSWORD }, () => undefined, FAST);
    await expect(
      other.add({ kind: 'records', table: 'appeals', records: [{ regNo: 'x' }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const third = await BackupWriter.create(info, { password: PASSWORD }, () => undefined, FAST);
    await expect(
      third.add({ kind: 'records', table: 'attachments', records: [{ id: 'a', blob: {} }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      BackupWriter.create(info, { password: 'қысқа' }, () => undefined, FAST),
    ).rejects.toMatchObject({ code: 'weak_password' });
    await expect(BackupWriter.create(info, {}, () => undefined, FAST)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('derives the password key with 600,000 PBKDF2 iterations unless told otherwise', async () => {
    const summary = await BackupWriter.create(
      infoOf(small),
      { password: PASSWORD },
      () => undefined,
    );
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(summary.header.keys[0]).toMatchObject({
      kdf: { name: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS },
    });
  });
});
