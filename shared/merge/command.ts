/**
 * The command line of the merge (`npm run merge`, scripts/merge.mjs), without its file
 * reading and writing: arguments, validation of both exports with shared/export, the office
 * check, the merge, and the exit code. For IT staff and for tests; docs/merge.md.
 */
import { describeExportProblem, parseExportFile, type ExportFile } from '../export';
import type { Lang } from '../i18n/lang';
import { deviceCodeOf } from '../numbering/format';
import { mergeExports } from './dataset';
import type { Conflict, DuplicateApplicants, MergeResult, Renumbering } from './types';

export const MERGE_USAGE =
  'usage: npm run merge -- --into office-export.json --from other-export.json --out merged.json ' +
  '[--conflicts conflicts.json] [--base common-export.json] [--from-device NAME] [--now ISO-TIME] ' +
  '[--user STAFF-ID] [--lang kk|ru]';

export const MERGE_EXIT = {
  merged: 0,
  failed: 1,
  badArguments: 2,
  invalidInput: 3,
  conflicts: 5,
} as const;

export interface MergeArgs {
  into: string;
  from: string;
  out: string;
  conflicts: string;
  base: string | null;
  fromDevice: string | null;
  now: string | null;
  user: string;
  lang: Lang;
}

const OPTIONS = [
  '--into',
  '--from',
  '--out',
  '--conflicts',
  '--base',
  '--from-device',
  '--now',
  '--user',
  '--lang',
] as const;

export function parseMergeArgs(
  argv: readonly string[],
): { ok: true; args: MergeArgs } | { ok: false; message: string } {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (!(OPTIONS as readonly string[]).includes(name)) {
      return { ok: false, message: `unknown option ${name}\n${MERGE_USAGE}` };
    }
    if (value === undefined || value.startsWith('--')) {
      return { ok: false, message: `${name} needs a value\n${MERGE_USAGE}` };
    }
    if (given.has(name)) return { ok: false, message: `${name} is given twice` };
    given.set(name, value);
  }
  for (const required of ['--into', '--from', '--out']) {
    if (!given.has(required))
      return { ok: false, message: `${required} is required\n${MERGE_USAGE}` };
  }
  const now = given.get('--now') ?? null;
  if (now !== null && Number.isNaN(Date.parse(now))) {
    return { ok: false, message: `--now must be a moment like 2026-12-01T05:00:00Z, got "${now}"` };
  }
  const lang = given.get('--lang') ?? 'ru';
  if (lang !== 'kk' && lang !== 'ru') {
    return { ok: false, message: `--lang must be kk or ru, got "${lang}"` };
  }
  const out = given.get('--out')!;
  return {
    ok: true,
    args: {
      into: given.get('--into')!,
      from: given.get('--from')!,
      out,
      conflicts: given.get('--conflicts') ?? out.replace(/(\.json)?$/i, '.conflicts.json'),
      base: given.get('--base') ?? null,
      fromDevice: given.get('--from-device') ?? null,
      now: now === null ? null : new Date(now).toISOString(),
      user: given.get('--user') ?? 'system',
      lang,
    },
  };
}

/** What `conflicts.json` holds: everything a person has to look at after the merge. */
export interface MergeReport {
  format: 'tizilim-merge-report';
  version: 1;
  mergedAt: string;
  into: string;
  from: string;
  summary: MergeResult['summary'];
  conflicts: Conflict[];
  renumberings: Renumbering[];
  duplicates: DuplicateApplicants[];
}

export type MergeRun =
  | { exitCode: 0 | 5; file: ExportFile; report: MergeReport; messages: string[] }
  | { exitCode: 3; messages: string[] };

const OTHER_OFFICE: Record<Lang, string> = {
  kk: 'Файлдар әртүрлі кеңселердікі: басқа кеңсенің деректері біріктірілмейді.',
  ru: 'Файлы принадлежат разным офисам: данные другого офиса не объединяются.',
};

function parsed(
  label: string,
  input: unknown,
  lang: Lang,
  now: string,
): { ok: true; file: ExportFile } | { ok: false; messages: string[] } {
  const result = parseExportFile(input, { now: new Date(now) });
  if (result.ok) return result;
  return {
    ok: false,
    messages: result.problems.map((p) => `${label}: ${describeExportProblem(p, lang)}`),
  };
}

/**
 * Merges the export `from` into the export `into` (the office laptop's: it keeps the number
 * series) as the app would. Inputs are the files' texts (or parsed JSON).
 */
export function runMerge(
  inputs: { into: unknown; from: unknown; base?: unknown },
  args: Pick<MergeArgs, 'into' | 'from' | 'fromDevice' | 'now' | 'user' | 'lang'>,
): MergeRun {
  const now = args.now ?? new Date().toISOString();
  const into = parsed(args.into, inputs.into, args.lang, now);
  const from = parsed(args.from, inputs.from, args.lang, now);
  const base = inputs.base === undefined ? null : parsed('--base', inputs.base, args.lang, now);
  const messages = [
    ...(into.ok ? [] : into.messages),
    ...(from.ok ? [] : from.messages),
    ...(base && !base.ok ? base.messages : []),
  ];
  if (!into.ok || !from.ok || (base && !base.ok)) return { exitCode: 3, messages };
  const settings = into.file.tables.settings[0];
  const deviceId = settings?.numberIssuerDeviceId ?? 'office';
  const merged = mergeExports(into.file, from.file, {
    context: {
      now,
      userId: args.user,
      device: { deviceId, deviceCode: deviceCodeOf(deviceId), issuer: true },
      from: { deviceId: args.fromDevice ?? args.from, name: args.fromDevice ?? args.from },
    },
    ...(base?.ok ? { base: base.file } : {}),
  });
  if (!merged.ok) return { exitCode: 3, messages: [OTHER_OFFICE[args.lang]] };
  const { result } = merged;
  const report: MergeReport = {
    format: 'tizilim-merge-report',
    version: 1,
    mergedAt: now,
    into: args.into,
    from: args.from,
    summary: result.summary,
    conflicts: result.conflicts,
    renumberings: result.renumberings,
    duplicates: result.duplicates,
  };
  return {
    exitCode: result.conflicts.length > 0 ? 5 : 0,
    file: merged.file,
    report,
    messages: summaryLines(result),
  };
}

function summaryLines(result: MergeResult): string[] {
  const count = (record: Partial<Record<string, number>>) =>
    Object.entries(record)
      .map(([table, n]) => `${table} ${String(n)}`)
      .join(', ') || 'none';
  return [
    `added: ${count(result.summary.added)}`,
    `changed: ${count(result.summary.changed)}`,
    `renumbered: ${String(result.renumberings.length)}`,
    `same person on both sides: ${String(result.duplicates.length)}`,
    `conflicts: ${String(result.conflicts.length)}`,
  ];
}
