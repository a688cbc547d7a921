/**
 * Which backups a folder keeps: the newest backup of each of the 7 most recent days that
 * have one, of each of the 5 most recent weeks (Monday to Sunday) and of each of the 12
 * most recent months — days, weeks and months in Kazakhstan time. A backup kept by any of
 * the three rules stays. Everything else may be deleted, and only backups this device wrote
 * are ever candidates: a shared office folder holds other laptops' backups too.
 */
import { toKzLocalDate } from '../calendar/zone';

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 5, monthly: 12 };

export interface RotationCandidate {
  name: string;
  /** ISO UTC, from the backup's header. */
  createdAt: string;
}

/** The Monday (YYYY-MM-DD) of the week a calendar date falls in. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** The names to keep; candidates not named may be deleted. */
export function backupsToKeep(
  candidates: readonly RotationCandidate[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): Set<string> {
  const newestFirst = [...candidates].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.name < b.name ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
  const keep = new Set<string>();
  const buckets: [(day: string) => string, number][] = [
    [(day) => day, policy.daily],
    [weekOf, policy.weekly],
    [(day) => day.slice(0, 7), policy.monthly],
  ];
  for (const [bucketOf, limit] of buckets) {
    const seen = new Set<string>();
    for (const candidate of newestFirst) {
      if (seen.size >= limit) break;
      const bucket = bucketOf(toKzLocalDate(new Date(candidate.createdAt)));
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(candidate.name);
    }
  }
  return keep;
}
