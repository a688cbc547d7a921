// npm run exchange -- inspect --file PACKAGE.tizilim-exchange [--password-env VARIABLE] [--lang kk|ru]
// Says what an exchange package is (docs/exchange.md): who wrote it for which laptop of which
// office, its number, what it acknowledges, how many records it declares; with the office's
// backup password (taken from the named environment variable, never from the command line)
// it also opens the package and checks every record, as the app does before a merge.
//
// The report is JSON on stdout. Exit codes: 0 fine; 3 not a package, damaged, wrong password
// or newer version (the reason in Kazakh or Russian on stderr); 2 bad arguments or a missing
// file; 1 anything else.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTs as load } from './load-ts.mjs';

async function main() {
  const { parseExchangeArgs, inspectExchange, EXCHANGE_EXIT } = await load(
    'shared/exchange/index.ts',
  );
  const parsed = parseExchangeArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`exchange: ${parsed.message}`);
    return EXCHANGE_EXIT.badArguments;
  }
  const { file, passwordEnv, lang } = parsed.args;
  const path = resolve(process.cwd(), file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    console.error(`exchange: --file: file not found: ${path}`);
    return EXCHANGE_EXIT.badArguments;
  }
  let password = null;
  if (passwordEnv !== null) {
    password = process.env[passwordEnv] ?? null;
    if (!password) {
      console.error(`exchange: the environment variable ${passwordEnv} is empty`);
      return EXCHANGE_EXIT.badArguments;
    }
  }
  const result = await inspectExchange(new Uint8Array(readFileSync(path)), password, lang);
  console.log(JSON.stringify(result.report, null, 2));
  if (result.message) console.error(result.message);
  return result.exit;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
