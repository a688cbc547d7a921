import { describe, expect, it } from 'vitest';
import { BackupWriter, readBackup } from '@shared/backup';
import {
  describeExchangeError,
  EXCHANGE_ERROR_CODES,
  EXCHANGE_MAGIC,
  exchangeFileName,
  isExchangeError,
  openExchangeFile,
  readExchangeEnvelope,
  writeExchangeFile,
  type EnvelopeInput,
  type ExchangeErrorCode,
} from '@shared/exchange';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { FAST, infoOf, officeWithFiles, PASSWORD } from '../backup/helpers';

const ENVELOPE: EnvelopeInput = {
  kind: 'package',
  packageId: 'pkg-0001',
  createdAt: '2026-11-20T13:05:00.000Z',
  appVersion: '0.1.0-test',
  officeId: 'office-kostanay-7',
  from: { deviceId: 'dev-reception', name: 'Қабылдау ноутбугі' },
  to: { deviceId: 'dev-office', name: 'Кеңсе ноутбугі' },
  seq: 3,
  ack: 2,
  full: false,
};

async function samplePackage() {
  const office = officeWithFiles(12, [0, 5, 70_000]);
  const bytes = await writeExchangeFile(
    ENVELOPE,
    { tables: office.tables, files: office.files },
    { password: PASSWORD },
    FAST,
  );
  return { office, bytes };
}

async function refusal(promise: Promise<unknown>): Promise<ExchangeErrorCode> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isExchangeError(error)).toBe(true);
  return (error as { code: ExchangeErrorCode }).code;
}

describe('.tizilim-exchange files', () => {
  it('carry the records, every attachment file and the envelope, locked with the office password', async () => {
    const { office, bytes } = await samplePackage();
    expect(bytes.subarray(0, 8)).toEqual(EXCHANGE_MAGIC);
    // The envelope says who sends what to whom before any password; no citizen's data in it.
    const { envelope } = readExchangeEnvelope(bytes);
    expect(envelope).toMatchObject({ ...ENVELOPE, format: 'tizilim-exchange', version: 1 });
    const plain = new TextDecoder().decode(bytes);
    for (const appeal of office.file.tables.appeals) expect(plain).not.toContain(appeal.subject);

    const opened = await openExchangeFile(bytes, { password: PASSWORD });
    for (const table of EXPORT_TABLE_NAMES) {
      expect(opened.tables[table].map((r) => r.id)).toEqual(office.tables[table].map((r) => r.id));
    }
    expect(opened.tables.appeals[0]).toEqual(office.file.tables.appeals[0]);
    expect([...opened.files.keys()]).toEqual([...office.files.keys()]);
    for (const [id, data] of office.files) expect(opened.files.get(id)).toEqual(data);
    expect(opened.tables.attachments[0]).not.toHaveProperty('file');
  });

  it('a receipt is a package with no records', async () => {
    const bytes = await writeExchangeFile(
      { ...ENVELOPE, kind: 'receipt', seq: 0, ack: 3 },
      { tables: {}, files: new Map() },
      { password: PASSWORD },
      FAST,
    );
    const opened = await openExchangeFile(bytes, { password: PASSWORD });
    expect(opened.envelope).toMatchObject({ kind: 'receipt', ack: 3 });
    expect(EXPORT_TABLE_NAMES.every((t) => opened.tables[t].length === 0)).toBe(true);
  });

  it('refuses a wrong password, changed bytes, a cut-off copy and a changed envelope', async () => {
    const { bytes } = await samplePackage();
    expect(await refusal(openExchangeFile(bytes, { password: 'басқа құпиясөз' }))).toBe(
      'wrong_password',
    );
    const flipped = bytes.slice();
    flipped[bytes.length - 100]! ^= 0x01;
    expect(await refusal(openExchangeFile(flipped, { password: PASSWORD }))).toBe('damaged');
    expect(
      await refusal(openExchangeFile(bytes.slice(0, bytes.length - 5000), { password: PASSWORD })),
    ).toBe('damaged');
    // Another office's id written into the envelope by hand: the content no longer matches.
    const text = new TextDecoder().decode(bytes.subarray(12, 12 + 600));
    const at = text.indexOf('office-kostanay-7');
    expect(at).toBeGreaterThan(0);
    const forged = bytes.slice();
    forged.set(new TextEncoder().encode('office-kostanay-8'), 12 + at);
    expect(readExchangeEnvelope(forged).envelope.officeId).toBe('office-kostanay-8');
    expect(await refusal(openExchangeFile(forged, { password: PASSWORD }))).toBe('damaged');
  });

  it('names a backup as a backup, and anything else as not a package', async () => {
    const office = officeWithFiles(2, []);
    const chunks: Uint8Array[] = [];
    const writer = await BackupWriter.create(
      infoOf(office),
      { password: PASSWORD },
      (c) => {
        chunks.push(c);
      },
      FAST,
    );
    for (const table of EXPORT_TABLE_NAMES) {
      await writer.add({ kind: 'records', table, records: office.tables[table] });
    }
    await writer.finish();
    const backup = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      backup.set(c, at);
      at += c.byteLength;
    }
    expect(await refusal(openExchangeFile(backup, { password: PASSWORD }))).toBe('is_backup');
    expect(
      await refusal(
        openExchangeFile(new TextEncoder().encode('{"format":"tizilim-export"}'), {
          password: PASSWORD,
        }),
      ),
    ).toBe('not_a_package');
  });

  it('a package can never be restored as a backup', async () => {
    const { bytes } = await samplePackage();
    await expect(readBackup([bytes], { password: PASSWORD })).rejects.toMatchObject({
      code: 'not_a_backup',
    });
  });

  it('a package of a newer format is refused with a message to update', async () => {
    const { bytes } = await samplePackage();
    const text = new TextDecoder().decode(bytes.subarray(12, 12 + 600));
    const at = text.indexOf('"version":1');
    const newer = bytes.slice();
    newer.set(new TextEncoder().encode('"version":9'), 12 + at);
    expect(await refusal(openExchangeFile(newer, { password: PASSWORD }))).toBe('newer_version');
    expect(describeExchangeError('newer_version', 'kk')).toContain('жаңартып');
    expect(describeExchangeError('newer_version', 'ru')).toContain('Обновите');
  });

  it('every refusal has a Kazakh and a Russian message', () => {
    for (const code of EXCHANGE_ERROR_CODES) {
      const kk = describeExchangeError(code, 'kk');
      const ru = describeExchangeError(code, 'ru');
      expect(kk.length).toBeGreaterThan(20);
      expect(ru.length).toBeGreaterThan(20);
      expect(kk).not.toBe(ru);
    }
  });

  it('file names say who sent what, sortable by time', () => {
    expect(exchangeFileName({ ...ENVELOPE })).toBe(
      'Қабылдау-ноутбугі-Кеңсе-ноутбугі-3-202611201805.tizilim-exchange',
    );
    expect(exchangeFileName({ ...ENVELOPE, kind: 'receipt', ack: 3 })).toContain('receipt-3');
  });
});
