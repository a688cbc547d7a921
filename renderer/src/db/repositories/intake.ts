import {
  applicantSchema,
  makeEvent,
  type Appeal,
  type Applicant,
  type Reception,
} from '@shared/domain';
import {
  checkIntake,
  checkRespondBy,
  intakeDeadline,
  subjectFromText,
  type IntakeInput,
} from '@shared/reception/intake';
import type { TizilimDb } from '../database';
import { liveReception } from '@renderer/db/queries/receptions';
import { appealTables, createAppeal, storeAppeal } from './appeals';
import { createApplicant } from './applicants';
import { loadRules, stamp, type WriteContext } from './context';
import { numberingTables } from './numbering';
import { notFound, parseOrThrow, RepositoryError } from './errors';
import { checkRunning, writeQueue } from './queue';
import { checkConsentChoice, consentOf, hasConsent } from '@shared/validation/consent';
import { factClockOf, refuseIssues } from './facts';
import { nextVersion } from './records';

/** Drafts of unfinished intakes: one per visitor, `${receptionId}:${entryId}`. */
export const INTAKE_DRAFT_KIND = 'intake';

export function intakeDraftKey(receptionId: string, entryId: string): string {
  return `${receptionId}:${entryId}`;
}

export interface IntakeResult {
  appeal: Appeal;
  applicant: Applicant | null;
  reception: Reception;
}

/**
 * Finishes a visitor's conversation, all in ONE transaction: the applicant is linked (or
 * created), the appeal registered (channel reception, linked to the reception) with its
 * history, the promised response date set as its decision deadline, the queue entry marked
 * done, and the intake's draft removed. Any failure leaves everything as it was — the draft
 * included, so not a word is lost.
 */
export async function registerIntake(
  db: TizilimDb,
  input: IntakeInput,
  ctx: WriteContext,
): Promise<IntakeResult> {
  const issues = checkIntake(input);
  if (issues.length > 0) throw new RepositoryError('validation', null, issues);
  // Consent: a new person's data is stored only with it, or not at all (refused).
  const choice = input.consent ?? null;
  const clock = factClockOf(ctx);
  const create = input.applicant && 'create' in input.applicant ? input.applicant.create : null;
  if (create) {
    refuseIssues(
      checkConsentChoice({ person: create, onFile: create.consent ?? null, choice }, clock),
    );
  } else if (choice !== null) {
    refuseIssues(checkConsentChoice({ person: null, choice }, clock));
  }
  const text = input.text.trim();
  const time = stamp(ctx);
  return db.transaction(
    'rw',
    [...appealTables(db), db.receptions, ...numberingTables(db), db.drafts],
    async () => {
      const reception = await liveReception(db, input.receptionId);
      checkRunning(reception);
      const entry = reception.queue.find((e) => e.id === input.entryId);
      if (!entry) throw notFound();
      if (entry.status === 'done' || entry.appealId !== null) {
        throw new RepositoryError('conflict', 'intake_already_registered');
      }
      if (entry.status === 'left') throw new RepositoryError('conflict', 'queue_status_invalid');

      const rules = await loadRules(db);
      const deadline = intakeDeadline(
        rules.calendar,
        time.local,
        rules.settings,
        input.proposedAction ?? null,
      );
      const late = input.respondBy
        ? checkRespondBy(rules.calendar, input.respondBy, deadline)
        : null;
      if (late) throw new RepositoryError('validation', null, [late]);

      let applicant: Applicant | null = null;
      if (input.applicant && 'existingId' in input.applicant) {
        const found = await db.applicants.get(input.applicant.existingId);
        if (!found || found.deletedAt !== null) throw notFound();
        refuseIssues(checkConsentChoice({ person: found, onFile: found.consent, choice }, clock));
        applicant = found;
        if (choice?.kind === 'given' && !hasConsent(found)) {
          // A returning visitor gave the consent that was missing from their record.
          applicant = parseOrThrow(
            applicantSchema,
            nextVersion(found, { consent: consentOf(choice) }, time, ctx.userId),
          );
          await db.applicants.put(applicant);
        }
      } else if (input.applicant) {
        const given = input.applicant.create;
        applicant = await createApplicant(
          db,
          {
            ...given,
            consent: choice?.kind === 'given' ? consentOf(choice) : (given.consent ?? null),
            vulnerableCategories: [
              ...new Set([...(given.vulnerableCategories ?? []), ...entry.vulnerableCategories]),
            ],
          },
          ctx,
        );
      }

      const subject = input.subject?.trim() || subjectFromText(text);
      const created = await createAppeal(
        db,
        {
          receivedAt: time.local,
          channel: 'reception',
          kind: input.kind ?? 'application',
          applicantId: applicant?.id ?? null,
          subject,
          text: input.text,
          expectation: input.expectation ?? '',
          topic: input.topic?.trim() || 'other',
          location: {
            locality: input.location?.locality ?? '',
            district: input.location?.district ?? '',
            street: input.location?.street ?? '',
            building: input.location?.building ?? '',
          },
          priority: entry.vulnerable,
          priorityReason: entry.vulnerable ? input.priorityReason?.trim() || null : null,
          proposedAction: input.proposedAction ?? null,
          receptionId: reception.id,
          // The deputy spoke to the visitor in person: that is the first contact.
          firstContactAt: time.local,
        },
        ctx,
      );
      let appeal = created;
      const respondBy = input.respondBy ?? deadline.legal;
      if (respondBy !== created.decideBy) {
        // An earlier promise than the law's term: the office holds itself to it.
        appeal = { ...created, decideBy: respondBy };
        await storeAppeal(db, appeal);
      }
      const result = input.conversationResult?.trim() ?? '';
      const refused = choice?.kind === 'refused';
      if (result !== '' || input.proposedAction || refused) {
        await db.events.add(
          makeEvent({
            appealId: appeal.id,
            type: 'noteAdded',
            data: {
              source: 'reception',
              receptionId: reception.id,
              proposedAction: input.proposedAction ?? null,
              respondBy,
              // The visitor refused consent: registered without personal data, by choice.
              ...(refused ? { withoutPersonalData: true } : {}),
            },
            now: time.iso,
            userId: ctx.userId,
            note: result,
          }),
        );
      }

      const queue = reception.queue.map((e) =>
        e.id === entry.id
          ? {
              ...e,
              status: 'done' as const,
              appealId: appeal.id,
              applicantId: applicant?.id ?? e.applicantId,
            }
          : e,
      );
      const next = await writeQueue(db, reception, queue, ctx, time.iso);
      await db.drafts
        .where('[kind+key]')
        .equals([INTAKE_DRAFT_KIND, intakeDraftKey(reception.id, entry.id)])
        .delete();
      return { appeal, applicant, reception: next };
    },
  );
}
