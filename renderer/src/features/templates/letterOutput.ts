import type { Settings, TemplateKind } from '@shared/domain';
import { newId } from '@shared/ids';
import type { Lang } from '@shared/i18n/lang';
import {
  isLetterKind,
  letterFrame,
  letterToDocx,
  letterToPlainText,
  type OutgoingRef,
  type RenderedLetter,
} from '@shared/templates';
import type { TizilimDb } from '@renderer/db/database';
import { discardDraft, saveDraft } from '@renderer/db/repositories';
import { getPlatform } from '@renderer/platform';

/** Drafts of kind 'letter' hold a letter between the composer and its print route. */
export const LETTER_DRAFT_KIND = 'letter';

/** What the print route reads back from the drafts table. */
export interface LetterDraftData {
  letter: RenderedLetter;
  outgoing: OutgoingRef;
}

export function isLetterDraftData(value: unknown): value is LetterDraftData {
  if (typeof value !== 'object' || value === null) return false;
  const letter = (value as { letter?: unknown }).letter;
  return (
    typeof letter === 'object' &&
    letter !== null &&
    Array.isArray((letter as { sections?: unknown }).sections)
  );
}

/** The word for a letter's kind in file names, in the letter's language. */
const FILE_WORDS: Readonly<Record<TemplateKind, Readonly<Record<Lang, string>>>> = {
  inquiry: { kk: 'сауал', ru: 'запрос' },
  reply: { kk: 'жауап', ru: 'ответ' },
  forwarding: { kk: 'жолдау', ru: 'перенаправление' },
  extension: { kk: 'мерзімді_ұзарту', ru: 'продление_срока' },
  acknowledgement: { kk: 'хабарлама', ru: 'уведомление' },
  announcement: { kk: 'хабарландыру', ru: 'объявление' },
  custom: { kk: 'хат', ru: 'письмо' },
};

/**
 * `2026-0042_жауап_2026-11-22.docx`: the appeal's regNo or the inquiry's number (slashes
 * made file-safe), the kind of letter, and the date.
 */
export function letterFileName(
  letter: Pick<RenderedLetter, 'kind' | 'lang'>,
  ref: string,
  date: string,
  extension: 'docx' | 'pdf' | 'txt',
): string {
  const safeRef = ref
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const parts = [safeRef, FILE_WORDS[letter.kind][letter.lang], date].filter((p) => p !== '');
  return `${parts.join('_')}.${extension}`;
}

/** The letter as plain text; a letter (not a notice) ends with the signature lines. */
export function letterText(letter: RenderedLetter, settings: Settings): string {
  const body = letterToPlainText(letter);
  if (!isLetterKind(letter.kind)) return body;
  const { signature } = letterFrame(settings, letter.lang);
  const sign = [signature.position, signature.name].filter((line) => line !== '').join('\n');
  return sign === '' ? body : `${body}\n\n${sign}`;
}

export interface LetterOutputRequest {
  letter: RenderedLetter;
  settings: Settings;
  /** regNo of the appeal, or the inquiry's outgoing number (a draft has none: pass ''). */
  fileRef: string;
  /** The letter's date, YYYY-MM-DD (for the file name). */
  date: string;
  /** The outgoing number and date printed under the letterhead; blanks when not given. */
  outgoing?: OutgoingRef;
  /**
   * Where the PDF's letter is parked for the print route. A stable key per letter (e.g.
   * `appeal-<id>-reply`) replaces the previous copy; without one the copy is removed after
   * printing.
   */
  key?: string;
}

/** Saves the letter as Word; resolves false when the user cancelled the save dialog. */
export async function saveLetterDocx(request: LetterOutputRequest): Promise<boolean> {
  const { letter, settings } = request;
  const frame = isLetterKind(letter.kind)
    ? letterFrame(settings, letter.lang, request.outgoing)
    : null;
  const data = await letterToDocx(letter, { frame });
  const result = await getPlatform().saveFile({
    fileName: letterFileName(letter, request.fileRef, request.date, 'docx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    data,
  });
  return result.saved;
}

/**
 * Saves the letter as PDF through the app's print pipeline: the letter is parked in the
 * drafts table for `/print/letter/:key` to read, printed, then removed.
 */
export async function saveLetterPdf(db: TizilimDb, request: LetterOutputRequest): Promise<boolean> {
  const key = request.key ?? newId();
  const data: LetterDraftData = { letter: request.letter, outgoing: request.outgoing ?? {} };
  await saveDraft(db, { kind: LETTER_DRAFT_KIND, key, data });
  try {
    const result = await getPlatform().printToPdf({
      route: letterPrintRoute(key),
      fileName: letterFileName(request.letter, request.fileRef, request.date, 'pdf'),
    });
    return result.saved;
  } finally {
    if (request.key === undefined) await discardDraft(db, LETTER_DRAFT_KIND, key);
  }
}

export function letterPrintRoute(key: string): string {
  return `/print/letter/${key}`;
}

/** Copies the letter's text for a chat, an SMS or an e-mail. */
export async function copyLetterText(letter: RenderedLetter, settings: Settings): Promise<void> {
  await navigator.clipboard.writeText(letterText(letter, settings));
}
