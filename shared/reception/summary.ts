// What a reception came to: visitors, appeals registered, topics, the promises made and who
// is still waiting. Pure: the reception and its appeals are arguments.

import type { Appeal, ProposedAction, QueueEntry, Reception } from '../domain';

/** One promise made at a reception: what the deputy will do, and by when. */
export interface ReceptionPromise {
  appealId: string;
  regNo: string;
  subject: string;
  topic: string;
  proposedAction: ProposedAction | null;
  decideBy: string;
  decidedOn: string | null;
  status: Appeal['status'];
  entryNumber: number | null;
  visitorName: string;
}

export interface ReceptionSummary {
  visitors: number;
  /** Conversations that ended as a registered appeal. */
  served: number;
  /** Visitors who left or did not answer when called. */
  noShows: number;
  appealsRegistered: number;
  /** Vulnerable visitors (served first). */
  vulnerable: number;
  /** Topics of the registered appeals, most frequent first. */
  topics: { topic: string; count: number }[];
  /** Appeals with a course of action, earliest deadline first. */
  promises: ReceptionPromise[];
  /** Still waiting or in conversation: nobody may be forgotten. */
  stillWaiting: QueueEntry[];
}

type SummaryAppeal = Pick<
  Appeal,
  | 'id'
  | 'regNo'
  | 'subject'
  | 'topic'
  | 'proposedAction'
  | 'decideBy'
  | 'decidedOn'
  | 'status'
  | 'deletedAt'
>;

/** What a reception came to. Pure: the reception and its appeals are arguments. */
export function summarizeReception(
  reception: Pick<Reception, 'queue'>,
  appeals: readonly SummaryAppeal[],
): ReceptionSummary {
  const live = appeals.filter((a) => a.deletedAt === null);
  const entryOf = new Map(reception.queue.flatMap((e) => (e.appealId ? [[e.appealId, e]] : [])));
  const topicCounts = new Map<string, number>();
  for (const a of live) topicCounts.set(a.topic, (topicCounts.get(a.topic) ?? 0) + 1);
  const topics = [...topicCounts]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
  const promises = live
    .filter((a) => a.proposedAction !== null)
    .map((a) => {
      const entry = entryOf.get(a.id);
      return {
        appealId: a.id,
        regNo: a.regNo,
        subject: a.subject,
        topic: a.topic,
        proposedAction: a.proposedAction,
        decideBy: a.decideBy,
        decidedOn: a.decidedOn,
        status: a.status,
        entryNumber: entry?.number ?? null,
        visitorName: entry?.name ?? '',
      };
    })
    .sort((a, b) => a.decideBy.localeCompare(b.decideBy) || a.regNo.localeCompare(b.regNo));
  return {
    visitors: reception.queue.length,
    served: reception.queue.filter((e) => e.status === 'done').length,
    noShows: reception.queue.filter((e) => e.status === 'left').length,
    appealsRegistered: live.length,
    vulnerable: reception.queue.filter((e) => e.vulnerable).length,
    topics,
    promises,
    stillWaiting: reception.queue
      .filter((e) => e.status === 'waiting' || e.status === 'in_conversation')
      .sort((a, b) => a.number - b.number),
  };
}
