import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ApplicantSummary, maskedDetails } from '@renderer/features/applicants';
import { maskPhone } from '@renderer/features/applicants/display';
import { applicantSchema } from '@shared/domain';
import { initI18n } from '@renderer/i18n';

const gulnar = applicantSchema.parse({
  id: '0190f5a2-4c2a-7f43-9a39-3f1a3c3e9f01',
  createdAt: '2026-11-20T05:00:00.000Z',
  updatedAt: '2026-11-20T05:00:00.000Z',
  createdBy: 'aigerim',
  updatedBy: 'aigerim',
  version: 1,
  deletedAt: null,
  fullName: 'Сейітқали Гүлнар Маратқызы',
  phones: ['+77012345678', '+998901234567'],
  iin: '061211600012',
  address: {
    locality: 'Астана',
    district: 'Сарыарқа',
    street: 'Абай көшесі',
    building: '12',
    flat: '34',
  },
  anonymisedAt: null,
  mergedInto: null,
});

describe('masking personal data where a visitor may look', () => {
  it('keeps the country code and the last two digits of a phone', () => {
    expect(maskPhone('+7 701 234 56 78')).toBe('+7 ••• ••• •• 78');
    expect(maskPhone('+998 90 123 45 67 (Өзбекстан)')).toBe('+998 •• ••• •• 67 (Өзбекстан)');
    expect(maskedDetails(gulnar)).toEqual([
      '+7 ••• ••• •• 78',
      '+998 •• ••• •• 67',
      '••••••••0012',
      'Астана, Сарыарқа, •••',
    ]);
  });

  it('shows the summary masked; «Show» (a keyboard-reachable button) reveals, «Hide» masks again', async () => {
    const i18n = await initI18n('ru');
    render(
      <I18nextProvider i18n={i18n}>
        <ApplicantSummary applicant={gulnar} />
      </I18nextProvider>,
    );
    const summary = document.querySelector('.applicant-summary')!;
    expect(summary).not.toHaveTextContent('061211600012');
    expect(summary).not.toHaveTextContent('Абай');
    expect(summary).toHaveTextContent('+7 ••• ••• •• 78');
    const user = userEvent.setup();
    await user.tab();
    const show = screen.getByRole('button', { name: /ненадолго показать ИИН, телефон и адрес/ });
    expect(show).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(summary).toHaveTextContent('061211600012');
    expect(summary).toHaveTextContent('Абай көшесі, 12, 34');
    expect(summary).toHaveTextContent('+7 701 234 56 78');
    await user.click(screen.getByRole('button', { name: /скрыть ИИН, телефон и адрес/ }));
    expect(summary).not.toHaveTextContent('061211600012');
  });
});
