import { useParams, useSearchParams } from 'react-router';
import { isLang, type Lang } from '@shared/i18n/lang';
import { labelOf } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { formatDayLong, formatDayTime } from '@shared/format';
import { userName } from '../history';
import { useAppealBundle, type AppealBundle } from '../useAppealBundle';
import { useFixedT } from '@renderer/ui/useFixedT';
import { officeHeader } from './office';
import { formatUntil } from '@shared/format';
import { PrintMissing } from '@renderer/ui/print/PrintMissing';
import { usePrintReady } from '@renderer/ui/print/printReady';
import '@renderer/ui/print/print.css';
import './print.css';

/**
 * The language of a receipt: the one asked for in the route (`?lang=ru`), otherwise the
 * applicant's preferred language — the receipt is handed to them — otherwise (an anonymous
 * appeal) the interface language.
 */
export function receiptLanguage(
  requested: string | null,
  bundle: Pick<AppealBundle, 'applicant'> | null | undefined,
  interfaceLang: Lang,
): Lang {
  if (isLang(requested)) return requested;
  return bundle?.applicant?.preferredLanguage ?? interfaceLang;
}

function Receipt({ bundle, lang }: { bundle: AppealBundle; lang: Lang }) {
  const { t } = useFixedT(lang);
  const { settings } = useSession();
  const { appeal, applicant } = bundle;
  const office = officeHeader(settings, lang);
  const acceptedBy = settings.users.find((u) => u.id === appeal.createdBy);
  const contacts: [string, string][] = [
    [t('appeal.receipt.address'), office.receptionAddress],
    [t('appeal.receipt.phone'), office.phone],
    [t('appeal.receipt.email'), office.email],
    ['Telegram', office.telegram],
    [t('appeal.receipt.website'), office.website],
  ].filter((entry): entry is [string, string] => entry[1] !== '');
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <header className="receipt-head">
        <div className="receipt-office">
          <div className="receipt-maslikhat">{office.maslikhat}</div>
          <div className="receipt-deputy">
            {office.position ? `${office.position} ` : ''}
            <strong>{office.deputyName}</strong>
          </div>
          {office.okrugNumber !== null && (
            <div className="receipt-okrug">
              {t('appeal.receipt.okrug', { number: office.okrugNumber })}
            </div>
          )}
        </div>
        <div className="receipt-number">{t('appeal.receipt.number', { regNo: appeal.regNo })}</div>
      </header>
      <h1 id="receipt-title" className="receipt-title">
        {t('appeal.receipt.title')}
      </h1>
      <dl className="receipt-facts">
        <div>
          <dt>{t('appeal.receipt.receivedAt')}</dt>
          <dd>{formatDayTime(appeal.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('appeal.receipt.registeredOn')}</dt>
          <dd>{formatDayLong(appeal.registeredOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('appeal.receipt.applicant')}</dt>
          <dd>{applicant?.fullName || t('common.anonymous')}</dd>
        </div>
        <div>
          <dt>{t('appeal.receipt.subject')}</dt>
          <dd className="receipt-subject">{appeal.subject}</dd>
        </div>
        <div className="receipt-deadline">
          <dt>{t('appeal.receipt.deadline')}</dt>
          <dd>
            <strong>{formatUntil(appeal.decideBy, lang)}</strong>{' '}
            <span className="receipt-basis">{t('appeal.receipt.deadlineBasis')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('appeal.receipt.acceptedBy')}</dt>
          <dd className="receipt-accepted">
            <span>
              {userName(settings.users, appeal.createdBy, t)}
              {acceptedBy
                ? `, ${labelOf('userRole', acceptedBy.role, lang).toLocaleLowerCase(lang)}`
                : ''}
            </span>
            <span className="receipt-signature">
              <span className="receipt-signature-line" />
              <span className="receipt-signature-label">{t('appeal.receipt.signature')}</span>
            </span>
          </dd>
        </div>
      </dl>
      {contacts.length > 0 && (
        <footer className="receipt-contacts">
          <div className="receipt-contacts-title">{t('appeal.receipt.contacts')}</div>
          <ul>
            {contacts.map(([label, value]) => (
              <li key={label}>
                {label}: <strong>{value}</strong>
              </li>
            ))}
          </ul>
        </footer>
      )}
      <p className="receipt-keep">{t('appeal.receipt.keep')}</p>
    </section>
  );
}

/** `/print/receipt/:id`: the receipt the law requires when an appeal is accepted, A4 half page. */
export function ReceiptPrint() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { lang: interfaceLang } = useSession();
  const bundle = useAppealBundle(id);
  usePrintReady(bundle === undefined ? 'loading' : bundle === null ? 'failed' : 'ready');
  const lang = receiptLanguage(search.get('lang'), bundle, interfaceLang);
  return (
    <div className="print-sheet receipt-sheet" lang={lang}>
      {bundle === undefined ? null : bundle === null ? (
        <PrintMissing lang={lang} />
      ) : (
        <Receipt bundle={bundle} lang={lang} />
      )}
    </div>
  );
}
