import { NameIndex, findPersonalData } from '@shared/report/pii';
import type { PiiKind } from '@shared/report/types';

/**
 * What in a public summary looks like personal data, which the public report must never
 * show (domain.md: no names, phones, house or flat numbers). It is the report's own check
 * (shared/report/pii.ts `findPersonalData`) — one check, so what the card warns about is
 * exactly what the report will refuse — with the names of the appeal's people as the
 * applicants it knows. Kinds in a fixed order; [] when clean.
 */
export function personalDataWarnings(text: string, names: readonly string[]): PiiKind[] {
  const index = new NameIndex();
  for (const name of names) index.add(name);
  return findPersonalData(text, index);
}
