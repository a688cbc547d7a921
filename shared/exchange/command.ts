/**
 * The command line of exchange packages (`npm run exchange`, scripts/exchange.mjs), without
 * its file reading: for IT staff who need to know what a package is before anybody
 * receives it — who wrote it for whom, which office, how many records — and, with the
 * office's password, whether it opens and every record is valid. The same code as the app.
 */
import type { Lang } from '../i18n/lang';
import { openExchangeFile, readExchangeEnvelope } from './file';
import { describeExchangeError, isExchangeError } from './errors';

export const EXCHANGE_USAGE =
  'usage: npm run exchange -- inspect --file PACKAGE.tizilim-exchange [--password-env VARIABLE] [--lang kk|ru]';

export const EXCHANGE_EXIT = { ok: 0, failed: 1, badArguments: 2, invalidInput: 3 } as const;

export interface ExchangeArgs {
  command: 'inspect';
  file: string;
  passwordEnv: string | null;
  lang: Lang;
}

export function parseExchangeArgs(
  argv: readonly string[],
): { ok: true; args: ExchangeArgs } | { ok: false; message: string } {
  const [command, ...rest] = argv;
  if (command !== 'inspect') return { ok: false, message: EXCHANGE_USAGE };
  const given = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]!;
    const value = rest[i + 1];
    if (!['--file', '--password-env', '--lang'].includes(name)) {
      return { ok: false, message: `unknown option ${name}\n${EXCHANGE_USAGE}` };
    }
    if (value === undefined || value.startsWith('--')) {
      return { ok: false, message: `${name} needs a value\n${EXCHANGE_USAGE}` };
    }
    given.set(name, value);
  }
  const file = given.get('--file');
  if (!file) return { ok: false, message: `--file is required\n${EXCHANGE_USAGE}` };
  const lang = given.get('--lang') ?? 'kk';
  if (lang !== 'kk' && lang !== 'ru')
    return { ok: false, message: `--lang kk|ru\n${EXCHANGE_USAGE}` };
  return {
    ok: true,
    args: { command: 'inspect', file, passwordEnv: given.get('--password-env') ?? null, lang },
  };
}

/** Describes a package; `password` null reads the envelope only. */
export async function inspectExchange(
  bytes: Uint8Array,
  password: string | null,
  lang: Lang,
): Promise<{ exit: number; report: unknown; message: string | null }> {
  try {
    const { envelope } = readExchangeEnvelope(bytes);
    if (password === null)
      return { exit: EXCHANGE_EXIT.ok, report: { envelope, verified: false }, message: null };
    const opened = await openExchangeFile(bytes, { password });
    const records = Object.fromEntries(
      Object.entries(opened.tables).map(([table, list]) => [table, list.length]),
    );
    return {
      exit: EXCHANGE_EXIT.ok,
      report: { envelope: opened.envelope, verified: true, records, files: opened.files.size },
      message: null,
    };
  } catch (error) {
    if (isExchangeError(error)) {
      return {
        exit: EXCHANGE_EXIT.invalidInput,
        report: { error: error.code },
        message: describeExchangeError(error.code, lang),
      };
    }
    throw error;
  }
}
