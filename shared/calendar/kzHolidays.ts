// Statutory data of the Kazakh working-day calendar (Law "On holidays in the Republic of
// Kazakhstan"). The rules are computed for any year; only lunar dates and the yearly
// government transfer orders need per-year data, and offices can extend both in settings.

/**
 * Holidays that are days off and move to the next working day when they fall on a weekend
 * (Law on holidays, art. 5). Month and day, in calendar order: the move algorithm relies on it.
 */
export const MOVABLE_HOLIDAYS: readonly (readonly [month: number, day: number])[] = [
  [1, 1], // New Year
  [1, 2], // New Year
  [3, 8], // International Women's Day
  [3, 21], // Nauryz
  [3, 22], // Nauryz
  [3, 23], // Nauryz
  [5, 1], // Unity Day of the People of Kazakhstan
  [5, 7], // Defender of the Fatherland Day
  [5, 9], // Victory Day
  [7, 6], // Capital Day
  [8, 30], // Constitution Day
  [10, 25], // Republic Day
  [12, 16], // Independence Day
];

/** Religious days off that stay where they are even on a weekend: Orthodox Christmas. */
export const FIXED_RELIGIOUS_DAYS_OFF: readonly (readonly [month: number, day: number])[] = [
  [1, 7],
];

/**
 * First day of Kurban Ait (Eid al-Adha, 10 Dhu al-Hijjah). The official date is announced
 * each year by the Spiritual Administration of Muslims of Kazakhstan and fixed by the
 * government, so these are the expected dates (10 Dhu al-Hijjah of the Umm al-Qura
 * calendar, which matched the official dates of 2024 and 2025); a year can be corrected in
 * settings.
 * Years without an entry have no Kurban Ait day off unless an override adds one.
 */
export const KURBAN_AIT_FIRST_DAY: Readonly<Record<number, string>> = {
  2024: '2024-06-16',
  2025: '2025-06-06',
  2026: '2026-05-27',
  2027: '2027-05-16',
  2028: '2028-05-05',
  2029: '2029-04-24',
  2030: '2030-04-13',
};

/**
 * Known government transfer orders. 2025: the day off of Sunday 5 January was moved to
 * Friday 3 January, with no working Saturday in return.
 */
export const BUILT_IN_TRANSFERS: {
  readonly extraDaysOff: readonly string[];
  readonly extraWorkingDays: readonly string[];
} = {
  extraDaysOff: ['2025-01-03'],
  extraWorkingDays: [],
};
