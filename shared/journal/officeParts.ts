import { strFromU8, unzipSync } from 'fflate';

import { JournalFileError } from './model';
import { XmlError } from './xml';

/**
 * A document's XML part unpacked is refused above this size (a zip can unpack to far more
 * than its own size; an 8-column Word table takes ~2.6 KB of XML a row, so 100,000 rows stay
 * below).
 */
export const MAX_OFFICE_XML_BYTES = 400 * 1024 * 1024;

/**
 * The named parts of an office document's zip (.docx, .ods, .odt), each at most
 * `MAX_OFFICE_XML_BYTES` unzipped; a broken zip is refused as unreadable, a part too large
 * as too large. A part not in the file is missing from the answer.
 */
export function unzipOfficeParts(
  bytes: Uint8Array,
  names: readonly string[],
): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (!names.includes(file.name)) return false;
        if (file.originalSize > MAX_OFFICE_XML_BYTES) {
          throw new JournalFileError({ code: 'too_large', bytes: file.originalSize });
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof JournalFileError) throw error;
    throw new JournalFileError({ code: 'unreadable', detail: 'damaged zip container' });
  }
}

/** An OpenDocument file saved with a password says so in its manifest. */
export function isEncryptedOpenDocument(parts: Record<string, Uint8Array>): boolean {
  const manifest = parts['META-INF/manifest.xml'];
  return manifest !== undefined && strFromU8(manifest).includes('encryption-data');
}

/**
 * `read` over the text of the part `name`: a part not there, or XML cut short or malformed,
 * is refused as unreadable, naming the part.
 */
export function readXmlPart<T>(
  parts: Record<string, Uint8Array>,
  name: string,
  read: (xml: string) => T,
): T {
  const part = parts[name];
  if (part === undefined) {
    throw new JournalFileError({ code: 'unreadable', detail: `missing ${name}` });
  }
  try {
    return read(strFromU8(part));
  } catch (error) {
    if (error instanceof XmlError) {
      throw new JournalFileError({ code: 'unreadable', detail: `${name}: ${error.message}` });
    }
    throw error;
  }
}
