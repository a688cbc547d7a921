/**
 * Kazakhstan has had one time zone, UTC+5, since 1 March 2024, with no daylight saving.
 * Dates and times in the domain are Kazakhstan wall-clock values, whatever zone the laptop
 * is set to, so they are derived from the instant arithmetically, never from the host zone.
 */
export const KZ_UTC_OFFSET_MINUTES = 5 * 60;

function shifted(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant');
  return new Date(ms + KZ_UTC_OFFSET_MINUTES * 60_000).toISOString();
}

/** Local date-time 'YYYY-MM-DDTHH:mm' in Kazakhstan for an instant. */
export function toKzLocalDateTime(instant: Date): string {
  return shifted(instant).slice(0, 16);
}

/** Local calendar date 'YYYY-MM-DD' in Kazakhstan for an instant: "today" for the office. */
export function toKzLocalDate(instant: Date): string {
  return shifted(instant).slice(0, 10);
}
