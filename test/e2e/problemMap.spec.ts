import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppeal } from '@renderer/db/repositories';
import { baseUrl, screenshot } from './harness';
import { buildOffice, openSeededApp, useBrowser, type TableDump } from './seed';

const GEOJSON = new URL('../fixtures/maps/okrug7.geojson', import.meta.url);
const NOW = new Date('2026-11-20T05:00:00Z');

/** Q4 2026: Абай даңғылы 4 (one typed «пр. Абай»), Самал 3, Кенесары 2; Q3: Абай 1. */
async function seedOffice(): Promise<TableDump> {
  return buildOffice(
    async ({ db, ctx }) => {
      const appeal = async (receivedAt: string, street: string, district = '', topic = 'housing') =>
        createAppeal(
          db,
          {
            channel: 'reception',
            applicantId: null,
            receivedAt,
            topic,
            subject: 'Аулада жарық жоқ',
            text: 'Кешкі уақытта аула қараңғы.',
            location: { locality: 'Астана', district, street, building: '' },
          },
          ctx,
        );
      await appeal('2026-10-05T10:00', 'Абай даңғылы', '', 'roads_transport');
      await appeal('2026-10-12T10:00', 'Абай даңғылы', '', 'roads_transport');
      await appeal('2026-11-02T10:00', 'пр. Абай', '', 'roads_transport');
      await appeal('2026-11-10T10:00', 'Абай даңғылы');
      await appeal('2026-10-07T10:00', '', 'Самал шағын ауданы', 'heating_gas');
      await appeal('2026-10-20T10:00', '', 'Самал шағын ауданы', 'heating_gas');
      await appeal('2026-11-03T10:00', '', 'Самал шағын ауданы', 'heating_gas');
      await appeal('2026-10-08T10:00', 'Кенесары көшесі');
      await appeal('2026-11-04T10:00', 'Кенесары көшесі');
      await appeal('2026-08-04T10:00', 'Абай даңғылы');
    },
    { now: NOW },
  );
}

describe('problem map', () => {
  const suite = useBrowser();
  let dump: TableDump | undefined;

  for (const lang of ['kk', 'ru'] as const) {
    it(`ranks the streets, loads the okrug's GeoJSON and shades the areas with appeals (${lang})`, async () => {
      dump ??= await seedOffice();
      const { page, errors } = await openSeededApp(suite.browser, dump, {
        contexts: suite.contexts,
        now: NOW,
        prepare: async (p) => {
          await p.addInitScript((l) => localStorage.setItem('tizilim.lang', l), lang);
        },
        route: '/problem-map',
        waitForShell: true,
      });
      const rows = page.locator('.problem-ranking tbody tr');
      await expect
        .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-place'))))
        .toEqual(['астана / абаи', 'астана / кенесары']);
      expect(await rows.first().locator('td.num').allTextContents()).toEqual(['4', '1', '+3']);

      // A bad file is refused with its reason; nothing is stored.
      const input = page.getByTestId('okrug-map-file');
      await input.setInputFiles({
        name: 'points.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(
          JSON.stringify({
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { name: 'Абай' },
                geometry: { type: 'Point', coordinates: [71.4, 51.1] },
              },
            ],
          }),
        ),
      });
      const notice = page.locator('.problem-map-card .notice.error');
      await notice.waitFor();
      expect(await notice.textContent()).toContain(lang === 'kk' ? '1-нысанның' : 'Объект № 1');
      expect(await page.locator('.problem-map-svg').count()).toBe(0);

      await input.setInputFiles({
        name: 'okrug7.geojson',
        mimeType: 'application/geo+json',
        buffer: readFileSync(GEOJSON),
      });
      await page.locator('.problem-map-svg path[data-area]').first().waitFor();
      const area = (name: string) => page.locator(`.problem-map-svg path[data-area="${name}"]`);
      const paint = async (name: string) => ({
        fill: await area(name).getAttribute('fill'),
        stroke: await area(name).getAttribute('stroke'),
        count: await area(name).getAttribute('data-count'),
      });
      const samal = await paint('Самал шағын ауданы');
      const baiterek = await paint('Бәйтерек шағын ауданы');
      const abai = await paint('Абай даңғылы');
      const bolashak = await paint('Болашақ көшесі');
      expect([samal.count, baiterek.count, abai.count, bolashak.count]).toEqual([
        '3',
        '0',
        '4',
        '0',
      ]);
      expect(samal.fill).not.toBe(baiterek.fill);
      expect(abai.stroke).not.toBe(bolashak.stroke);
      await screenshot(page, `problem-map-${lang}`);

      // An area opens its appeals in the registry.
      await area('Абай даңғылы').click();
      await page.locator('.registry-place-filter').waitFor();
      await expect.poll(() => page.locator('.registry-body .registry-row').count()).toBe(4);
      await screenshot(page, `problem-map-registry-${lang}`);

      // The public report: the named places (≥ 3 appeals) shaded on the map, Кенесары (2) not.
      await page.goto(`${baseUrl()}#/print/report?quarter=2026-Q4&lang=${lang}`);
      const section = page.locator(`[data-problem-map="${lang}"]`);
      await section.locator('svg path[data-area]').first().waitFor();
      expect(
        await section.locator('path[data-area="Абай даңғылы"]').getAttribute('data-count'),
      ).toBe('4');
      expect(
        await section.locator('path[data-area="Кенесары көшесі"]').getAttribute('data-count'),
      ).toBe('0');
      expect(await section.locator('tbody tr').count()).toBe(1);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `problem-map-report-${lang}`);
      await page.pdf({
        path: `test-results/screenshots/problem-map-report-${lang}.pdf`,
        format: 'A4',
      });
      expect(errors).toEqual([]);
    });
  }
});
