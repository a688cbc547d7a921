import { describe, expect, it } from 'vitest';
import {
  initialIntake,
  minutesBetween,
  restoreIntake,
  toIntakeInput,
  vulnerableReason,
} from '@renderer/features/reception/run/intakeModel';

const ENTRY = { name: 'Омарова Күләш', phone: '+77015551234', applicantId: null };

describe('intake model', () => {
  it('starts from the queue entry: name, phone as people write it', () => {
    expect(initialIntake(ENTRY)).toMatchObject({
      fullName: 'Омарова Күләш',
      phone: '+7 701 555 12 34',
      applicantId: '',
      text: '',
    });
  });

  it('restores a draft exactly, and ignores what does not fit', () => {
    const text = '  Бірінші жол\nЕкінші жол — әғқңөұүһі  ';
    const restored = restoreIntake(ENTRY, {
      text,
      proposedAction: 'inquiry',
      consent: 'yes',
      unknown: 1,
    });
    expect(restored.text).toBe(text);
    expect(restored.proposedAction).toBe('inquiry');
    expect(restored.consent).toBe('');
    // A draft from before the explicit choice kept a ticked box: that was consent given.
    expect(restoreIntake(ENTRY, { consent: true }).consent).toBe('given');
    expect(restoreIntake(ENTRY, { consent: 'refused' }).consent).toBe('refused');
    expect(restored).not.toHaveProperty('unknown');
    expect(restoreIntake(ENTRY, null)).toEqual(initialIntake(ENTRY));
    expect(restoreIntake(ENTRY, 'text')).toEqual(initialIntake(ENTRY));
  });

  it('turns the screen into the repository input', () => {
    const values = {
      ...initialIntake(ENTRY),
      text: 'Жол жоқ',
      proposedAction: 'forwarding' as const,
      result: 'Жолдаймыз',
      consent: 'given' as const,
      iin: '',
    };
    const input = toIntakeInput(
      values,
      { receptionId: 'r', entryId: 'e' },
      { today: '2026-11-24', lang: 'kk', categories: ['pensioner', 'veteran'] },
    );
    expect(input).toMatchObject({
      receptionId: 'r',
      entryId: 'e',
      applicant: {
        create: {
          fullName: 'Омарова Күләш',
          phones: ['+7 701 555 12 34'],
          iin: null,
          preferredChannel: 'phone',
        },
      },
      consent: { kind: 'given', date: '2026-11-24', form: 'written' },
      proposedAction: 'forwarding',
      conversationResult: 'Жолдаймыз',
      respondBy: null,
      priorityReason: 'Зейнеткер, Ардагер',
    });
    const returning = toIntakeInput(
      { ...values, applicantId: 'a1', proposedAction: '', respondBy: '2026-12-01' },
      { receptionId: 'r', entryId: 'e' },
      { today: '2026-11-24', lang: 'ru', categories: [] },
    );
    expect(returning).toMatchObject({
      applicant: { existingId: 'a1' },
      proposedAction: null,
      respondBy: '2026-12-01',
      priorityReason: null,
    });
    // Refused: registered without personal data, whatever was typed about the person.
    const refused = toIntakeInput(
      { ...values, consent: 'refused', iin: '061211600012' },
      { receptionId: 'r', entryId: 'e' },
      { today: '2026-11-24', lang: 'kk', categories: [] },
    );
    expect(refused).toMatchObject({ applicant: null, consent: { kind: 'refused' } });
    // Nothing chosen: the repository asks for the choice.
    expect(
      toIntakeInput(
        { ...values, consent: '' },
        { receptionId: 'r', entryId: 'e' },
        { today: '2026-11-24', lang: 'kk', categories: [] },
      ).consent,
    ).toBeNull();
  });

  it('names categories and counts waiting minutes', () => {
    expect(vulnerableReason(['disability'], 'ru')).toBe('Человек с инвалидностью');
    expect(minutesBetween('2026-11-24T10:05', '2026-11-24T10:47')).toBe(42);
    expect(minutesBetween('2026-11-24T10:05', '2026-11-24T10:00')).toBe(0);
  });
});
