import { useTranslation } from 'react-i18next';
import { labelOf, type Applicant } from '@shared/domain';
import { formatPhone } from '@shared/validation/phone';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';

/** One line of an address, as people write it: «Астана, Абай к-сі, 12, 5-пәтер». */
export function addressLine(address: Applicant['address']): string {
  return [address.locality, address.district, address.street, address.building, address.flat]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

/** Who a person is, at a glance: name, phones, IIN, address, priority categories. */
export function ApplicantSummary({
  applicant,
  showConsent = false,
}: {
  applicant: Applicant;
  showConsent?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const address = addressLine(applicant.address);
  return (
    <div className="applicant-summary">
      <strong className="applicant-name">{applicant.fullName}</strong>
      <span className="applicant-details">
        {applicant.phones.map((p) => (
          <span key={p}>{formatPhone(p, lang)}</span>
        ))}
        {applicant.iin && (
          <span>
            {t('appealForm.applicant.iinShort')} {applicant.iin}
          </span>
        )}
        {address && <span>{address}</span>}
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
