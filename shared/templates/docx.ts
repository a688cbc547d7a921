import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';

import type { RenderedLetter } from './types';
import type { LetterFrame } from './frame';

export interface LetterDocxOptions {
  /** Letterhead and signature; left out for notices (announcements, chat messages). */
  frame: LetterFrame | null;
}

// Office documents in Kazakhstan are set in Times New Roman 14 (sizes are half-points).
const FONT = 'Times New Roman';
const SIZE = 28;
const SMALL = 22;
const CM = 567; // twips per centimetre
const PAGE_WIDTH_TWIPS = 11906;
const MARGIN_LEFT = 3 * CM;
const MARGIN_RIGHT = 1.5 * CM;
const TEXT_WIDTH = PAGE_WIDTH_TWIPS - MARGIN_LEFT - MARGIN_RIGHT;

function run(text: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: options.size ?? SIZE, bold: options.bold });
}

function lines(text: string): string[] {
  return text.split('\n');
}

function letterheadParagraphs(frame: LetterFrame): Paragraph[] {
  const head = frame.letterhead.map(
    (line) =>
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line, { bold: true })] }),
  );
  const contacts = new Paragraph({
    alignment: AlignmentType.CENTER,
    border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } },
    spacing: { after: 240 },
    children: frame.contacts === '' ? [] : [run(frame.contacts, { size: SMALL })],
  });
  const outgoing = new Paragraph({
    spacing: { after: 240 },
    children: [run(`${frame.outgoing.date}   ${frame.outgoing.number}`, { size: SMALL })],
  });
  return [...head, contacts, outgoing];
}

function signatureParagraphs(frame: LetterFrame): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [
        run(frame.signature.position, { bold: true }),
        new TextRun({ children: [new Tab()], font: FONT, size: SIZE }),
        run(frame.signature.name, { bold: true }),
      ],
    }),
  ];
}

function sectionParagraphs(letter: RenderedLetter): Paragraph[] {
  const out: Paragraph[] = [];
  for (const section of letter.sections) {
    if (section.layout === 'addressee') {
      for (const line of lines(section.text)) {
        out.push(
          new Paragraph({
            indent: { left: TEXT_WIDTH / 2 },
            children: [run(line, { bold: true })],
          }),
        );
      }
      out.push(new Paragraph({ children: [] }));
    } else if (section.layout === 'heading') {
      lines(section.text).forEach((line, i) => {
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            heading: i === 0 ? 'Heading1' : undefined,
            spacing: { after: 120 },
            children: [run(line, { bold: true })],
          }),
        );
      });
    } else {
      for (const line of lines(section.text)) {
        if (line.trim() === '') continue;
        out.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 1.25 * CM },
            spacing: { after: 120 },
            children: [run(line)],
          }),
        );
      }
    }
  }
  return out;
}

/** A Word document of a rendered letter, as bytes (works in the browser and in Node). */
export async function letterToDocx(
  letter: RenderedLetter,
  options: LetterDocxOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const frame = options.frame;
  const doc = new Document({
    creator: frame?.signature.name ?? '',
    title: letter.title,
    styles: {
      default: { document: { run: { font: FONT, size: SIZE } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: FONT, size: SIZE, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH_TWIPS, height: 16838 },
            margin: { top: 2 * CM, bottom: 2 * CM, left: MARGIN_LEFT, right: MARGIN_RIGHT },
          },
        },
        children: [
          ...(frame ? letterheadParagraphs(frame) : []),
          ...sectionParagraphs(letter),
          ...(frame ? signatureParagraphs(frame) : []),
        ],
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buffer);
}
