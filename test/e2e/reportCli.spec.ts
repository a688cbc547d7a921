import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKzLocalDate } from '@shared/calendar/zone';
import type { ExportFile } from '@shared/export';
import { buildQuarterlyReport, type QuarterlyReport } from '@shared/report';
import { formatNumber, formatPercent } from '@shared/format';
import { malformedExports, validSmallOffice } from '@test/fixtures/malformedExports';

/**
 * The command-line report end to end: `npm run demo-data` writes a 5,000-appeal office,
 * `npm run report` loads it into Chromium through the app's import and prints the print
 * route; the PDF is read back with poppler and compared with the report model computed
 * here from the same export.
 */
const QUARTER = '2026-Q3';
const renderer = process.env.TIZILIM_RENDERER_DIR ?? 'dist/renderer';
const env = { ...process.env, TIZILIM_RENDERER_DIR: renderer };
let dir: string;
let exportPath: string;
let file: ExportFile;

function npm(args: string[]) {
  return spawnSync('npm', ['run', '--silent', ...args], { env, encoding: 'utf8' });
}

/** PDF text with no-break spaces as spaces and line layout flattened. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(
    /[\u00a0\u202f]/g,
    ' ',
  );
}

function flat(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tizilim-report-cli-'));
  exportPath = join(dir, 'export.json');
  const made = npm(['demo-data', '--', '--appeals', '5000', '--seed', '1', '--out', exportPath]);
  expect(made.status, made.stderr).toBe(0);
  file = JSON.parse(readFileSync(exportPath, 'utf8')) as ExportFile;
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run report', () => {
  it('prints the quarter of a 5,000-appeal export with the model’s numbers and no personal data', () => {
    const pdf = join(dir, 'report-kk.pdf');
    const run = npm([
      'report',
      '--',
      '--data',
      exportPath,
      '--quarter',
      QUARTER,
      '--lang',
      'kk',
      '--out',
      pdf,
    ]);
    expect(run.status, run.stderr).toBe(0);
    // Progress on stderr, one JSON line on stdout.
    expect(run.stderr).toContain('import: checking');
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      appeals: 5000,
    });

    const t = file.tables;
    const report: QuarterlyReport = buildQuarterlyReport(
      {
        appeals: t.appeals,
        applicants: t.applicants.map(({ id, fullName }) => ({ id, fullName })),
        receptions: t.receptions,
        inquiries: t.inquiries,
        initiatives: t.initiatives,
        planItems: t.planItems,
        settings: t.settings[0]!,
      },
      QUARTER,
      // The print route's "today" is the session's: the Kazakhstan date now.
      { lang: 'kk', today: toKzLocalDate(new Date()) },
    );
    expect(report.blocked).toBeNull();
    const text = pdfText(pdf);
    const firstPage = text.split('\f')[0]!;
    const word = (n: number) =>
      new RegExp(`(^|\\s)${formatNumber(n).replace(/\s/g, '\\s')}(\\s|$)`);

    // The headline block on the first page.
    const a = report.appeals;
    expect(a.total).toBeGreaterThan(100);
    for (const n of [
      a.total,
      a.change.previous,
      report.resolved.decidedTotal,
      report.resolved.resolved,
      a.receptions.held,
      a.receptions.visitors,
    ]) {
      expect(firstPage).toMatch(word(n));
    }
    // The indicators, as the model computes them.
    const ind = report.indicators;
    for (const s of [
      formatPercent(ind.decidedWithinDeadline.percent),
      formatPercent(ind.firstContactWithin72h.percent),
      formatPercent(ind.inquiries.onTimeShare.percent),
      ind.medianWorkingDaysDisplay,
      ind.receptionsPerMonthDisplay,
    ]) {
      expect(text).toContain(flat(s));
    }
    for (const n of [
      ind.decidedWithinDeadline.numerator,
      ind.decidedWithinDeadline.denominator,
      ind.inquiries.sent,
    ]) {
      expect(text).toMatch(word(n));
    }

    // No applicant's name, IIN or phone anywhere in the document.
    const packed = text.replace(/\s/g, '');
    const leaks: string[] = [];
    for (const applicant of t.applicants) {
      if (applicant.fullName !== '' && text.includes(applicant.fullName)) {
        leaks.push(applicant.fullName);
      }
      if (applicant.iin && packed.includes(applicant.iin)) leaks.push(applicant.iin);
      for (const phone of applicant.phones) {
        // +77011234567, 87011234567 and 7011234567 all end in the ten national digits.
        if (packed.includes(phone.slice(2))) leaks.push(phone);
      }
    }
    expect(leaks).toEqual([]);

    // Only the bundled font, embedded.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(
        /^[A-Z]{6}\+PTSans-(Regular|Bold|Italic|BoldItalic)\s.*\byes\s+yes\s+yes\b/,
      );
    }
  }, 900_000);

  it('refuses bad arguments with exit code 2 and a clear message', () => {
    const missing = npm(['report', '--', '--data', join(dir, 'nope.json'), '--quarter', QUARTER]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('export file not found');

    const quarter = npm(['report', '--', '--data', exportPath, '--quarter', '2026-Q5']);
    expect(quarter.status).toBe(2);
    expect(quarter.stderr).toContain('--quarter must look like 2026-Q3');

    const lang = npm(['report', '--', '--data', exportPath, '--quarter', QUARTER, '--lang', 'en']);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('--lang must be kk, ru or both');
  });

  it('refuses an invalid export with exit code 3, naming the record, and writes no PDF', () => {
    const bad = JSON.parse(
      JSON.stringify({
        ...file,
        tables: { ...file.tables, appeals: file.tables.appeals.slice(0, 3) },
      }),
    ) as ExportFile;
    (bad.tables.appeals[1] as { channel: string }).channel = 'pigeon';
    const badPath = join(dir, 'bad.json');
    writeFileSync(badPath, JSON.stringify({ ...bad, tables: { ...bad.tables, events: [] } }));
    const pdf = join(dir, 'bad.pdf');
    const run = npm([
      'report',
      '--',
      '--data',
      badPath,
      '--quarter',
      QUARTER,
      '--lang',
      'ru',
      '--out',
      pdf,
    ]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('Таблица «Обращения», запись № 2, поле «channel»');
    expect(() => readFileSync(pdf)).toThrow();
  }, 300_000);
});

/**
 * Failures of the command, each with its exit code and a `report: …` line, and never a
 * hang: every run is killed by the test after three minutes (the command gives up on its
 * own long before).
 */
describe('npm run report when it cannot print', () => {
  const LIMIT_MS = 180_000;

  function report(file: unknown, extra: string[] = []) {
    const path = join(dir, `case-${String(Math.random()).slice(2)}.json`);
    writeFileSync(path, typeof file === 'string' ? file : JSON.stringify(file));
    const pdf = join(dir, 'never.pdf');
    const run = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'report',
        '--',
        '--data',
        path,
        '--quarter',
        QUARTER,
        '--lang',
        'ru',
        '--out',
        pdf,
        ...extra,
      ],
      { env, encoding: 'utf8', timeout: LIMIT_MS },
    );
    expect(run.signal, 'the command hung and was killed').toBeNull();
    expect(() => readFileSync(pdf)).toThrow();
    return {
      status: run.status,
      last: run.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('report: ') || l.startsWith('  '))
        .join('\n'),
    };
  }

  const corpus = new Map(malformedExports().map((v) => [v.name, v.input]));

  it.each([
    ['a file whose bytes are not base64', 'Содержимое файла повреждено: неверный текст base64'],
    [
      'an appeal names an applicant who is not in the file',
      'ссылка на запись, которой нет в таблице «Заявители»',
    ],
    [
      'a registry number that would push the counter to 1e21',
      'Регистрационный номер должен иметь вид ГГГГ-NNNN',
    ],
    ['a NUL in a subject', 'невидимые управляющие символы'],
    ['two applicants are merged into each other', 'цепочка объединений замыкается'],
  ])(
    'refuses %s with exit code 3',
    (name, message) => {
      const input = corpus.get(name);
      expect(input, name).toBeDefined();
      const run = report(input);
      expect(run.status).toBe(3);
      expect(run.last).toContain('report: the export is invalid');
      expect(run.last).toContain(message);
    },
    LIMIT_MS,
  );

  it(
    'fails with exit code 3, not a hang, on an export without settings',
    () => {
      const office = validSmallOffice();
      office.tables.settings = [];
      for (const appeal of office.tables.appeals) appeal.assignee = null;
      for (const inquiry of office.tables.inquiries) inquiry.assignee = null;
      const run = report(office);
      expect(run.status).toBe(3);
      expect(run.last).toContain('report: the export cannot make a report');
      expect(run.last).toContain('В экспорте нет настроек');
    },
    LIMIT_MS,
  );

  it(
    'fails with exit code 3, not a hang, when the settings list no active staff',
    () => {
      const office = validSmallOffice();
      const settings = office.tables.settings[0] as { users: { active: boolean }[] };
      for (const user of settings.users) user.active = false;
      const run = report(office);
      expect(run.status).toBe(3);
      expect(run.last).toContain('нет ни одного действующего сотрудника');
    },
    LIMIT_MS,
  );

  it(
    'stops with exit code 4 when a public summary holds a phone number',
    () => {
      const office = validSmallOffice();
      for (const appeal of office.tables.appeals) {
        if (appeal.inReport) appeal.publicSummary = 'Жарық орнатылды, тел. 8 701 123–45–67.';
      }
      const run = report(office);
      expect(run.status).toBe(4);
      expect(run.last).toContain('report: the report is blocked by the anonymisation check');
    },
    LIMIT_MS,
  );

  it(
    'gives up after --timeout with exit code 1 and says where it was',
    () => {
      const run = report(validSmallOffice(), ['--timeout', '1']);
      expect(run.status).toBe(1);
      expect(run.last).toMatch(/^report: gave up after 1 s \(--timeout\) while /m);
    },
    LIMIT_MS,
  );

  it(
    'refuses a bad --timeout with exit code 2',
    () => {
      const run = report(validSmallOffice(), ['--timeout', 'soon']);
      expect(run.status).toBe(2);
      expect(run.last).toContain('--timeout must be a whole number of seconds');
    },
    LIMIT_MS,
  );
});
