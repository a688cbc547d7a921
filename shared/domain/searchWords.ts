import { tokenize } from '../validation/text';
import type { Appeal } from './appeal';
import type { Applicant } from './applicant';

/**
 * Words an appeal is found by; applicant names and phones are searched in applicants. An
 * imported appeal is found by its number in the office's journal too. Pure, so the
 * repositories, the journal import (in a worker and on the command line) and generated data
 * all index an appeal the same way.
 */
export function appealSearchWords(
  appeal: Pick<Appeal, 'regNo' | 'subject' | 'text' | 'expectation' | 'location' | 'tags'> & {
    journalNo?: string | null;
  },
): string[] {
  const { locality, district, street, building } = appeal.location;
  return tokenize(
    [
      appeal.regNo,
      appeal.journalNo ?? '',
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
