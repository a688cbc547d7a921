import type { WorkCalendar } from '@shared/calendar';
import { parseLocalDateTime } from '@shared/calendar/dates';
import type { Appeal, InformChannel } from '@shared/domain';
import {
  computeDeadlines,
  deadlineState,
  type DeadlineRules,
  type DeadlineState,
} from '@shared/workflow/deadlines';
import { appealDeadline, type AppealDeadline } from '@renderer/ui/badges';

export interface FirstContactView {
  /** Local date-time by which the applicant must be contacted. */
  due: string;
  madeAt: string | null;
  /** When contact was made: whether in time. */
  onTime: boolean | null;
  /** Whole hours until the deadline (negative once overdue); null once contact was made. */
  hoursLeft: number | null;
}

export interface InformView {
  /** Reporting the result back: due date once decided, else null. */
  due: string | null;
  informedAt: string | null;
  via: InformChannel | null;
  state: DeadlineState | null;
}

export interface DeadlinesView {
  decision: AppealDeadline;
  /** The deadline before any extension, when the appeal was extended. */
  originalDue: string | null;
  firstContact: FirstContactView;
  inform: InformView;
}

const MINUTES_PER_HOUR = 60;

/** Where an appeal stands against each of its deadlines at `nowLocal` (Kazakhstan time). */
export function deadlinesView(
  cal: WorkCalendar,
  rules: DeadlineRules,
  appeal: Pick<
    Appeal,
    | 'status'
    | 'receivedAt'
    | 'registeredOn'
    | 'decideBy'
    | 'decidedOn'
    | 'extendedTo'
    | 'acknowledgeBy'
    | 'firstContactAt'
    | 'applicantInformedAt'
    | 'informedVia'
  >,
  today: string,
  nowLocal: string,
): DeadlinesView {
  const computed = computeDeadlines(
    cal,
    {
      receivedAt: appeal.receivedAt,
      registeredOn: appeal.registeredOn,
      decidedOn: appeal.decidedOn,
    },
    rules,
  );
  const madeAt = appeal.firstContactAt;
  const due = appeal.acknowledgeBy;
  const minutesLeft = parseLocalDateTime(due) - parseLocalDateTime(nowLocal);
  const hoursLeft =
    minutesLeft >= 0
      ? Math.floor(minutesLeft / MINUTES_PER_HOUR)
      : -Math.ceil(-minutesLeft / MINUTES_PER_HOUR);
  const informBy = appeal.decidedOn ? computed.informBy : null;
  return {
    decision: appealDeadline(cal, today, appeal),
    originalDue: appeal.extendedTo ? computed.decideBy : null,
    firstContact: {
      due,
      madeAt,
      onTime: madeAt ? parseLocalDateTime(madeAt) <= parseLocalDateTime(due) : null,
      hoursLeft: madeAt ? null : hoursLeft,
    },
    inform: {
      due: informBy,
      informedAt: appeal.applicantInformedAt,
      via: appeal.informedVia,
      state: informBy && !appeal.applicantInformedAt ? deadlineState(cal, today, informBy) : null,
    },
  };
}
