import { describe, expect, it } from 'vitest';
import { createKzCalendar } from '@shared/calendar';
import {
  checkIntake,
  checkRespondBy,
  checkVisitor,
  intakeDeadline,
  queueMove,
  subjectFromText,
} from '@shared/reception/intake';
import { summarizeReception } from '@shared/reception/summary';
import { DEFAULT_DEADLINE_RULES, DEFAULT_WORK_HOURS } from '@shared/workflow/deadlines';

const cal = createKzCalendar();
const rules = {
  workHours: DEFAULT_WORK_HOURS,
  deadlines: DEFAULT_DEADLINE_RULES,
};

describe('reception summary', () => {
  it('leaves deleted appeals and appeals without an action out', () => {
    const summary = summarizeReception({ queue: [] }, [
      {
        id: 'a',
        regNo: '2026-0001',
        subject: 'x',
        topic: 'other',
        proposedAction: null,
        decideBy: '2026-12-01',
        decidedOn: null,
        status: 'registered',
        deletedAt: null,
      },
      {
        id: 'b',
        regNo: '2026-0002',
        subject: 'y',
        topic: 'health',
        proposedAction: 'meeting',
        decideBy: '2026-12-01',
        decidedOn: null,
        status: 'registered',
        deletedAt: '2026-11-24T06:00:00.000Z',
      },
    ]);
    expect(summary).toMatchObject({
      appealsRegistered: 1,
      promises: [],
      topics: [{ topic: 'other', count: 1 }],
    });
  });
});

describe('subjectFromText', () => {
  it('takes the first sentence, or cuts a long one at a word', () => {
    expect(subjectFromText('Жол жоқ. Көп жыл бойы.')).toBe('Жол жоқ.');
    const long =
      'Біздің ауладағы балалар алаңы әбден тозған, әткеншектер сынған, құм жоқ, түнде жарық та жанбайды, сондықтан';
    const subject = subjectFromText(long);
    expect(subject.length).toBeLessThanOrEqual(81);
    expect(subject.endsWith('…')).toBe(true);
    expect(long.startsWith(subject.slice(0, -1))).toBe(true);
  });
});

describe('intake checks, before anything is stored', () => {
  const base = { receptionId: 'r', entryId: 'e', applicant: null, text: 'Жол жоқ' };

  it('wants the text, a known action and kind, a valid new applicant', () => {
    expect(checkIntake(base)).toEqual([]);
    expect(checkIntake({ ...base, text: '  ' })).toEqual([{ path: 'text', code: 'required' }]);
    expect(checkIntake({ ...base, proposedAction: 'dance' as never })).toEqual([
      { path: 'proposedAction', code: 'invalid_option' },
    ]);
    expect(checkIntake({ ...base, kind: 'poem' as never })).toEqual([
      { path: 'kind', code: 'invalid_option' },
    ]);
    const issues = checkIntake({ ...base, applicant: { create: { fullName: '', iin: '123' } } });
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['applicant.fullName']));
    expect(issues.every((i) => i.path.startsWith('applicant.'))).toBe(true);
  });

  it('holds a promised date between registration and the legal term, on a working day', () => {
    // Tuesday 24 November 2026, 10:00: registered the same day, 15 working days to decide.
    const deadline = intakeDeadline(cal, '2026-11-24T10:00', rules, null);
    expect(deadline.registeredOn).toBe('2026-11-24');
    expect(checkRespondBy(cal, deadline.legal, deadline)).toBeNull();
    expect(checkRespondBy(cal, '2026-11-23', deadline)?.code).toBe(
      'respond_by_before_registration',
    );
    expect(checkRespondBy(cal, '2027-03-01', deadline)?.code).toBe('respond_by_after_legal');
    expect(checkRespondBy(cal, '2026-11-28', deadline)?.code).toBe('respond_by_day_off');
    expect(checkRespondBy(cal, '28.11.2026', deadline)?.code).toBe('invalid_date');
    const forwarding = intakeDeadline(cal, '2026-11-24T10:00', rules, 'forwarding');
    expect(forwarding.legal < deadline.legal).toBe(true);
  });

  it('takes a visitor with a name, a Kazakhstan phone in E.164 and known categories once', () => {
    expect(checkVisitor({ name: ' Гүлнар ', phone: '8 701 234 56 78' })).toEqual({
      ok: true,
      name: 'Гүлнар',
      phone: '+77012345678',
      categories: [],
    });
    expect(
      checkVisitor({ name: 'Асқар', vulnerableCategories: ['pensioner', 'pensioner'] }),
    ).toMatchObject({ ok: true, categories: ['pensioner'] });
    expect(checkVisitor({ name: '' })).toEqual({
      ok: false,
      issue: { path: 'name', code: 'required' },
    });
    expect(checkVisitor({ name: 'А', phone: '12' })).toMatchObject({
      ok: false,
      issue: { path: 'phone' },
    });
    expect(checkVisitor({ name: 'А', vulnerableCategories: ['king' as never] })).toMatchObject({
      ok: false,
      issue: { path: 'vulnerableCategories', code: 'invalid_option' },
    });
  });

  it('moves a visitor only along the allowed steps of the queue', () => {
    expect(queueMove('waiting', 'call')).toBe('in_conversation');
    expect(queueMove('in_conversation', 'leave')).toBe('left');
    expect(queueMove('left', 'requeue')).toBe('waiting');
    expect(queueMove('done', 'requeue')).toBeNull();
    expect(queueMove('left', 'call')).toBeNull();
  });
});
