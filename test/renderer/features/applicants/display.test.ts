import { describe, expect, it } from 'vitest';
import { formatPhones } from '@renderer/features/applicants/display';
import { applicantInputSchema } from '@shared/domain';

describe('phones as the screens show them', () => {
  it('stores any country normalised and shows it with the country name in the user’s language', () => {
    const { phones } = applicantInputSchema.parse({
      fullName: 'Каримов Рустам',
      phones: ['8 701 234 56 78', '+998 90 123-45-67', '+49 30 1234567'],
    });
    expect(phones).toEqual(['+77012345678', '+998901234567', '+49301234567']);
    expect(formatPhones(phones, 'kk')).toBe(
      '+7 701 234 56 78, +998 90 123 45 67 (Өзбекстан), +49 30 1234567 (Германия)',
    );
    expect(formatPhones(phones, 'ru')).toBe(
      '+7 701 234 56 78, +998 90 123 45 67 (Узбекистан), +49 30 1234567 (Германия)',
    );
  });
});
