/**
 * Hints that a public summary may contain personal data, which the public report must never
 * show (domain.md: no names, phones, house or flat numbers). They only warn: the office
 * decides, since "15 house entrances" or "3 microdistrict" are fine.
 */
export type PersonalDataWarning =
  { kind: 'phone' } | { kind: 'house' } | { kind: 'name'; name: string };

/** Seven or more digits, possibly split by spaces, dashes or brackets: a phone number. */
const PHONE = /(?:\+?\d[\s()-]*){7,}/u;

/**
 * A house or flat number: «12-үй», «үй 12», «45-пәтер», «д. 5», «дом №5», «кв. 12».
 * \b does not work with Cyrillic in JS, so word starts are matched with a lookbehind.
 */
const HOUSE = new RegExp(
  [
    String.raw`\d+\s*[-–]?\s*(?:үй|пәтер)`,
    String.raw`(?<![\p{L}])(?:үй|пәтер|д\.|дом|кв\.|квартира|корпус)\s*№?\s*\d+`,
  ].join('|'),
  'iu',
);

function words(text: string): string[] {
  return text
    .toLocaleLowerCase('kk')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3);
}

export function personalDataWarnings(text: string, applicantName: string): PersonalDataWarning[] {
  const warnings: PersonalDataWarning[] = [];
  if (PHONE.test(text)) warnings.push({ kind: 'phone' });
  if (HOUSE.test(text)) warnings.push({ kind: 'house' });
  const inText = new Set(words(text));
  const nameWords = applicantName.split(/\s+/).filter((w) => w.length >= 3);
  const found = nameWords.filter((w) => inText.has(w.toLocaleLowerCase('kk')));
  if (found.length > 0) warnings.push({ kind: 'name', name: found.join(' ') });
  return warnings;
}
