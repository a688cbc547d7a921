/** What will happen to an appeal, as dated steps (the workflow the office follows). */
import { isWorkingDay } from '../../calendar';
import type {
  Appeal,
  BilingualText,
  InformChannel,
  NotResolvedReason,
  Outcome,
} from '../../domain';
import type { Lang } from '../../i18n/lang';
import { maxExtensionDate, validateExtension } from '../../workflow/deadlines';
import {
  ANSWER_NOTES,
  AWAIT_NOTE,
  type Agency,
  EXTENSION_NOTICE_NOTE,
  EXTENSION_REASONS,
  FIRST_CONTACT_NOTES,
  NOTES,
  REOPEN_REASONS,
  START_NOTES,
} from '../phrases';
import type { Problem } from '../texts';
import {
  type Builder,
  type Path,
  type Person,
  type Skeleton,
  type Step,
  type Vars,
  dayOf,
  fill,
  minuteOf,
  officeAfter,
  workDayAfter,
} from './core';
import { agencyVars, bilingualPublicSummary, outcomeSummary } from './summaries';
import {
  AFTER_ANSWER_DAYS,
  AWAIT_DAYS,
  CLOSE,
  CONTACT_HOW,
  FORWARD_DAYS,
  INFORM_DAYS,
  IN_PERSON,
  IN_REPORT,
  NOTE_COUNTS,
  START_DAYS,
} from './tables';

/**
 * Everything that will happen to the appeal, as dated steps. Steps after the end of
 * `today` are dropped later, so the same plan yields a closed appeal when it is old and an
 * open one when it is recent.
 */
export function plan(
  b: Builder,
  p: {
    sk: Skeleton;
    appeal: Appeal;
    path: Path;
    outcome: Outcome;
    notResolvedReason: NotResolvedReason | null;
    lang: Lang;
    words: Problem['kk'];
    vars: Vars;
    /** The other language's words and placeholders, for texts kept in both. */
    other: { words: Problem['kk']; vars: Vars };
    agency: Agency;
    anonymous: boolean;
    repeat: boolean;
    lead: Person | null;
    worker: () => string;
    createdBy: string;
    collective: number;
    personal: boolean;
  },
): Step[] {
  const rng = b.rng;
  const { sk, path, outcome, lang, vars, worker } = p;
  const reg = sk.registeredOn;
  const wd = (n: number): string => workDayAfter(b, n, reg);
  const decider = (): string => (rng.chance(0.3) ? b.deputy : worker());
  const officeLang: Lang = rng.chance(0.85) ? lang : lang === 'kk' ? 'ru' : 'kk';
  const steps: Step[] = [];
  let prev = sk.created;
  const at = (day: string): number => {
    prev = officeAfter(b, day, prev);
    return prev;
  };

  const summary = (o: Outcome): string => outcomeSummary(b, o, path, p, vars);
  const publicSummary = (o: Outcome): BilingualText => bilingualPublicSummary(b, o, p, vars);

  let decideLm: number;
  let extension: { lm: number; to: string } | null = null;
  if (path === 'consult') {
    decideLm = sk.created + rng.int(8, 30);
    prev = decideLm;
    // Whoever typed the intake records the consultation given on the spot.
    steps.push({
      lm: decideLm,
      kind: 'decide',
      outcome,
      summary: summary(outcome),
      user: p.createdBy,
    });
  } else {
    const nStart = rng.weighted(START_DAYS);
    let nDecide: number;
    let nAwait: number | null = null;
    let nAnswer: number | null = null;
    if (path === 'quick') {
      nDecide = outcome === 'forwarded' ? rng.weighted(FORWARD_DAYS) : rng.int(1, 5);
    } else if (path === 'explain') {
      nDecide = nStart + (rng.chance(0.9) ? rng.int(1, 8) : rng.int(9, 16));
    } else if (path === 'inquiry') {
      nAwait = nStart + rng.weighted(AWAIT_DAYS);
      const agencyDays = rng.chance(0.65)
        ? rng.int(3, 10)
        : rng.chance(0.77)
          ? rng.int(10, 15)
          : rng.int(16, 25);
      nAnswer = nAwait + agencyDays;
      nDecide = nAnswer + rng.weighted(AFTER_ANSWER_DAYS);
    } else {
      nDecide = nStart + (rng.chance(0.85) ? rng.int(3, 12) : rng.int(13, 22));
    }
    const stuck = path !== 'quick' && rng.chance(0.03);
    if (stuck) nDecide = nDecide * 2 + rng.int(15, 60);
    if (
      !stuck &&
      (path === 'inquiry' || path === 'meeting') &&
      outcome !== 'withdrawn' &&
      rng.chance(0.075)
    ) {
      // An extension is decided a few days before the term runs out, up to the legal cap.
      const cap = maxExtensionDate(reg);
      let nTo = rng.int(22, 40);
      while (wd(nTo) > cap) nTo -= 1;
      const to = wd(nTo);
      const nExtend = rng.int(10, 14);
      const extendLm = officeAfter(b, wd(nExtend), sk.created);
      const check = validateExtension(b.cal, reg, p.appeal.decideBy, to);
      if (check.ok) {
        extension = { lm: extendLm, to };
        nDecide = rng.chance(0.85) ? rng.int(Math.max(16, nExtend + 1), nTo) : nTo + rng.int(1, 6);
      }
    }
    if (outcome === 'withdrawn') {
      nDecide = nStart + rng.int(1, 10);
      nAnswer = null;
      if (nAwait !== null && nAwait >= nDecide) nAwait = null;
    }
    if (nAnswer !== null && nAwait !== null) {
      // An extension is usually asked for because the agency has not answered yet.
      const latest = nDecide - rng.int(0, 3);
      nAnswer = Math.max(nAwait + 1, extension === null ? Math.min(nAnswer, latest) : latest);
      nDecide = Math.max(nDecide, nAnswer);
    }
    if (path !== 'quick' || (rng.chance(0.5) && nStart < nDecide)) {
      const note = rng.chance(0.5) ? rng.pick(START_NOTES[officeLang]) : '';
      steps.push({ lm: at(wd(Math.min(nStart, nDecide))), kind: 'start', note, user: worker() });
    }
    if (nAwait !== null) {
      const note = fill(AWAIT_NOTE[officeLang], agencyVars(p.agency, officeLang));
      steps.push({ lm: at(wd(nAwait)), kind: 'awaitAgency', note, user: worker() });
    }
    if (nAnswer !== null) {
      const note = rng.chance(0.6) ? rng.pick(ANSWER_NOTES[officeLang]) : '';
      steps.push({ lm: at(wd(nAnswer)), kind: 'agencyAnswered', note, user: worker() });
    }
    decideLm = at(wd(nDecide));
    steps.push({
      lm: decideLm,
      kind: 'decide',
      outcome,
      summary: summary(outcome),
      user: decider(),
    });
    if (extension !== null) {
      const reason = rng.pick(EXTENSION_REASONS[lang]);
      steps.push({ lm: extension.lm, kind: 'extend', to: extension.to, reason, user: worker() });
      const noticeDay = workDayAfter(b, rng.int(0, 2), dayOf(extension.lm));
      steps.push({
        lm: officeAfter(b, noticeDay, extension.lm),
        kind: 'note',
        note: EXTENSION_NOTICE_NOTE[officeLang],
        user: worker(),
      });
    }
  }

  const via: InformChannel =
    path === 'consult'
      ? 'in_person'
      : p.lead === null || (p.collective > 80 && rng.chance(0.4))
        ? 'publication'
        : p.lead.channel;
  const publish = (lm: number, o: Outcome): void => {
    steps.push({
      lm,
      kind: 'publish',
      summary: publicSummary(o),
      inReport: rng.chance(IN_REPORT[o]),
      user: worker(),
    });
  };

  // Reporting the result back, and closing.
  let informLm: number | null = null;
  if (path === 'consult') {
    informLm = decideLm + rng.int(1, 3);
    steps.push({ lm: informLm, kind: 'inform', via, user: p.createdBy });
    const closeLm = rng.chance(0.8)
      ? informLm + rng.int(1, 5)
      : officeAfter(b, workDayAfter(b, 1, dayOf(informLm)), informLm);
    steps.push({ lm: closeLm, kind: 'close', note: '', user: worker() });
    publish(closeLm + rng.int(1, 30), outcome);
  } else {
    publish(decideLm + rng.int(2, 40), outcome);
    const delay = rng.weighted(INFORM_DAYS);
    if (delay !== null) {
      informLm = officeAfter(b, workDayAfter(b, delay, dayOf(decideLm)), decideLm);
      steps.push({ lm: informLm, kind: 'inform', via, user: worker() });
      const r = rng.next();
      const closeLm =
        r < 0.75
          ? informLm + rng.int(1, 25)
          : r < 0.95
            ? officeAfter(b, workDayAfter(b, rng.int(1, 3), dayOf(informLm)), informLm)
            : null;
      if (closeLm !== null) {
        steps.push({ lm: closeLm, kind: 'close', note: '', user: worker() });
        if (outcome === 'resolved' && rng.chance(0.015)) {
          // The problem came back after the repair: the office reopens and decides again.
          const reopenLm = officeAfter(b, workDayAfter(b, rng.int(5, 25), dayOf(closeLm)), closeLm);
          const reason = rng.pick(REOPEN_REASONS[lang]);
          steps.push({ lm: reopenLm, kind: 'reopen', reason, user: worker() });
          const again: Outcome = rng.chance(0.7) ? 'resolved' : 'partially_resolved';
          const redecideLm = officeAfter(
            b,
            workDayAfter(b, rng.int(3, 10), dayOf(reopenLm)),
            reopenLm,
          );
          steps.push({
            lm: redecideLm,
            kind: 'decide',
            outcome: again,
            summary: summary(again),
            user: decider(),
          });
          publish(redecideLm + rng.int(2, 40), again);
          const reinformLm = officeAfter(
            b,
            workDayAfter(b, rng.int(0, 2), dayOf(redecideLm)),
            redecideLm,
          );
          steps.push({ lm: reinformLm, kind: 'inform', via, user: worker() });
          steps.push({
            lm: reinformLm + rng.int(1, 25),
            kind: 'close',
            note: '',
            user: worker(),
          });
        }
      }
    }
  }

  // First contact, for the 72-hour rule: in person it happened at the intake.
  if (p.lead !== null && !IN_PERSON.has(sk.channel)) {
    const r = rng.next();
    let contact: number | null = null;
    if (r < 0.84) {
      contact = sk.created + rng.int(5, 240);
      if (dayOf(contact) !== dayOf(sk.created) || minuteOf(contact) > CLOSE + 30) {
        contact = officeAfter(b, workDayAfter(b, 1, dayOf(sk.created)), sk.created);
      }
    } else if (r < 0.92) {
      contact = officeAfter(b, workDayAfter(b, rng.int(1, 2), dayOf(sk.created)), sk.created);
    } else if (r < 0.96) {
      contact = officeAfter(b, workDayAfter(b, rng.int(3, 6), dayOf(sk.created)), sk.created);
    }
    const recordedAt = contact === null ? null : contact + rng.int(0, 15);
    // Reporting the result counts as contact too; a later record would not start from null.
    if (contact !== null && recordedAt !== null && (informLm === null || recordedAt < informLm)) {
      const note = rng.chance(0.6)
        ? FIRST_CONTACT_NOTES[officeLang][CONTACT_HOW[p.lead.channel]]
        : '';
      steps.push({ lm: recordedAt, kind: 'contact', contactAt: contact, note, user: worker() });
    }
  }

  // Notes while the appeal is being worked on.
  const notes = rng.weighted(NOTE_COUNTS);
  const end = Math.min(decideLm, b.cutoff);
  for (let i = 0; i < notes && end - sk.created > 60; i++) {
    const lm = sk.created + 30 + Math.floor(rng.next() * (end - sk.created - 30));
    const day = dayOf(lm);
    const workDay = isWorkingDay(b.cal, day) ? day : workDayAfter(b, 1, day);
    const noteLm = officeAfter(b, workDay, lm);
    if (noteLm >= end) continue;
    const note = fill(rng.pick(NOTES[officeLang]), agencyVars(p.agency, officeLang));
    steps.push({ lm: noteLm, kind: 'note', note, user: worker() });
  }
  return steps;
}
