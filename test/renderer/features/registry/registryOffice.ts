import { WRITTEN_CONSENT } from '@test/renderer/db/helpers';
import { afterEach, beforeEach, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal, createApplicant } from '@renderer/db/repositories';
import { resetDatabase, seedOffice } from '../settings/officeApp';

export const NOW = new Date('2026-11-20T05:00:00Z');

/** Call once at the top of a registry page test file: the clock, a laid-out table, a clean database. */
export function registryPageTests(afterEachTest: () => void = () => undefined): void {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    // jsdom lays nothing out; the virtual table renders the rows that fit its height.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  });
  afterEach(async () => {
    afterEachTest();
    vi.restoreAllMocks();
    vi.useRealTimers();
    await resetDatabase();
  });
}

/**
 * Three appeals of one applicant, received on 11, 12 and 13 November (2026-0001 … 0003);
 * `anonymousSecond`: the second has no applicant.
 */
export async function officeWithThreeAppeals(fullName: string, anonymousSecond = false) {
  const userId = await seedOffice();
  const ctx = { userId, now: () => NOW };
  const db = getDb();
  const person = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName, phones: ['87012345678'] },
    ctx,
  );
  const subjects = ['Шатыр ағып тұр', 'Нет горячей воды', 'Аулада жарық жоқ'];
  for (const [i, subject] of subjects.entries()) {
    await createAppeal(
      db,
      {
        channel: 'reception',
        topic: 'housing',
        receivedAt: `2026-11-1${String(i + 1)}T10:00`,
        applicantId: anonymousSecond && i === 1 ? null : person.id,
        subject,
        text: `${subject}. Абай көшесі, 12.`,
        location: { locality: 'Астана', district: '', street: 'Абай', building: '12' },
      },
      ctx,
    );
  }
}
