import { WRITTEN_CONSENT } from '@test/renderer/db/helpers';
// An office on Friday 20 November 2026, 10:00 in Almaty, with one appeal for every box of
// the Today view. Built by the real repositories; shared by the unit and end-to-end tests.

import type { TizilimDb } from '@renderer/db/database';
import {
  createAppeal,
  createApplicant,
  transitionAppeal,
  type WriteContext,
} from '@renderer/db/repositories';
import {
  inquiryInputSchema,
  newBaseFields,
  receptionInputSchema,
  type AppealInput,
} from '@shared/domain';
import { newId } from '@shared/ids';

export const TODAY_INSTANT = new Date('2026-11-20T05:00:00Z');

/** What the Today view must show for this office. */
export const EXPECTED = {
  overdue: 1,
  dueToday: 1,
  dueSoon: 1,
  notContacted: 2,
  notContactedLate: 1,
  notInformed: 1,
  notInformedLate: 1,
  waitingAgency: 1,
  agenciesLate: 1,
  mine: 1,
  open: 7,
};

function appeal(receivedAt: string, subject: string, extra: Partial<AppealInput> = {}) {
  return {
    receivedAt,
    channel: 'reception',
    applicantId: null,
    subject,
    text: `${subject}: өтініш мәтіні сөзбе-сөз жазылды.`,
    topic: 'housing',
    firstContactAt: receivedAt,
    ...extra,
  } satisfies AppealInput;
}

export async function fillTodayOffice(
  db: TizilimDb,
  ctx: WriteContext,
  me: string = ctx.userId,
): Promise<Record<string, string>> {
  // Registered Tue 20 Oct: 15 working days (Mon 26 Oct is a day off) end on Wed 11 Nov.
  const overdue = await createAppeal(db, appeal('2026-10-20T10:00', 'Жылу жоқ'), ctx);
  // Registered Fri 30 Oct: due today.
  const dueToday = await createAppeal(db, appeal('2026-10-30T10:00', 'Лифт істемейді'), ctx);
  // Registered Tue 3 Nov: due Tue 24 Nov, two working days from now.
  const dueSoon = await createAppeal(db, appeal('2026-11-03T10:00', 'Жол шұңқыры'), ctx);
  const gulnar = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Сейітқали Гүлнар', phones: ['87012345678'] },
    ctx,
  );
  const marat = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Омаров Марат', phones: ['87771234567'] },
    ctx,
  );
  // Received Mon 16 Nov 09:00, nobody called back: 72 hours passed on Thu 19 Nov 09:00.
  const notContacted = await createAppeal(
    db,
    appeal('2026-11-16T09:00', 'Аулада жарық жоқ', {
      firstContactAt: null,
      priority: true,
      applicantId: gulnar.id,
    }),
    ctx,
  );
  // Received Wed 18 Nov 09:30: 72 hours end tomorrow 09:30.
  const contactSoon = await createAppeal(
    db,
    appeal('2026-11-18T09:30', 'Қоқыс шығарылмайды', {
      firstContactAt: null,
      applicantId: marat.id,
    }),
    ctx,
  );
  // Anonymous, never contacted: there is nobody to call, so it is not counted.
  await createAppeal(
    db,
    appeal('2026-11-17T11:00', 'Жасырын хабарлама', { firstContactAt: null, kind: 'report' }),
    ctx,
  );
  // Decided Mon 16 Nov; the applicant should have heard by Thu 19 Nov.
  const decided = await createAppeal(db, appeal('2026-11-10T10:00', 'Бағдаршам'), ctx);
  await transitionAppeal(
    db,
    decided.id,
    {
      type: 'decide',
      outcome: 'explained',
      outcomeSummary: 'Түсіндірме берілді.',
      decidedOn: '2026-11-16',
    },
    ctx,
  );
  // In my hands, waiting for the akimat's answer.
  const waiting = await createAppeal(
    db,
    appeal('2026-11-19T10:00', 'Су құбыры жарылды', { assignee: me }),
    ctx,
  );
  await transitionAppeal(db, waiting.id, { type: 'start' }, ctx);
  await transitionAppeal(db, waiting.id, { type: 'awaitAgency' }, ctx);

  // One inquiry whose answer is late, one answered; the registry has no repository for them
  // yet, so they are written as the inquiries screen will write them.
  const now = ctx.now?.().toISOString() ?? new Date().toISOString();
  for (const [status, dueDate] of [
    ['sent', '2026-11-12'],
    ['answered', '2026-11-12'],
  ] as const) {
    await db.inquiries.add({
      ...newBaseFields({ id: newId(), now, userId: ctx.userId }),
      ...inquiryInputSchema.parse({
        addressee: 'Алматы қаласы Энергетика басқармасы',
        subject: 'Жылу беру туралы',
        status,
        outgoingDate: '2026-10-22',
        dueDate,
        response:
          status === 'answered' ? { receivedOn: '2026-11-10', summary: 'Жылу берілді.' } : null,
      }),
    });
  }
  return {
    overdue: overdue.id,
    dueToday: dueToday.id,
    dueSoon: dueSoon.id,
    notContacted: notContacted.id,
    contactSoon: contactSoon.id,
    decided: decided.id,
    waiting: waiting.id,
  };
}

/** A reception on `date` (the seed asks for at least one a month). */
export async function addReception(
  db: TizilimDb,
  ctx: WriteContext,
  date: string,
  status: 'planned' | 'held' | 'cancelled' = 'planned',
) {
  const now = ctx.now?.().toISOString() ?? new Date().toISOString();
  await db.receptions.add({
    ...newBaseFields({ id: newId(), now, userId: ctx.userId }),
    ...receptionInputSchema.parse({
      date,
      startTime: '10:00',
      place: 'Абай даңғылы, 10, мәслихат ғимараты',
      status,
      cancelReason: status === 'cancelled' ? 'Депутат ауырып қалды' : null,
    }),
  });
}
