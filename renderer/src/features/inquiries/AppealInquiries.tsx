import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf, type Appeal } from '@shared/domain';
import { missingPartsOf } from '@shared/workflow/inquiries';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { inquiriesOfAppeal } from '@renderer/db/queries/inquiries';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { InquiryDueBadge, InquiryStatusBadge } from './InquiryBadges';
import './inquiries.css';
import './inquiryLetter.css';
import './inquiryViews.css';
import { isOpen } from '@shared/workflow/predicates';

/** The appeal page's section: inquiries about this appeal, their answers, and a new one. */
export function AppealInquiries({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const inquiries = useLiveQuery(() => inquiriesOfAppeal(db, appeal.id), [db, appeal.id]);
  const canCreate = isOpen(appeal);
  return (
    <section className="card appeal-card appeal-inquiries" aria-labelledby="appeal-inquiries-title">
      <div className="card-title-row">
        <h2 id="appeal-inquiries-title">{t('inquiries.appeal.title')}</h2>
        {canCreate && (
          <Link className="button" to={`/inquiries/new?appeals=${appeal.id}`}>
            {t('inquiries.appeal.create')}
          </Link>
        )}
      </div>
      {inquiries === undefined ? null : inquiries.length === 0 ? (
        <p className="muted small">{t('inquiries.appeal.none')}</p>
      ) : (
        <ul className="appeal-inquiry-list">
          {inquiries.map((inquiry) => {
            const missing = missingPartsOf(inquiry);
            return (
              <li key={inquiry.id}>
                <div className="appeal-inquiry-line">
                  <Link to={`/inquiries/${inquiry.id}`}>
                    {inquiry.outgoingNo
                      ? t('inquiries.appeal.numbered', {
                          number: inquiry.outgoingNo,
                          date: formatDay(inquiry.outgoingDate),
                        })
                      : t('inquiries.draftNumber')}
                  </Link>
                  <InquiryStatusBadge inquiry={inquiry} />
                  {inquiry.status !== 'draft' && <InquiryDueBadge inquiry={inquiry} />}
                </div>
                <div className="small">{inquiry.addressee.split('\n')[0]}</div>
                {inquiry.response && (
                  <div className="appeal-inquiry-answer small">
                    {t('inquiries.appeal.answer', {
                      date: formatDay(inquiry.response.receivedOn),
                      number: inquiry.response.theirNo || '—',
                    })}
                    {inquiry.response.summary && <p>{inquiry.response.summary}</p>}
                    {missing.length > 0 && (
                      <p className="field-error">
                        {t('inquiries.appeal.missing', {
                          parts: missing.map((p) => labelOf('responsePart', p, lang)).join('; '),
                        })}
                      </p>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
