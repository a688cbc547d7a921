import { describe, expect, it } from 'vitest';
import { buildSocialCardSvg, cardFigures, wrapText } from '@shared/card';
import { buildQuarterlyReport } from '@shared/report';
import { fixtureInput, QUARTER, TODAY } from '../report/fixture';

const kk = buildQuarterlyReport(fixtureInput(), QUARTER, { lang: 'kk', today: TODAY });
const ru = buildQuarterlyReport(fixtureInput(), QUARTER, { lang: 'ru', today: TODAY });

describe('the Telegram/Instagram card', () => {
  it('is an SVG of 1080×1080 or 1080×1350 with the quarter in the card’s language', () => {
    const square = buildSocialCardSvg(kk, 'square');
    expect(square).toMatch(/^<svg [^>]*width="1080" height="1080"/);
    expect(square).toContain(kk.quarter.label);
    expect(square).toContain('Өтініш түсті');
    const portrait = buildSocialCardSvg(ru, 'portrait');
    expect(portrait).toMatch(/^<svg [^>]*width="1080" height="1350"/);
    expect(portrait).toContain('Поступило обращений');
    expect(portrait).not.toContain('Өтініш түсті');
  });

  it('shows the report’s own figures, at most six', () => {
    const figures = cardFigures(kk);
    expect(figures[0]).toEqual({ value: String(kk.appeals.total), label: 'Өтініш түсті' });
    expect(figures.length).toBeLessThanOrEqual(6);
    // «Of them resolved» belongs to the decisions: in their cell, not a cell of its own.
    expect(figures[1]).toEqual({
      value: String(kk.resolved.decidedTotal),
      label: 'Шешім қабылданды',
      sub: { value: String(kk.resolved.resolved), label: 'оның ішінде шешілгені' },
    });
    expect(figures.filter((f) => f.label === 'оның ішінде шешілгені')).toEqual([]);
  });

  it('draws the sub-figure in its figure’s column, under that figure’s label', () => {
    const svg = buildSocialCardSvg(ru, 'square');
    const x = (pattern: RegExp) => Number(pattern.exec(svg)?.[1]);
    const decidedX = x(/<text x="(\d+(?:\.\d+)?)"[^>]*>Приняты решения</);
    const subX = x(/<text x="(\d+(?:\.\d+)?)"[^>]*data-sub-of="1">из них решено — /);
    expect(subX).toBe(decidedX);
    const receivedX = x(/<text x="(\d+(?:\.\d+)?)"[^>]*>Поступило обращений</);
    expect(subX).not.toBe(receivedX);
  });

  it('escapes text and wraps it by words', () => {
    const named = { ...kk, header: { ...kk.header, maslikhatName: 'Мәслихат <Астана> & "аудан"' } };
    const svg = buildSocialCardSvg(named, 'square');
    expect(svg).toContain('Мәслихат &lt;Астана&gt; &amp; &quot;аудан&quot;');
    expect(svg).not.toContain('<Астана>');
    expect(wrapText('Алматы қаласы Бостандық ауданы', 14)).toEqual([
      'Алматы қаласы',
      'Бостандық',
      'ауданы',
    ]);
  });
});
