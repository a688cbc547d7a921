import type { Applicant } from '@shared/domain';
import { checkAppealConsent } from '@shared/validation/consent';
import { factClock, type FactClock } from '@shared/validation/dates';
import type { TizilimDb } from '../database';
import type { WriteContext } from './context';
import { RepositoryError, type FieldIssue } from './errors';

/**
 * The clock the fact rules compare with (shared/validation/dates.ts): the write's own
 * instant, in Kazakhstan time, with the few minutes of tolerance for a slow laptop clock.
 */
export function factClockOf(ctx: WriteContext): FactClock {
  return factClock(ctx.now ? ctx.now() : new Date());
}

/**
 * Refuses a write whose dates or consent break the rules, before anything is stored: each
 * problem on its field (`prefix` puts the rules' paths under a form part, e.g. 'applicant.').
 */
export function refuseIssues(issues: readonly FieldIssue[], prefix = ''): void {
  if (issues.length === 0) return;
  throw new RepositoryError(
    'validation',
    null,
    issues.map((issue) => ({ path: `${prefix}${issue.path}`, code: issue.code })),
  );
}

/**
 * Refuses to link an appeal to a person whose data is stored without consent
 * (shared/validation/consent.ts), on the field that links them. `linkedBefore` are the
 * people the appeal already had: an edit is not refused for a link it does not make.
 * Call inside a transaction that covers the applicants.
 */
export async function refuseWithoutConsent(
  db: TizilimDb,
  appeal: { applicantId: string | null; coApplicantIds: readonly string[] },
  linkedBefore: readonly (string | null)[] = [],
): Promise<void> {
  const before = new Set(linkedBefore);
  const ids = [appeal.applicantId, ...appeal.coApplicantIds].filter(
    (id): id is string => id !== null && !before.has(id),
  );
  if (ids.length === 0) return;
  const people = new Map<string, Applicant>();
  for (const person of await db.applicants.bulkGet(ids)) {
    if (person) people.set(person.id, person);
  }
  refuseIssues(checkAppealConsent(appeal, people));
}
