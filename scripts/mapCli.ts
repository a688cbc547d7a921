/**
 * `npm run map -- --data export.json --quarter 2026-Q3 --lang kk|ru [--level street|district|locality]
 *   [--geojson okrug.geojson] [--out map.svg]`: the problem map of a quarter from a Tizilim
 * export, for IT staff and tests, with the app's own shared/map code. Prints the hot-spot
 * ranking as the public report does (places with fewer than 3 appeals not named, the "<3"
 * rule), places named in the chosen language with the office's glossary; with --geojson
 * writes the okrug's map shaded by those counts to --out (SVG), else a ranked bar chart.
 * Exit codes: 0 done; 2 bad arguments or a missing file; 3 an invalid export or GeoJSON;
 * 1 anything else.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describeExportProblem, parseExportFile } from '@shared/export';
import { formatNumber, formatQuarter } from '@shared/format';
import { isLang, type Lang } from '@shared/i18n/lang';
import { topicLabel, type Settings } from '@shared/domain';
import {
  drawProblemMap,
  formatChange,
  GeoJsonError,
  HOT_SPOT_LEVELS,
  hotSpots,
  parseOkrugGeoJson,
  publicHotSpots,
  svgMarkup,
  type HotSpotAppeal,
  type HotSpotLevel,
  type PublicHotSpotFigures,
} from '@shared/map';
import { PlaceGlossary, renderPlaceLabel, renderPlaceName } from '@shared/map/placeNames';
import { parseQuarter, shiftQuarter } from '@shared/report/quarter';

export interface Io {
  log: (message: string) => void;
  out: (line: string) => void;
}

class Usage extends Error {}

const USAGE =
  'usage: npm run map -- --data export.json --quarter 2026-Q3 --lang kk|ru [--level street|district|locality] [--geojson okrug.geojson] [--out map.svg]';

const WORDS = {
  kk: {
    title: 'Проблемалар картасы',
    levels: { locality: 'елді мекендер', district: 'шағын аудандар', street: 'көшелер' },
    previous: 'өткен тоқсан',
    other: 'Басқа мекенжайлар',
    unspecified: 'Мекенжайы көрсетілмеген',
    none: 'Бұл тоқсанда мекенжайы бар өтініш жоқ.',
  },
  ru: {
    title: 'Карта проблем',
    levels: { locality: 'населённые пункты', district: 'микрорайоны', street: 'улицы' },
    previous: 'прошлый квартал',
    other: 'Другие адреса',
    unspecified: 'Адрес не указан',
    none: 'В этом квартале нет обращений с адресом.',
  },
} as const;

function parseArgs(argv: string[]): Record<string, string> {
  const known = ['--data', '--quarter', '--lang', '--level', '--geojson', '--out'];
  const out: Record<string, string> = { lang: 'kk', level: 'street' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (!known.includes(name)) throw new Usage(`unknown option ${name}\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new Usage(`${name} needs a value`);
    out[name.slice(2)] = value;
  }
  if (!out['data']) throw new Usage(`--data is required\n${USAGE}`);
  if (!/^\d{4}-Q[1-4]$/.test(out['quarter'] ?? '')) {
    throw new Usage(`--quarter must look like 2026-Q3, got "${out['quarter'] ?? ''}"`);
  }
  if (!isLang(out['lang'])) throw new Usage(`--lang must be kk or ru, got "${out['lang']}"`);
  if (!(HOT_SPOT_LEVELS as readonly string[]).includes(out['level']!)) {
    throw new Usage(`--level must be street, district or locality, got "${out['level']!}"`);
  }
  return out;
}

/** The ranking as lines of text, in `lang`. */
export function rankingLines(
  figures: PublicHotSpotFigures,
  settings: Pick<Settings, 'topics'>,
  lang: Lang,
  quarterLabel: string,
  name: (label: string) => string,
): string[] {
  const w = WORDS[lang];
  const lines = [`${w.title} · ${quarterLabel} · ${w.levels[figures.level]}`];
  if (figures.spots.length === 0) return [...lines, w.none];
  figures.spots.forEach((spot, i) => {
    const topics = spot.topics.map((t) => topicLabel(settings.topics, t.topic, lang)).join(', ');
    lines.push(
      `${String(i + 1).padStart(3)}. ${name(spot.label)} — ${formatNumber(spot.count)} (${w.previous}: ${spot.previous.display}, ${formatChange(spot.change)})${topics ? ` · ${topics}` : ''}`,
    );
  });
  if (figures.otherPlaceCount > 0) lines.push(`     ${w.other}: ${figures.otherPlaces.display}`);
  lines.push(`     ${w.unspecified}: ${figures.unspecified.display}`);
  return lines;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => `&#${String(ch.charCodeAt(0))};`);

/** Without a GeoJSON: the ranking as horizontal bars (at most 15 places). */
export function rankingSvg(figures: PublicHotSpotFigures, name: (label: string) => string): string {
  const spots = figures.spots.slice(0, 15);
  const width = 760;
  const row = 28;
  const height = Math.max(1, spots.length) * row + 16;
  const max = spots.reduce((m, s) => Math.max(m, s.count), 1);
  const bars = spots
    .map((spot, i) => {
      const y = 8 + i * row;
      const w = Math.max(2, Math.round((spot.count / max) * 300));
      return `<text x="340" y="${String(y + 18)}" text-anchor="end" font-size="13">${escapeXml(name(spot.label))}</text><rect x="350" y="${String(y + 4)}" width="${String(w)}" height="18" fill="#ef7d45"/><text x="${String(356 + w)}" y="${String(y + 18)}" font-size="13">${String(spot.count)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${String(width)} ${String(height)}" width="${String(width)}" height="${String(height)}" font-family="'PT Sans', sans-serif">${bars}</svg>`;
}

export function run(argv: string[], io: Io): number {
  let args: Record<string, string>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof Usage) {
      io.log(`map: ${error.message}`);
      return 2;
    }
    throw error;
  }
  for (const file of [args['data'], args['geojson']]) {
    if (file !== undefined && !existsSync(file)) {
      io.log(`map: no such file: ${file}`);
      return 2;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(args['data']!, 'utf8'));
  } catch {
    io.log(`map: ${args['data']!} is not JSON`);
    return 3;
  }
  const checked = parseExportFile(json, { now: new Date() });
  if (!checked.ok) {
    for (const problem of checked.problems.slice(0, 5))
      io.log(`map: ${describeExportProblem(problem, args['lang'] as Lang)}`);
    return 3;
  }
  const { tables } = checked.file;
  const settings = tables.settings[0];
  if (!settings) {
    io.log('map: the export holds no settings');
    return 3;
  }
  const lang = args['lang'] as Lang;
  const level = args['level'] as HotSpotLevel;
  const q = parseQuarter(args['quarter']!);
  const prev = shiftQuarter(q, -1);
  const periods = {
    period: { from: q.from, to: q.to },
    previous: { from: prev.from, to: prev.to },
  };
  const appeals = tables.appeals as HotSpotAppeal[];
  const min = settings.report.minPlaceCount;
  const figures = publicHotSpots(hotSpots(appeals, { level, ...periods }), min);
  const glossary = new PlaceGlossary(settings.report.placeNames);
  const name = (label: string) => renderPlaceLabel(label, lang, glossary).text;
  for (const line of rankingLines(figures, settings, lang, formatQuarter(q.id, lang), name))
    io.out(line);

  if (args['out'] !== undefined) {
    let svg: string;
    if (args['geojson'] !== undefined) {
      let map;
      try {
        map = parseOkrugGeoJson(readFileSync(args['geojson'], 'utf8'));
      } catch (error) {
        if (!(error instanceof GeoJsonError)) throw error;
        io.log(`map: the GeoJSON cannot be read (${error.code})`);
        return 3;
      }
      // The public counts only: a place with fewer than 3 appeals is not shaded.
      const count = (lvl: HotSpotLevel) => {
        const table = new Map<string, number>();
        for (const spot of publicHotSpots(hotSpots(appeals, { level: lvl, ...periods }), min).spots)
          table.set(spot.nameKey, (table.get(spot.nameKey) ?? 0) + spot.count);
        return table;
      };
      const drawing = drawProblemMap(
        map,
        { streets: count('street'), districts: count('district') },
        { width: 760, height: 460 },
      );
      // Area titles in the chosen language (the file may name them in either).
      drawing.shapes = drawing.shapes.map((s) => ({
        ...s,
        name: renderPlaceName(s.name, lang, glossary).text,
      }));
      svg = svgMarkup(drawing, `${WORDS[lang].title} · ${formatQuarter(q.id, lang)}`);
    } else {
      svg = rankingSvg(figures, name);
    }
    writeFileSync(args['out'], svg);
    io.log(`map: wrote ${args['out']}`);
  }
  return 0;
}
