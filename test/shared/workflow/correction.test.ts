import { describe, expect, it } from 'vitest';

import { appealSchema } from '@shared/domain/appeal';
import { eventSchema } from '@shared/domain/event';
import { messageFor } from '@shared/validation/messages';
import { correctDecision } from '@shared/workflow/correction';
import { decidedAppealFixture, USER_ID } from '../domain/fixtures';

/** 11:00 in Astana on 20 March 2026. */
const ctx = { now: '2026-03-20T06:00:00.000Z', userId: USER_ID };

describe('correctDecision', () => {
  it('corrects a mistyped decision date and keeps the old one in the history', () => {
    const appeal = decidedAppealFixture({
      status: 'closed',
      applicantInformedAt: '2026-03-13T11:00',
      informedVia: 'phone',
    });
    const result = correctDecision(
      appeal,
      { decidedOn: '2026-03-11', reason: 'Шешім хатының күні қате терілген' },
      ctx,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.appeal).toMatchObject({
      decidedOn: '2026-03-11',
      status: 'closed',
      outcome: 'resolved',
      version: appeal.version + 1,
      updatedAt: ctx.now,
    });
    expect(appealSchema.safeParse(result.appeal).success).toBe(true);
    expect(eventSchema.parse(result.event)).toMatchObject({
      type: 'fieldChanged',
      appealId: appeal.id,
      note: 'Шешім хатының күні қате терілген',
      data: {
        changes: [{ field: 'decidedOn', from: '2026-03-12', to: '2026-03-11' }],
        correction: 'decision',
        reason: 'Шешім хатының күні қате терілген',
      },
    });
    // The input is not mutated.
    expect(appeal.decidedOn).toBe('2026-03-12');
  });

  it('corrects the outcome with its companions, listing every changed field', () => {
    const result = correctDecision(
      decidedAppealFixture(),
      {
        outcome: 'not_resolved',
        notResolvedReason: 'needs_budget',
        outcomeSummary: 'Жөндеуге қаражат келесі жылдың бюджетінде қаралады.',
        reason: 'Нәтиже қате таңдалған',
      },
      ctx,
    );
    expect(result.ok && result.event.data.changes.map((c) => c.field)).toEqual([
      'outcome',
      'notResolvedReason',
      'outcomeSummary',
    ]);
  });

  it.each([
    [{ decidedOn: '2026-03-25' }, 'decidedOn', 'date_future_decided'],
    [{ decidedOn: '2026-03-01' }, 'decidedOn', 'decided_before_received'],
    [{ decidedOn: '1999-03-01' }, 'decidedOn', 'date_early_decided'],
    [{ decidedOn: '2026-03-2' }, 'decidedOn', 'decided_on_required'],
    [{ outcome: 'not_resolved' as const }, 'notResolvedReason', 'not_resolved_reason_required'],
    [{ outcome: 'forwarded' as const }, 'forwardedTo', 'forwarded_to_required'],
    [{ outcomeSummary: '  ' }, 'outcomeSummary', 'outcome_summary_required'],
    [{ decidedOn: '2026-03-11', reason: ' ' }, 'reason', 'correction_reason_required'],
    [{}, '', 'correction_no_change'],
  ] as const)('%j is refused: %s %s', (patch, path, code) => {
    const result = correctDecision(decidedAppealFixture(), { reason: 'Қате', ...patch }, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toContainEqual({ path, code });
    expect(messageFor(code, 'ru')).not.toBe(messageFor('invalid_value', 'ru'));
  });

  it('refuses a decision moved after the day the applicant was told it', () => {
    const appeal = decidedAppealFixture({
      applicantInformedAt: '2026-03-13T11:00',
      informedVia: 'sms',
    });
    const result = correctDecision(appeal, { decidedOn: '2026-03-16', reason: 'Қате' }, ctx);
    expect(!result.ok && result.issues).toEqual([
      { path: 'decidedOn', code: 'informed_before_decision' },
    ]);
  });

  it('applies only to decided or closed appeals', () => {
    const open = decidedAppealFixture({ status: 'in_progress', outcome: null, decidedOn: null });
    expect(correctDecision(open, { decidedOn: '2026-03-11', reason: 'Қате' }, ctx)).toEqual({
      ok: false,
      issues: [{ path: '', code: 'correction_not_decided' }],
    });
  });
});
