import type { AppealInput } from '@shared/domain';

/** An appeal decided (resolved) on `day`, registered that morning; the report screens' unit. */
export function decidedAppeal(day: string, overrides: Partial<AppealInput> = {}): AppealInput {
  return {
    receivedAt: `${day}T10:00`,
    channel: 'reception',
    kind: 'complaint',
    applicantId: null,
    subject: 'Аулада жарық жоқ',
    text: 'Кешке аула қараңғы, шамдар жанбайды.',
    topic: 'improvement',
    status: 'decided',
    outcome: 'resolved',
    decidedOn: day,
    ...overrides,
  };
}
