// What the screens, the repositories and the report ask about an appeal's place in the
// workflow, written once: "is it still open?", "has the applicant heard the result?", "by when
// must they hear it?".

import { addWorkingDays, type WorkCalendar } from '../calendar';
import { isDecidedStatus } from '../domain/appeal';
import type { AppealStatus } from '../domain/enums';

/** Decided or closed: the appeal has a decision (and an outcome). */
export function isDecided(appeal: { status: AppealStatus }): boolean {
  return isDecidedStatus(appeal.status);
}

/** Still being considered: registered, in progress or waiting for an agency. */
export function isOpen(appeal: { status: AppealStatus }): boolean {
  return !isDecidedStatus(appeal.status);
}

/** Decided, and the applicant has not been told the result yet (checklist step 7). */
export function awaitsInforming(appeal: {
  status: AppealStatus;
  applicantInformedAt: string | null;
}): boolean {
  return appeal.status === 'decided' && appeal.applicantInformedAt === null;
}

/** The day the applicant must hear the result: `informWorkingDays` after the decision. */
export function informBy(cal: WorkCalendar, decidedOn: string, informWorkingDays: number): string {
  return addWorkingDays(cal, decidedOn, informWorkingDays);
}
