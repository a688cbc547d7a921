import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, type Applicant } from '@shared/domain';
import { formatKzPhone, formatPhone } from '@shared/validation/phone';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { maskIin, maskPhone } from './display';

/** How long a revealed IIN, phone and address stay shown before they are hidden again. */
export const REVEAL_MS = 15_000;

/** The address with only the locality and district: the street and house identify a home. */
function maskedAddress(address: Applicant['address']): string {
  const open = [address.locality, address.district].map((p) => p.trim()).filter((p) => p !== '');
  const hidden = [address.street, address.building, address.flat].some((p) => p.trim() !== '');
  return [...open, ...(hidden ? ['•••'] : [])].join(', ');
}

/** One line of an address, as people write it: «Астана, Абай к-сі, 12, 5-пәтер». */
export function addressLine(address: Applicant['address']): string {
  return [address.locality, address.district, address.street, address.building, address.flat]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * A person's contact details as a list a visitor may see shows them (the picker's options,
 * «came before?» suggestions): phones and IIN masked, the address without street and house.
 */
export function maskedDetails(person: Pick<Applicant, 'phones' | 'iin' | 'address'>): string[] {
  return [
    ...person.phones.map((p) => maskPhone(formatKzPhone(p))),
    person.iin ? maskIin(person.iin) : '',
    maskedAddress(person.address),
  ].filter((part) => part !== '');
}

/**
 * Who a person is, at a glance: name, phones, IIN, address, priority categories. It is shown
 * where a visitor may be looking (the reception intake, the appeal form's picker), so the
 * IIN, the phones and the street address are masked; «Show» reveals them for a moment
 * (a button, reachable by Tab; they hide again by themselves).
 */
export function ApplicantSummary({
  applicant,
  showConsent = false,
}: {
  applicant: Applicant;
  showConsent?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(false), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  const address = revealed ? addressLine(applicant.address) : maskedAddress(applicant.address);
  const maskable =
    applicant.phones.length > 0 || applicant.iin !== null || addressLine(applicant.address) !== '';
  return (
    <div className="applicant-summary">
      <strong className="applicant-name">{applicant.fullName}</strong>
      <span className="applicant-details">
        {applicant.phones.map((p) => (
          <span key={p}>{revealed ? formatPhone(p, lang) : maskPhone(formatPhone(p, lang))}</span>
        ))}
        {applicant.iin && (
          <span>
            {t('appealForm.applicant.iinShort')} {revealed ? applicant.iin : maskIin(applicant.iin)}
          </span>
        )}
        {address && <span>{address}</span>}
        {maskable && (
          <button
            type="button"
            className="link-button reveal-personal"
            aria-pressed={revealed}
            aria-label={t(revealed ? 'privacy.hideLabel' : 'privacy.showLabel', {
              name: applicant.fullName,
            })}
            onClick={() => setRevealed((r) => !r)}
          >
            {t(revealed ? 'privacy.hide' : 'privacy.show')}
          </button>
        )}
      </span>
      {applicant.vulnerableCategories.length > 0 && (
        <span className="applicant-tags">
          {applicant.vulnerableCategories.map((c) => (
            <span key={c} className="vulnerable-chip">
              {labelOf('vulnerableCategory', c, lang)}
            </span>
          ))}
        </span>
      )}
      {showConsent && (
        <span className={`consent-line${applicant.consent?.given ? '' : ' missing'}`}>
          {applicant.consent?.given
            ? t('appealForm.applicant.consentOn', {
                date: formatDay(applicant.consent.date),
                form: labelOf('consentForm', applicant.consent.form, lang),
              })
            : t('appealForm.applicant.consentNone')}
        </span>
      )}
    </div>
  );
}
