/**
 * The quarter's key figures as one SVG card for Telegram and Instagram (issue 14, item 6):
 * 1080×1080 (a square post) or 1080×1350 (Instagram's portrait post). Pure: a string built
 * from the report model, which carries no personal data; the renderer draws it onto a canvas
 * for the PNG. Every text is escaped, long ones are wrapped by words.
 */
import { formatNumber } from '../format';
import { REPORT_PHRASES, SHORT_TEXT_PHRASES } from '../report/phrases';
import type { QuarterlyReport } from '../report/types';

export type CardSize = 'square' | 'portrait';

export const CARD_SIZES: Readonly<Record<CardSize, { width: number; height: number }>> = {
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
};

/** The bundled interface font first; the card is drawn where the app's fonts are loaded. */
export const CARD_FONT = "'PT Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

export interface CardFigure {
  value: string;
  label: string;
  /** A part of this figure («оның ішінде шешілгені — 32»), printed in its own cell under it. */
  sub?: { value: string; label: string };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Splits text into lines of at most `max` characters, by words (a longer word stays whole). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Only ordinary spaces: a no-break space («2026 жылғы», «15 %») keeps its words together.
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The figures the card shows, in the report's language: at most six cells. «Of them
 * resolved» is a part of the decisions, so it sits in the decisions' cell, never in a cell
 * of its own where the grid would put it under another number.
 */
export function cardFigures(report: QuarterlyReport): CardFigure[] {
  const p = SHORT_TEXT_PHRASES[report.lang];
  const n = (value: number) => formatNumber(value);
  const { appeals, resolved, indicators } = report;
  const figures: CardFigure[] = [
    { value: n(appeals.total), label: p.received },
    {
      value: n(resolved.decidedTotal),
      label: p.decided,
      sub: { value: n(resolved.resolved), label: p.resolved },
    },
  ];
  if (indicators.decidedWithinDeadline.percent !== null) {
    figures.push({ value: indicators.decidedWithinDeadline.display, label: p.inDeadline });
  }
  if (indicators.firstContactWithin72h.percent !== null) {
    figures.push({
      value: indicators.firstContactWithin72h.display,
      label: p.firstContact(indicators.acknowledgeHours),
    });
  }
  figures.push({ value: n(appeals.receptions.held), label: p.receptions });
  return figures.slice(0, 6);
}

function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  size: number,
  lineHeight: number,
  attrs: string,
): string {
  return lines
    .map(
      (line, i) =>
        `<text x="${String(x)}" y="${String(y + i * lineHeight)}" font-size="${String(size)}" ${attrs}>${escapeXml(line)}</text>`,
    )
    .join('');
}

/** The card as an SVG document of the chosen size, in the report's language. */
export function buildSocialCardSvg(report: QuarterlyReport, size: CardSize): string {
  const { width, height } = CARD_SIZES[size];
  const pad = 72;
  const p = SHORT_TEXT_PHRASES[report.lang];
  const header = report.header;
  const title = `${REPORT_PHRASES[report.lang].title}`;
  const who = [
    header.deputyName,
    header.okrugNumber !== null ? p.okrug(header.okrugNumber) : '',
  ].filter((part) => part.trim() !== '');
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}" font-family="${escapeXml(CARD_FONT)}">`,
    `<rect width="100%" height="100%" fill="#0f3d3e"/>`,
    `<rect x="${String(pad)}" y="${String(pad + 236)}" width="${String(width - 2 * pad)}" height="4" fill="#7fd1c2"/>`,
  );
  parts.push(
    textLines(
      [title.toUpperCase()],
      pad,
      pad + 40,
      34,
      40,
      'fill="#7fd1c2" font-weight="700" letter-spacing="2"',
    ),
    textLines(
      wrapText(report.quarter.label, 26),
      pad,
      pad + 118,
      64,
      72,
      'fill="#ffffff" font-weight="700"',
    ),
    textLines(wrapText(who.join(' · '), 52), pad, pad + 206, 30, 36, 'fill="#d9efe9"'),
  );
  const figures = cardFigures(report);
  const cols = 2;
  const top = pad + 280;
  const footer = 90;
  const rows = Math.ceil(figures.length / cols);
  const cellH = (height - top - pad - footer) / rows;
  const cellW = (width - 2 * pad) / cols;
  figures.forEach((figure, i) => {
    const x = pad + (i % cols) * cellW;
    const y = top + Math.floor(i / cols) * cellH;
    const label = wrapText(figure.label, 24);
    parts.push(
      textLines([figure.value], x, y + 92, 96, 96, 'fill="#ffffff" font-weight="700"'),
      textLines(label, x, y + 142, 32, 38, 'fill="#d9efe9"'),
    );
    if (figure.sub) {
      const subY = y + 142 + label.length * 38 + 2;
      parts.push(
        `<text x="${String(x)}" y="${String(subY)}" font-size="28" fill="#7fd1c2" data-sub-of="${String(i)}">${escapeXml(figure.sub.label)} — <tspan font-weight="700" fill="#ffffff">${escapeXml(figure.sub.value)}</tspan></text>`,
      );
    }
  });
  parts.push(
    textLines(wrapText(header.maslikhatName, 56), pad, height - pad - 24, 28, 34, 'fill="#7fd1c2"'),
    '</svg>',
  );
  return parts.join('');
}
