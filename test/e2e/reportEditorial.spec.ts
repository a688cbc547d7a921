import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKzLocalDate } from '@shared/calendar/zone';
import type { ExportFile } from '@shared/export';
import { buildQuarterlyReports } from '@shared/report';

/**
 * The editor's report on a realistic office: `npm run demo-data` writes 10,000 appeals (a
 * year and more of a busy okrug), `npm run report --lang both` prints 2026-Q3 in Kazakh and
 * Russian. Each language fits in 10 A4 pages, and each prints only its own language's
 * public summaries.
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

function pageText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
  }).replace(/[\u00a0\u202f\s]+/g, ' ');
}

function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tizilim-report-editorial-'));
  exportPath = join(dir, 'export.json');
  const made = npm(['demo-data', '--', '--appeals', '10000', '--seed', '1', '--out', exportPath]);
  expect(made.status, made.stderr).toBe(0);
  file = JSON.parse(readFileSync(exportPath, 'utf8')) as ExportFile;
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the editor’s report of a 10,000-appeal office', () => {
  it('fits each language in at most 10 pages and prints only that language’s texts', () => {
    const pdf = join(dir, 'report-both.pdf');
    const run = npm([
      'report',
      '--',
      '--data',
      exportPath,
      '--quarter',
      QUARTER,
      '--lang',
      'both',
      '--out',
      pdf,
      // The optional «7 steps» page too: the longest report still fits.
      '--scorecard',
      'yes',
    ]);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const pages = pageCount(pdf);
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    // The Russian report starts on the page with its title.
    const ruStart = texts.findIndex((text) => text.includes('Публичный отчёт депутата'));
    expect(ruStart).toBeGreaterThan(0);
    const kkPages = texts.slice(0, ruStart);
    const ruPages = texts.slice(ruStart);
    expect(kkPages[0]).toContain('Депутаттың жария есебі');
    expect(kkPages.length).toBeLessThanOrEqual(10);
    expect(ruPages.length).toBeLessThanOrEqual(10);

    // Places are named in the report's language: the Russian pages print no Kazakh generic
    // word of a place name (the streets and microdistricts of the demo office are
    // «… даңғылы», «… көшесі», «… шағын ауданы»), and the Kazakh pages print them.
    for (const word of ['даңғылы', 'көшесі', 'шағын ауданы']) {
      expect(ruPages.join(' ')).not.toContain(word);
      expect(kkPages.join(' ')).toContain(word);
    }
    expect(ruPages.join(' ')).toMatch(/проспект Абая|улица Кенесары/);

    // The «7 steps» page in each language.
    expect(kkPages.join(' ')).toContain('Ашық депутатқа 7 қадам');
    expect(ruPages.join(' ')).toContain('7 шагов к открытому депутату');

    // No page holds only the contacts (or only a heading): each has some body text.
    for (const text of texts) expect(text.length).toBeGreaterThan(600);

    // Every summary the model prints is in its language's pages, and no summary of the
    // other language is printed anywhere in them.
    const t = file.tables;
    const [kk, ru] = buildQuarterlyReports(
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
      { langs: ['kk', 'ru'], today: toKzLocalDate(new Date()) },
    );
    const printed = (report: typeof kk) =>
      [...report!.resolved.summaries, ...report!.unresolved.summaries].flatMap((g) =>
        g.items.map((i) => i.text),
      );
    const kkText = kkPages.join(' ');
    const ruText = ruPages.join(' ');
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    const head = (s: string) => squash(s).slice(0, 40);
    expect(printed(kk).length).toBeGreaterThan(10);
    for (const text of printed(kk)) expect(kkText).toContain(head(text));
    for (const text of printed(ru)) expect(ruText).toContain(head(text));
    for (const appeal of file.tables.appeals) {
      const { kk: k, ru: r } = appeal.publicSummary;
      if (k.length > 40) expect(ruText).not.toContain(head(k));
      if (r.length > 40) expect(kkText).not.toContain(head(r));
    }
  }, 600_000);
});
