import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { appealSchema } from '@shared/domain/appeal';
import type { Appeal } from '@shared/domain/appeal';
import {
  APPEAL_STATUSES,
  INFORM_CHANNELS,
  NOT_RESOLVED_REASONS,
  OUTCOMES,
} from '@shared/domain/enums';
import type { AppealStatus } from '@shared/domain/enums';
import { eventSchema } from '@shared/domain/event';
import { newId } from '@shared/ids';
import {
  ACTION_TYPES,
  TRANSITIONS,
  applyTransition,
  availableActions,
  canApply,
} from '@shared/workflow/status';
import type { ActionType, WorkflowAction } from '@shared/workflow/status';
import { appealFixture, decidedAppealFixture, NOW, USER_ID } from '../domain/fixtures';

const ctx = { now: '2026-03-14T06:00:00.000Z', userId: USER_ID };

function appealIn(status: AppealStatus): Appeal {
  switch (status) {
    case 'registered':
    case 'in_progress':
    case 'waiting_agency':
      return appealFixture({ status });
    case 'decided':
      return decidedAppealFixture();
    case 'closed':
      return decidedAppealFixture({
        status: 'closed',
        applicantInformedAt: '2026-03-13T11:00',
        informedVia: 'phone',
      });
  }
}

/** A payload that passes every guard, so only the status decides. */
function validAction(type: ActionType): WorkflowAction {
  switch (type) {
    case 'start':
    case 'close':
      return { type };
    case 'awaitAgency':
    case 'agencyAnswered':
      return { type, inquiryId: newId() };
    case 'decide':
      return {
        type,
        outcome: 'resolved',
        outcomeSummary: 'Ыстық су берілді',
        decidedOn: '2026-03-12',
      };
    case 'informApplicant':
      return { type, informedAt: '2026-03-13T11:00', via: 'phone' };
    case 'reopen':
      return { type, reason: 'Ыстық су қайтадан өшірілді' };
  }
}

const EXPECTED: Record<AppealStatus, Partial<Record<ActionType, AppealStatus>>> = {
  registered: { start: 'in_progress', decide: 'decided' },
  in_progress: { awaitAgency: 'waiting_agency', decide: 'decided' },
  waiting_agency: { agencyAnswered: 'in_progress', decide: 'decided' },
  // informApplicant is offered on a decided appeal and keeps its status; close needs it first.
  decided: { informApplicant: 'decided', close: 'closed' },
  closed: { reopen: 'in_progress' },
};

describe('availableActions', () => {
  it.each(APPEAL_STATUSES)('%s offers exactly its transitions', (status) => {
    expect(availableActions({ status })).toEqual(
      ACTION_TYPES.filter((type) => EXPECTED[status][type] !== undefined),
    );
  });

  it('treats an unknown action type as never applicable', () => {
    expect(canApply('registered', 'archive' as ActionType)).toBe(false);
  });
});

describe('applyTransition: statuses × actions', () => {
  const cases = APPEAL_STATUSES.flatMap((status) =>
    ACTION_TYPES.map((type) => [status, type, EXPECTED[status][type] ?? null] as const),
  );

  it.each(cases)('%s + %s → %s', (status, type, to) => {
    let appeal = appealIn(status);
    if (status === 'decided' && type === 'close') {
      appeal = { ...appeal, applicantInformedAt: '2026-03-13T11:00', informedVia: 'sms' };
    }
    const result = applyTransition(appeal, validAction(type), ctx);
    if (to === null) {
      expect(result).toEqual({ ok: false, error: { code: 'invalid_transition' } });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.appeal.status).toBe(to);
    expect(result.appeal).toMatchObject({
      updatedAt: ctx.now,
      updatedBy: ctx.userId,
      version: appeal.version + 1,
    });
    expect(appealSchema.safeParse(result.appeal).success).toBe(true);
    expect(eventSchema.parse(result.event)).toEqual(result.event);
    expect(result.event).toMatchObject({ appealId: appeal.id, at: ctx.now, userId: ctx.userId });
    if (type === 'informApplicant') {
      expect(result.event.type).toBe('applicantInformed');
    } else {
      expect(result.event).toMatchObject({
        type: 'statusChanged',
        data: { from: status, to, action: type },
      });
    }
  });
});

describe('transitions in detail', () => {
  it('start records the note on the event', () => {
    const result = applyTransition(appealIn('registered'), { type: 'start', note: ' Алдым ' }, ctx);
    expect(result.ok && result.event.note).toBe('Алдым');
  });

  it('awaitAgency and agencyAnswered carry the inquiry id when given', () => {
    const inquiryId = newId();
    const sent = applyTransition(appealIn('in_progress'), { type: 'awaitAgency', inquiryId }, ctx);
    expect(sent.ok && sent.event.data).toMatchObject({ inquiryId });
    const back = applyTransition(appealIn('waiting_agency'), { type: 'agencyAnswered' }, ctx);
    expect(back.ok && back.event.data).not.toHaveProperty('inquiryId');
  });

  it('decide sets the outcome fields and records them', () => {
    const result = applyTransition(
      appealIn('waiting_agency'),
      {
        type: 'decide',
        outcome: 'not_resolved',
        outcomeSummary: '  Жөндеуге қаражат 2027 жылғы бюджетке енгізілмеді  ',
        notResolvedReason: 'needs_budget',
        decidedOn: '2026-03-12',
      },
      ctx,
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.appeal).toMatchObject({
      status: 'decided',
      outcome: 'not_resolved',
      notResolvedReason: 'needs_budget',
      outcomeSummary: 'Жөндеуге қаражат 2027 жылғы бюджетке енгізілмеді',
      decidedOn: '2026-03-12',
    });
    expect(result.event.data).toMatchObject({
      outcome: 'not_resolved',
      notResolvedReason: 'needs_budget',
      decidedOn: '2026-03-12',
    });
  });

  it('decide ignores a reason for an outcome other than not_resolved', () => {
    const result = applyTransition(
      appealIn('in_progress'),
      { ...validAction('decide'), notResolvedReason: 'other' } as WorkflowAction,
      ctx,
    );
    expect(result.ok && result.appeal.notResolvedReason).toBeNull();
  });

  it('decide from registered covers a consultation on the spot, even on a day off', () => {
    // Received at a Saturday reception, registered on Monday, answered on Saturday.
    const appeal = appealFixture({ receivedAt: '2026-03-07T11:00', registeredOn: '2026-03-09' });
    const result = applyTransition(
      appeal,
      {
        type: 'decide',
        outcome: 'explained',
        outcomeSummary: 'Түсіндірілді',
        decidedOn: '2026-03-07',
      },
      ctx,
    );
    expect(result.ok && result.appeal.status).toBe('decided');
  });

  it('decide forwarded takes the body from the action or the appeal', () => {
    const action = {
      type: 'decide',
      outcome: 'forwarded',
      outcomeSummary: 'Облыстық денсаулық сақтау басқармасына жолданды',
      decidedOn: '2026-03-05',
    } as const;
    expect(applyTransition(appealIn('in_progress'), action, ctx)).toEqual({
      ok: false,
      error: { code: 'forwarded_to_required' },
    });
    expect(
      applyTransition(appealIn('in_progress'), { ...action, forwardedTo: '   ' }, ctx),
    ).toEqual({ ok: false, error: { code: 'forwarded_to_required' } });
    const given = applyTransition(
      appealIn('in_progress'),
      { ...action, forwardedTo: ' Денсаулық сақтау басқармасы ' },
      ctx,
    );
    expect(given.ok && given.appeal.forwardedTo).toBe('Денсаулық сақтау басқармасы');
    expect(given.ok && given.event.data).toMatchObject({
      forwardedTo: 'Денсаулық сақтау басқармасы',
    });
    const kept = applyTransition(
      appealFixture({ status: 'in_progress', forwardedTo: 'Әкімдік' }),
      action,
      ctx,
    );
    expect(kept.ok && kept.appeal.forwardedTo).toBe('Әкімдік');
  });

  it('informApplicant records when and how, keeps the status, fills the first contact', () => {
    const appeal = decidedAppealFixture({ firstContactAt: null });
    const result = applyTransition(
      appeal,
      {
        type: 'informApplicant',
        informedAt: '2026-03-13T11:00',
        via: 'whatsapp',
        note: 'Хабарланды',
      },
      ctx,
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.appeal).toMatchObject({
      status: 'decided',
      applicantInformedAt: '2026-03-13T11:00',
      informedVia: 'whatsapp',
      firstContactAt: '2026-03-13T11:00',
    });
    expect(result.event).toMatchObject({
      type: 'applicantInformed',
      data: { informedAt: '2026-03-13T11:00', via: 'whatsapp' },
      note: 'Хабарланды',
    });
    const earlier = applyTransition(
      decidedAppealFixture({ firstContactAt: '2026-03-02T10:15' }),
      { type: 'informApplicant', informedAt: '2026-03-13T11:00', via: 'phone' },
      ctx,
    );
    expect(earlier.ok && earlier.appeal.firstContactAt).toBe('2026-03-02T10:15');
  });

  it('close after informing, and reopen clears the decision but keeps it in the event', () => {
    const informed = applyTransition(appealIn('decided'), validAction('informApplicant'), ctx);
    if (!informed.ok) throw new Error(informed.error.code);
    const closed = applyTransition(informed.appeal, { type: 'close' }, ctx);
    if (!closed.ok) throw new Error(closed.error.code);
    expect(closed.appeal.status).toBe('closed');
    expect(closed.event.data).toMatchObject({ from: 'decided', to: 'closed', outcome: 'resolved' });

    const reopened = applyTransition(
      closed.appeal,
      { type: 'reopen', reason: ' Су қайта өшті ' },
      ctx,
    );
    if (!reopened.ok) throw new Error(reopened.error.code);
    expect(reopened.appeal).toMatchObject({
      status: 'in_progress',
      outcome: null,
      notResolvedReason: null,
      decidedOn: null,
      applicantInformedAt: null,
      informedVia: null,
      outcomeSummary: closed.appeal.outcomeSummary,
      version: closed.appeal.version + 1,
    });
    expect(reopened.event.note).toBe('Су қайта өшті');
    expect(reopened.event.data).toMatchObject({
      reason: 'Су қайта өшті',
      previous: {
        outcome: 'resolved',
        decidedOn: '2026-03-12',
        applicantInformedAt: '2026-03-13T11:00',
      },
    });
    expect(appealSchema.safeParse(reopened.appeal).success).toBe(true);
  });
});

describe('guards', () => {
  const decide = validAction('decide') as Extract<WorkflowAction, { type: 'decide' }>;

  it.each([
    ['an unknown outcome', { ...decide, outcome: 'done' }, 'outcome_required'],
    ['no outcome', { ...decide, outcome: undefined }, 'outcome_required'],
    ['an empty summary', { ...decide, outcomeSummary: '   ' }, 'outcome_summary_required'],
    ['a missing summary', { ...decide, outcomeSummary: undefined }, 'outcome_summary_required'],
    [
      'not_resolved without a reason',
      { ...decide, outcome: 'not_resolved' },
      'not_resolved_reason_required',
    ],
    [
      'not_resolved with a bad reason',
      { ...decide, outcome: 'not_resolved', notResolvedReason: 'lazy' },
      'not_resolved_reason_required',
    ],
    ['an invalid decision date', { ...decide, decidedOn: '2026-02-30' }, 'decided_on_required'],
    ['no decision date', { ...decide, decidedOn: undefined }, 'decided_on_required'],
    [
      'a decision before the appeal arrived',
      { ...decide, decidedOn: '2026-03-01' },
      'decided_before_received',
    ],
  ])('decide rejects %s', (_name, action, code) => {
    expect(applyTransition(appealIn('in_progress'), action as WorkflowAction, ctx)).toEqual({
      ok: false,
      error: { code },
    });
  });

  it.each([
    ['an invalid time', { informedAt: '2026-03-13 11:00', via: 'phone' }, 'informed_at_invalid'],
    ['a missing time', { via: 'phone' }, 'informed_at_invalid'],
    [
      'an unknown channel',
      { informedAt: '2026-03-13T11:00', via: 'pigeon' },
      'informed_via_invalid',
    ],
    [
      'a time before the decision',
      { informedAt: '2026-03-11T18:00', via: 'phone' },
      'informed_before_decision',
    ],
  ])('informApplicant rejects %s', (_name, payload, code) => {
    const action = { type: 'informApplicant', ...payload } as WorkflowAction;
    expect(applyTransition(appealIn('decided'), action, ctx)).toEqual({
      ok: false,
      error: { code },
    });
  });

  it('close requires the applicant to have been informed', () => {
    expect(applyTransition(appealIn('decided'), { type: 'close' }, ctx)).toEqual({
      ok: false,
      error: { code: 'applicant_informed_required' },
    });
  });

  it.each([[''], ['   ']])('reopen requires a reason (%j)', (reason) => {
    expect(applyTransition(appealIn('closed'), { type: 'reopen', reason }, ctx)).toEqual({
      ok: false,
      error: { code: 'reopen_reason_required' },
    });
  });

  it('checks the status before the payload', () => {
    expect(applyTransition(appealIn('closed'), { ...decide, outcomeSummary: '' }, ctx)).toEqual({
      ok: false,
      error: { code: 'invalid_transition' },
    });
  });
});

describe('property: random action sequences from registered', () => {
  const text = fc.constantFrom('', '   ', 'Шешілді', 'Решено частично');
  const action: fc.Arbitrary<WorkflowAction> = fc.oneof(
    fc.constant({ type: 'start' } as const),
    fc.record({ type: fc.constant('awaitAgency' as const), inquiryId: fc.constant(newId()) }),
    fc.constant({ type: 'agencyAnswered' } as const),
    fc.record(
      {
        type: fc.constant('decide' as const),
        outcome: fc.constantFrom(...OUTCOMES, 'bogus' as never),
        outcomeSummary: text,
        notResolvedReason: fc.constantFrom(undefined, null, ...NOT_RESOLVED_REASONS),
        decidedOn: fc.constantFrom('2026-03-12', '2026-03-02', '2026-03-01', '2026-02-30'),
        forwardedTo: fc.constantFrom(undefined, null, '', 'Әкімдік'),
      },
      { requiredKeys: ['type', 'outcome', 'outcomeSummary', 'decidedOn'] },
    ),
    fc.record({
      type: fc.constant('informApplicant' as const),
      informedAt: fc.constantFrom('2026-03-13T11:00', '2026-03-11T09:00', '13.03.2026'),
      via: fc.constantFrom(...INFORM_CHANNELS, 'pigeon' as never),
    }),
    fc.constant({ type: 'close' } as const),
    fc.record({ type: fc.constant('reopen' as const), reason: text }),
  );

  it('stays within the machine, never mutates, and agrees with availableActions', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let appeal = appealFixture({ status: 'registered', firstContactAt: null });
        for (const a of actions) {
          const snapshot = structuredClone(appeal);
          const available = availableActions(appeal);
          const result = applyTransition(Object.freeze(appeal), a, ctx);
          expect(appeal).toEqual(snapshot);
          if (!result.ok) {
            expect(result.error.code === 'invalid_transition').toBe(!available.includes(a.type));
            continue;
          }
          expect(available).toContain(a.type);
          expect(TRANSITIONS[a.type].from).toContain(appeal.status);
          expect(APPEAL_STATUSES).toContain(result.appeal.status);
          expect(result.appeal.version).toBe(appeal.version + 1);
          expect(result.event.appealId).toBe(appeal.id);
          expect(result.event.id).not.toBe(appeal.id);
          // The machine only ever produces appeals that the stored schema accepts.
          expect(appealSchema.safeParse(result.appeal).error?.issues ?? []).toEqual([]);
          expect(eventSchema.safeParse(result.event).success).toBe(true);
          appeal = result.appeal;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with valid payloads, applyTransition accepts exactly availableActions (status level)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTION_TYPES), { maxLength: 40 }), (types) => {
        let appeal: Appeal = appealFixture({ status: 'registered' });
        const seen = new Set<AppealStatus>([appeal.status]);
        for (const type of types) {
          const result = applyTransition(appeal, validAction(type), ctx);
          const available = availableActions(appeal).includes(type);
          if (result.ok) {
            expect(available).toBe(true);
            appeal = result.appeal;
            seen.add(appeal.status);
          } else {
            // The only payload-independent guard: close before informing.
            expect(result.error.code).toBe(
              available ? 'applicant_informed_required' : 'invalid_transition',
            );
          }
        }
        for (const status of seen) expect(APPEAL_STATUSES).toContain(status);
      }),
    );
  });
});

it('uses the given clock only', () => {
  const result = applyTransition(
    appealIn('registered'),
    { type: 'start' },
    { now: NOW, userId: 'system' },
  );
  expect(result.ok && result.event.createdAt).toBe(NOW);
  expect(result.ok && result.appeal.updatedBy).toBe('system');
});
