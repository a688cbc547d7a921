import { strFromU8, unzipSync } from 'fflate';

import { JournalFileError, MAX_JOURNAL_BYTES } from './model';

export type FileKind = 'xlsx' | 'csv' | 'docx' | 'ods' | 'odt';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const ODT_MIME = 'application/vnd.oasis.opendocument.text';
/** `{\rtf`: Word saves RTF, and offices name such files .doc. */
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether `bytes` contain `text` written in UTF-16LE (names inside an OLE directory). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Names of a zip's entries (nothing is decompressed), or null when it is not a readable zip. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return file.name === 'mimetype';
      },
    });
  } catch {
    return null;
  }
  return names;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return false;
  }
  return true;
}

/**
 * What a file really is, by its bytes (the extension only breaks ties for text): an .xlsx
 * workbook, a Word .docx document (a zip with word/document.xml), an OpenDocument .ods
 * spreadsheet or .odt text (by its mimetype) or a CSV text. Everything else is refused with the reason a person can act
 * on — an old .xls or an .xlsb is to be saved again as .xlsx, an old .doc (or RTF) as
 * .docx; a password-protected .xlsx (Excel encrypts it into an OLE container) must be
 * opened and saved without the password.
 */
export function detectJournalFile(bytes: Uint8Array, fileName: string): FileKind {
  if (bytes.length === 0) throw new JournalFileError({ code: 'empty_file' });
  if (bytes.length > MAX_JOURNAL_BYTES) {
    throw new JournalFileError({ code: 'too_large', bytes: bytes.length });
  }
  const ext = extensionOf(fileName);
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      // Word and Excel encrypt alike; only the name tells which program removes the password.
      const word = ext === 'docx' || ext === 'docm' || ext === 'doc';
      throw new JournalFileError({ code: word ? 'encrypted_word' : 'encrypted' });
    }
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book') || ext === 'xls') {
      throw new JournalFileError({ code: 'old_excel' });
    }
    if (containsUtf16(bytes, 'WordDocument') || ext === 'doc') {
      throw new JournalFileError({ code: 'old_word' });
    }
    throw new JournalFileError({ code: 'not_spreadsheet' });
  }
  if (startsWith(bytes, ZIP)) {
    const names = zipEntryNames(bytes);
    if (names === null) {
      throw new JournalFileError({ code: 'unreadable', detail: 'damaged zip container' });
    }
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('word/document.xml')) return 'docx';
    // Word's parts without the document itself: a .docx with its main part lost.
    if (names.some((n) => n.startsWith('word/'))) {
      throw new JournalFileError({ code: 'unreadable', detail: 'missing word/document.xml' });
    }
    if (names.includes('xl/workbook.bin')) throw new JournalFileError({ code: 'xlsb' });
    // Worksheets without the workbook that lists them: an .xlsx with a part lost.
    if (names.some((n) => n.startsWith('xl/worksheets/'))) {
      throw new JournalFileError({ code: 'unreadable', detail: 'missing xl/workbook.xml' });
    }
    if (names.includes('content.xml')) {
      // OpenDocument: a spreadsheet, or a text whose tables are read (a drawing is no table).
      const mime = zipMimeType(bytes);
      if (mime?.startsWith(ODS_MIME) || (mime === null && ext === 'ods')) return 'ods';
      if (mime?.startsWith(ODT_MIME) || (mime === null && ext === 'odt')) return 'odt';
    }
    throw new JournalFileError({ code: 'not_spreadsheet' });
  }
  if (ext === 'xls' || ext === 'xlsx' || ext === 'xlsm') {
    // An "xls" that is HTML or XML inside (exported from old web systems) or a broken file.
    throw new JournalFileError({ code: ext === 'xls' ? 'old_excel' : 'not_spreadsheet' });
  }
  if (ext === 'doc' || startsWith(bytes, RTF)) throw new JournalFileError({ code: 'old_word' });
  if (ext === 'ods') throw new JournalFileError({ code: 'unreadable', detail: 'not a zip' });
  if (ext === 'xlsb') throw new JournalFileError({ code: 'xlsb' });
  if (looksLikeText(bytes) && ['csv', 'txt', 'tsv', ''].includes(ext)) return 'csv';
  throw new JournalFileError({ code: 'not_spreadsheet' });
}

/** The `mimetype` entry of an OpenDocument zip, for tests and diagnostics. */
export function zipMimeType(bytes: Uint8Array): string | null {
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name === 'mimetype' });
    const entry = files.mimetype;
    return entry ? strFromU8(entry) : null;
  } catch {
    return null;
  }
}

/**
 * Rows per worksheet of an .xlsx, counted in the sheet XML without building cells, so a
 * 200,000-row sheet is refused in a fraction of a second instead of after a full read. A
 * workbook missing a worksheet it lists, or the shared strings its cells point to, is
 * damaged: Excel's reader would show those sheets empty, so it is refused as unreadable.
 */
export function countXlsxRows(bytes: Uint8Array): { sheet: string; rows: number }[] {
  let files: Record<string, Uint8Array>;
  let sharedStrings = false;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (/^xl\/sharedStrings\.xml$/i.test(file.name)) sharedStrings = true;
        return (
          file.name === 'xl/workbook.xml' ||
          file.name === 'xl/_rels/workbook.xml.rels' ||
          /^xl\/worksheets\/[^/]+\.xml$/.test(file.name)
        );
      },
    });
  } catch {
    throw new JournalFileError({ code: 'unreadable', detail: 'damaged zip container' });
  }
  const workbook = files['xl/workbook.xml'] ? strFromU8(files['xl/workbook.xml']) : '';
  const rels = files['xl/_rels/workbook.xml.rels']
    ? strFromU8(files['xl/_rels/workbook.xml.rels'])
    : '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out: { sheet: string; rows: number }[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const target = targets.get(rid) ?? '';
    const data = files[target];
    if (data === undefined && target.startsWith('xl/worksheets/')) {
      throw new JournalFileError({ code: 'unreadable', detail: `missing ${target}` });
    }
    if (data !== undefined && !sharedStrings && contains(data, SHARED_STRING_CELL)) {
      throw new JournalFileError({ code: 'unreadable', detail: 'missing xl/sharedStrings.xml' });
    }
    out.push({ sheet: unescapeXml(name), rows: data ? countRowTags(data) : 0 });
  }
  return out;
}

/** ` t="s"`: a cell whose text is in the shared strings part. */
const SHARED_STRING_CELL = Array.from(' t="s"', (c) => c.charCodeAt(0));

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Occurrences of `<row ` / `<row>` (or a prefixed `<x:row `) in a sheet's XML bytes. */
function countRowTags(xml: Uint8Array): number {
  let count = 0;
  const LT = 0x3c;
  for (let i = 0; i < xml.length - 5; i++) {
    if (xml[i] !== LT) continue;
    let j = i + 1;
    // Skip a namespace prefix such as "x:".
    let k = j;
    while (k < xml.length && k - j < 8 && xml[k] !== 0x3a && xml[k] !== 0x20 && xml[k] !== 0x3e)
      k++;
    if (xml[k] === 0x3a) j = k + 1;
    if (
      xml[j] === 0x72 &&
      xml[j + 1] === 0x6f &&
      xml[j + 2] === 0x77 &&
      (xml[j + 3] === 0x20 || xml[j + 3] === 0x3e)
    ) {
      count++;
    }
  }
  return count;
}
