import type { FeedbackRound, ReportPublication } from '@shared/domain';
import {
  computeScorecard,
  isStale,
  STALE_DAYS,
  type ScoreAppeal,
  type Scorecard,
} from '@shared/scorecard';
import type { TizilimDb } from '../database';

const OPEN = ['registered', 'in_progress', 'waiting_agency'];

export interface StaleAppeal {
  id: string;
  regNo: string;
  subject: string;
  updatedAt: string;
}

export interface ScorecardData {
  card: Scorecard;
  /** Open appeals untouched for STALE_DAYS days, oldest first (step 7's list). */
  stale: StaleAppeal[];
}

/**
 * Everything the scorecard reads, in one read transaction: the registry rows (live appeals'
 * compact columns), the open appeals' last versions and, for those that look stale, their
 * last history entry; receptions, publications and feedback rounds; the profile's contacts.
 */
export async function loadScorecard(
  db: TizilimDb,
  period: { from: string; to: string; today: string },
): Promise<ScorecardData> {
  return db.transaction(
    'r',
    [
      db.registryRows,
      db.appeals,
      db.events,
      db.receptions,
      db.reportPublications,
      db.feedbackRounds,
      db.settings,
    ],
    async () => {
      const [rows, open, receptions, publications, feedbackRounds, settings] = await Promise.all([
        db.registryRows.toArray(),
        db.appeals.where('status').anyOf(OPEN).toArray(),
        db.receptions.toArray(),
        db.reportPublications.toArray() as Promise<ReportPublication[]>,
        db.feedbackRounds.toArray() as Promise<FeedbackRound[]>,
        db.settings.toCollection().first(),
      ]);
      const live = open.filter((a) => a.deletedAt === null);
      const updated = new Map(live.map((a) => [a.id, a.updatedAt]));
      const appeals: ScoreAppeal[] = rows.map((r) => ({
        id: r.id,
        deletedAt: null,
        registeredOn: r.registeredOn,
        channel: r.channel,
        applicantId: r.applicantId,
        status: r.status,
        firstContactAt: r.firstContactAt,
        acknowledgeBy: r.acknowledgeBy,
        // Only open appeals are judged on it (step 7); they are all in `updated`.
        updatedAt: updated.get(r.id) ?? '1970-01-01T00:00:00.000Z',
      }));
      // A note added touches an appeal without a new version: look at the history of the
      // appeals that look stale by their version alone.
      const lastActivity = new Map<string, string>();
      for (const a of live) {
        if (!isStale(a, period.today)) continue;
        const last = await db.events
          .where('[appealId+at]')
          .between([a.id, ''], [a.id, '\uffff'])
          .last();
        if (last) lastActivity.set(a.id, last.at);
      }
      const card = computeScorecard({
        ...period,
        appeals,
        receptions,
        publications,
        feedbackRounds,
        contacts: settings?.contacts ?? { telegram: '', website: '', other: '' },
        lastActivity,
      });
      const stale = live
        .filter((a) => a.registeredOn <= period.to && isStale(a, period.today, lastActivity))
        .map((a) => ({
          id: a.id,
          regNo: a.regNo,
          subject: a.subject,
          updatedAt: lastActivity.get(a.id) ?? a.updatedAt,
        }))
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      return { card, stale };
    },
  );
}

export { STALE_DAYS };
