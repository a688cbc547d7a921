/**
 * `npm run backup -- <command>`: encrypted backups for IT staff and tests, with the same
 * shared/backup code the app runs (scripts/backup.mjs loads this file through Vite's module
 * runner). Progress on stderr, one JSON line of results on stdout.
 *
 *   create  --data export.json --out x.tizilim-backup --password-file F [--recovery-key-file K] [--check]
 *   verify  FILE (--password-file F | --recovery-key-file K) [--journal J ...]
 *   restore FILE (--password-file F | --recovery-key-file K) --out export.json [--journal J ...]
 *   info    FILE                         the header, without the password
 *   decrypt FILE (--password-file F | --recovery-key-file K) --out content.zip
 *   recovery-key --out K                 a new recovery key, for setting up an office
 *
 * Exit codes: 0 done (verify: the file is good); 2 bad arguments or a missing file;
 * 3 wrong password or recovery key, a damaged or cut-off file, an invalid export;
 * 1 anything else.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import {
  applyJournalToItems,
  type BackupItem,
  type BackupSecret,
  BackupError,
  BackupWriter,
  chainJournals,
  countItems,
  describeBackupError,
  exportJsonItems,
  exportJsonLines,
  formatRecoveryKey,
  generateRecoveryKey,
  journalChanges,
  openBackup,
  parseRecoveryKey,
  readJournal,
  recoveryKeyId,
  scanExportJson,
  sniffFile,
  toBase64,
  verifyBackup,
  type JournalContents,
} from '@shared/backup';
import { ByteReader } from '@shared/backup/byteQueue';
import { readPrefix, type BackupHeader } from '@shared/backup/header';
import { decryptSegments } from '@shared/backup/stream';
import { fromBase64Url } from '@shared/backup/bytes';
import { unlockDataKey } from '@shared/backup/keys';
import {
  describeExportProblem,
  EXPORT_FORMAT,
  EXPORT_TABLE_NAMES,
  EXPORT_VERSION,
} from '@shared/export';
import type { Lang } from '@shared/i18n/lang';
import { PartialFile, readChunks } from '@electron/backup/files';
import { nativeDeflate, nativeInflate } from '@electron/backup/zlib';
import type { RawLinesItem } from '@shared/backup/reader';

export class UsageError extends Error {}
const NEWLINE = Uint8Array.of(0x0a);
class InvalidData extends Error {}

const USAGE = `usage:
  npm run backup -- create --data export.json --out x.tizilim-backup --password-file F [--recovery-key-file K] [--check]
  npm run backup -- verify FILE (--password-file F | --recovery-key-file K) [--journal J ...]
  npm run backup -- restore FILE (--password-file F | --recovery-key-file K) --out export.json [--journal J ...]
  npm run backup -- info FILE
  npm run backup -- decrypt FILE (--password-file F | --recovery-key-file K) --out content.zip
  npm run backup -- recovery-key --out K`;

interface Options {
  command: string;
  file: string | null;
  data?: string;
  out?: string;
  passwordFile?: string;
  recoveryKeyFile?: string;
  journals: string[];
  check: boolean;
  lang: Lang | 'both';
}

const VALUE_OPTIONS = [
  '--data',
  '--out',
  '--password-file',
  '--recovery-key-file',
  '--journal',
  '--lang',
];
const COMMANDS = ['create', 'verify', 'restore', 'info', 'decrypt', 'recovery-key'];

export function parseArgs(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (command === undefined || !COMMANDS.includes(command)) {
    throw new UsageError(
      `${command === undefined ? 'a command is required' : `unknown command ${command}`}\n${USAGE}`,
    );
  }
  const options: Options = { command, file: null, journals: [], check: false, lang: 'both' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--check') {
      options.check = true;
      continue;
    }
    if (VALUE_OPTIONS.includes(arg)) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a value`);
      i += 1;
      if (arg === '--journal') options.journals.push(value);
      else if (arg === '--lang') {
        if (value !== 'kk' && value !== 'ru' && value !== 'both')
          throw new UsageError('--lang is kk, ru or both');
        options.lang = value;
      } else if (arg === '--data') options.data = value;
      else if (arg === '--out') options.out = value;
      else if (arg === '--password-file') options.passwordFile = value;
      else options.recoveryKeyFile = value;
      continue;
    }
    if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    if (options.file !== null)
      throw new UsageError(`one file only (got ${options.file} and ${arg})`);
    options.file = arg;
  }
  const needs = (name: keyof Options, flag: string) => {
    if (options[name] === undefined) throw new UsageError(`${flag} is required\n${USAGE}`);
  };
  if (command === 'create') {
    needs('data', '--data');
    needs('out', '--out');
    needs('passwordFile', '--password-file');
  } else if (command === 'recovery-key') {
    needs('out', '--out');
  } else {
    if (options.file === null) throw new UsageError(`${command} needs a backup file\n${USAGE}`);
    if (
      command !== 'info' &&
      options.passwordFile === undefined &&
      options.recoveryKeyFile === undefined
    ) {
      throw new UsageError(`--password-file or --recovery-key-file is required\n${USAGE}`);
    }
    if (command === 'restore' || command === 'decrypt') needs('out', '--out');
  }
  for (const input of [
    options.file,
    options.data,
    options.passwordFile,
    options.recoveryKeyFile,
    ...options.journals,
  ]) {
    if (input != null && !existsSync(input)) throw new UsageError(`no such file: ${input}`);
  }
  if (options.out !== undefined && existsSync(options.out)) {
    throw new UsageError(`${options.out} exists; the command line never overwrites a file`);
  }
  return options;
}

/** A secret file's text without its final line break. */
function secretText(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

function secretOf(options: Options): BackupSecret {
  if (options.passwordFile !== undefined) return { password: secretText(options.passwordFile) };
  return { recoveryKey: secretText(options.recoveryKeyFile!) };
}

function recoveryOf(options: Options): Uint8Array | undefined {
  if (options.recoveryKeyFile === undefined) return undefined;
  const parsed = parseRecoveryKey(secretText(options.recoveryKeyFile));
  if (!parsed.ok)
    throw new BackupError(
      'invalid_recovery_key',
      '',
      parsed.group === null ? {} : { info: { group: parsed.group } },
    );
  return parsed.key;
}

export interface Io {
  log: (message: string) => void;
  result: (value: object) => void;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.log(error.message);
      return 2;
    }
    throw error;
  }
  try {
    switch (options.command) {
      case 'create':
        await create(options, io);
        break;
      case 'verify':
        await verify(options, io);
        break;
      case 'restore':
        await restore(options, io);
        break;
      case 'info':
        await info(options, io);
        break;
      case 'decrypt':
        await decrypt(options, io);
        break;
      default:
        await newRecoveryKey(options, io);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      for (const lang of options.lang === 'both' ? (['kk', 'ru'] as const) : [options.lang]) {
        io.log(`${lang}: ${describeBackupError(error, lang)}`);
      }
      io.log(`(${error.message})`);
      return error.code === 'invalid_input' ? 1 : 3;
    }
    if (error instanceof InvalidData) {
      io.log(error.message);
      return 3;
    }
    if (error instanceof UsageError) {
      io.log(error.message);
      return 2;
    }
    throw error;
  }
}

function progress(io: Io, label: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < 1000 && done < total) return;
    last = now;
    io.log(`${label} ${Math.round((done / Math.max(total, 1)) * 100)}%`);
  };
}

async function create(options: Options, io: Io): Promise<void> {
  const started = performance.now();
  const data = options.data!;
  const total = statSync(data).size;
  io.log(
    `create: checking ${data}${options.check ? ' (every record against the app’s schemas)' : ''}`,
  );
  const scan = await scanExportJson(
    counted(readChunks(data), total, progress(io, 'create: checked')),
    { validate: options.check },
  );
  if (!scan.ok || scan.envelope === null) {
    const lines = scan.problems.map((problem) =>
      describeExportProblem(problem, options.lang === 'kk' ? 'kk' : 'ru'),
    );
    throw new InvalidData(`create: ${data} is not a valid Tizilim export:\n${lines.join('\n')}`);
  }
  const password = secretText(options.passwordFile!);
  const recoveryKey = recoveryOf(options);
  const out = path.resolve(options.out!);
  const partial = await PartialFile.create(path.dirname(out), 'cli00000');
  try {
    const writer = await BackupWriter.create(
      {
        createdAt: new Date().toISOString(),
        appVersion: `command-line ${process.env['npm_package_version'] ?? ''}`.trim(),
        device: { id: 'command-line', name: hostname().slice(0, 100) },
        reason: 'command_line',
        logId: null,
        changeSeq: null,
        counts: scan.counts,
        files: scan.files,
        export: scan.envelope,
      },
      { password, ...(recoveryKey === undefined ? {} : { recoveryKey }) },
      (chunk) => partial.write(chunk),
      { deflate: nativeDeflate },
    );
    io.log(`create: writing ${out}`);
    // The first pass parsed every record; this one copies them as they are.
    for await (const item of exportJsonLines(
      counted(readChunks(data), total, progress(io, 'create: written')),
    )) {
      await writer.add(item);
    }
    const summary = await writer.finish();
    await partial.seal();
    await verifyBackup(
      readChunks(partial.path),
      recoveryKey === undefined ? { password } : { recoveryKey },
    );
    await partial.commit(path.basename(out));
    io.log(`create: done in ${Math.round(performance.now() - started)} ms`);
    io.result({
      file: out,
      bytes: summary.bytes,
      counts: summary.header.counts,
      files: summary.header.files,
      ms: Math.round(performance.now() - started),
    });
  } catch (error) {
    await partial.discard();
    throw error;
  }
}

/** Reports how far through `total` bytes the source is. */
async function* counted(
  source: AsyncIterable<Uint8Array>,
  total: number,
  report: (done: number, total: number) => void,
): AsyncGenerator<Uint8Array> {
  let done = 0;
  for await (const chunk of source) {
    done += chunk.byteLength;
    report(done, total);
    yield chunk;
  }
}

interface Opened {
  header: BackupHeader | null;
  items: AsyncGenerator<BackupItem | RawLinesItem>;
  journal: { changes: number; lastAt: string | null } | null;
  export: { exportedAt: string; appVersion: string; demo: boolean };
}

/** The backup's items, verified as they are read, with the journals applied. */
async function openItems(options: Options, io: Io, raw = false): Promise<Opened> {
  const file = options.file!;
  const total = statSync(file).size;
  const kind = sniffFile(readHeadSync(file));
  if (kind === 'export-json') {
    io.log(`${options.command}: ${file} is an unencrypted export written by an older Tizilim`);
    const scan = await scanExportJson(readChunks(file), { validate: false });
    if (scan.envelope === null) throw new BackupError('damaged', 'not an export');
    return {
      header: null,
      items: exportJsonItems(
        counted(readChunks(file), total, progress(io, `${options.command}: read`)),
      ),
      journal: null,
      export: scan.envelope,
    };
  }
  const secret = secretOf(options);
  const opened = await openBackup(
    counted(readChunks(file), total, progress(io, `${options.command}: read`)),
    { inflate: nativeInflate },
  );
  const unlocked = await opened.unlock(secret);
  const header = unlocked.header;
  let items: AsyncGenerator<BackupItem | RawLinesItem> =
    raw && options.journals.length === 0 ? unlocked.rawItems() : unlocked.items();
  let journal: Opened['journal'] = null;
  if (options.journals.length > 0) {
    const read: JournalContents[] = [];
    for (const name of options.journals) read.push(await readJournal(readChunks(name), secret));
    for (const contents of read) {
      if (contents.torn !== null)
        io.log(
          `${options.command}: the last ${contents.torn.bytes} bytes of a journal were an interrupted write and are ignored`,
        );
    }
    const chain = chainJournals(header, read);
    if (chain.length === 0)
      throw new BackupError('journal_mismatch', 'no journal continues this backup');
    const changes = journalChanges(chain, header.changeSeq!);
    journal = { changes: changes.length, lastAt: changes.at(-1)?.at ?? null };
    items = applyJournalToItems(items as AsyncGenerator<BackupItem>, changes);
  }
  return { header, items, journal, export: unlocked.manifest.export };
}

function readHeadSync(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

async function verify(options: Options, io: Io): Promise<void> {
  const started = performance.now();
  const opened = await openItems(options, io);
  const { counts, files } = await countItems(opened.items);
  io.log(`verify: the file is good (${Math.round(performance.now() - started)} ms)`);
  io.result({
    ok: true,
    format: opened.header === null ? 'export-json' : 'backup',
    createdAt: opened.header?.createdAt ?? opened.export.exportedAt,
    device: opened.header?.device ?? null,
    counts,
    files,
    journal: opened.journal,
    ms: Math.round(performance.now() - started),
  });
}

/**
 * Writes the restored data as an export. Records go to one temporary NDJSON file per table
 * and file bytes to their own files as they arrive (a journal adds records after the other
 * tables), then the export is assembled table by table: memory stays at one record.
 */
async function restore(options: Options, io: Io): Promise<void> {
  const started = performance.now();
  const opened = await openItems(options, io, true);
  const temp = await mkdtemp(path.join(tmpdir(), 'tizilim-restore-'));
  const handles = new Map<string, FileHandle>();
  const handle = async (name: string) => {
    let h = handles.get(name);
    if (h === undefined) handles.set(name, (h = await open(path.join(temp, name), 'w')));
    return h;
  };
  const counts: Record<string, number> = {};
  try {
    for await (const item of opened.items) {
      if (item.kind === 'lines') {
        counts[item.table] = (counts[item.table] ?? 0) + item.lines.length;
        const out = await handle(`${item.table}.ndjson`);
        await out.writev(item.lines.flatMap((line) => [line, NEWLINE]));
      } else if (item.kind === 'records') {
        counts[item.table] = (counts[item.table] ?? 0) + item.records.length;
        const text = item.records.map((r) => `${JSON.stringify(r)}\n`).join('');
        await (await handle(`${item.table}.ndjson`)).write(text);
      } else {
        await (await handle(`file-${item.id}`)).write(item.data);
      }
    }
    for (const h of handles.values()) await h.close();
    handles.clear();
    const out = path.resolve(options.out!);
    const partial = await PartialFile.create(path.dirname(out), 'cli00000');
    try {
      // Written in 1 MiB blocks, not a system call per record.
      let block: string[] = [];
      let blockLength = 0;
      const flush = async () => {
        if (block.length > 0) await partial.write(new TextEncoder().encode(block.join('')));
        block = [];
        blockLength = 0;
      };
      const write = async (text: string) => {
        block.push(text);
        blockLength += text.length;
        if (blockLength >= 1024 * 1024) await flush();
      };
      const envelope = { format: EXPORT_FORMAT, version: EXPORT_VERSION, ...opened.export };
      await write(`${JSON.stringify(envelope).slice(0, -1)},"tables":{`);
      for (const [t, table] of EXPORT_TABLE_NAMES.entries()) {
        await write(`${t === 0 ? '' : ','}${JSON.stringify(table)}:[`);
        const lines = path.join(temp, `${table}.ndjson`);
        if (existsSync(lines)) {
          let first = true;
          for await (const line of ndjsonLines(lines)) {
            let text = line;
            if (table === 'attachments') {
              const record = JSON.parse(line) as { id: string };
              const bytes = readFileSync(path.join(temp, `file-${record.id}`));
              text = JSON.stringify({
                ...record,
                file: { encoding: 'base64', data: toBase64(bytes) },
              });
            }
            await write(`${first ? '' : ','}${text}`);
            first = false;
          }
        }
        await write(']');
      }
      await write('}}\n');
      await flush();
      await partial.seal();
      await partial.commit(path.basename(out));
    } catch (error) {
      await partial.discard();
      throw error;
    }
    io.log(`restore: wrote ${out} in ${Math.round(performance.now() - started)} ms`);
    io.result({
      file: out,
      counts,
      journal: opened.journal,
      ms: Math.round(performance.now() - started),
    });
  } finally {
    for (const h of handles.values()) await h.close();
    await rm(temp, { recursive: true, force: true });
  }
}

async function* ndjsonLines(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of readChunks(file)) {
    rest += decoder.decode(chunk, { stream: true });
    let at: number;
    while ((at = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, at);
      rest = rest.slice(at + 1);
    }
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}

async function info(options: Options, io: Io): Promise<void> {
  const file = options.file!;
  const kind = sniffFile(readHeadSync(file));
  if (kind !== 'backup') {
    io.result({ format: kind, bytes: statSync(file).size });
    if (kind === 'unknown') throw new BackupError('not_a_backup');
    return;
  }
  const { header } = await readPrefix<BackupHeader>(
    new ByteReader(readChunks(file, 65_536)),
    'backup',
  );
  const { keys, cipher: _cipher, ...rest } = header;
  io.result({
    ...rest,
    bytes: statSync(file).size,
    opensWith: keys.map((k) => (k.kind === 'recovery' ? `recovery key ${k.keyId}` : 'password')),
  });
}

/** The zip inside, for IT staff who want to look with any zip tool (plain personal data!). */
async function decrypt(options: Options, io: Io): Promise<void> {
  const reader = new ByteReader(readChunks(options.file!));
  const { header, headerHash } = await readPrefix<BackupHeader>(reader, 'backup');
  const key = await unlockDataKey(header, secretOf(options));
  const out = path.resolve(options.out!);
  const partial = await PartialFile.create(path.dirname(out), 'cli00000');
  try {
    for await (const plain of decryptSegments(reader, {
      key,
      noncePrefix: fromBase64Url(header.cipher.noncePrefix),
      headerHash,
      segmentSize: header.cipher.segmentSize,
    })) {
      await partial.write(plain);
    }
    await partial.seal();
    await partial.commit(path.basename(out));
  } catch (error) {
    await partial.discard();
    throw error;
  }
  io.log(`decrypt: wrote ${out}. It holds personal data in clear: delete it when done.`);
  io.result({ file: out });
}

async function newRecoveryKey(options: Options, io: Io): Promise<void> {
  const key = generateRecoveryKey();
  const fd = openSync(options.out!, 'wx', 0o600);
  try {
    writeSync(fd, `${formatRecoveryKey(key)}\n`);
  } finally {
    closeSync(fd);
  }
  io.result({ file: path.resolve(options.out!), keyId: await recoveryKeyId(key) });
}
