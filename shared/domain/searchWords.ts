import { tokenize } from '../validation/text';
import type { Appeal } from './appeal';
import type { Applicant } from './applicant';

/**
 * Search words of stored records, computed wherever a record is written: the repositories,
 * imports and the merge of laptops' data (shared/merge), which recomputes them rather than
 * copying them from a file.
 */

/**
 * Words an appeal is found by; applicant names and phones are searched in applicants.
 * Earlier numbers (`aliases`) are words too, so a receipt's number finds its appeal after
 * the office renumbered it.
 */
export function appealSearchWords(
  appeal: Pick<Appeal, 'regNo' | 'subject' | 'text' | 'expectation' | 'location' | 'tags'> & {
    aliases?: readonly string[];
    journalNo?: string | null;
  },
): string[] {
  const { locality, district, street, building } = appeal.location;
  return tokenize(
    [
      appeal.regNo,
      appeal.journalNo ?? '',
      ...(appeal.aliases ?? []),
      appeal.subject,
      appeal.text,
      appeal.expectation,
      locality,
      district,
      street,
      building,
      ...appeal.tags,
    ].join(' '),
  );
}

/** Name words, phone digits (full and the last 7, as people dictate them) and the IIN. */
export function applicantSearchWords(a: Pick<Applicant, 'fullName' | 'phones' | 'iin'>): string[] {
  const phoneKeys = a.phones.flatMap((p) => {
    const digits = p.replace(/\D/g, '');
    return [digits, digits.slice(-10), digits.slice(-7)];
  });
  return [...new Set([...tokenize(a.fullName), ...phoneKeys, ...(a.iin ? [a.iin] : [])])];
}
