import type { TFunction } from 'i18next';
import type { QuarterlyReport } from '@shared/report/types';
import { formatKzPhone } from '@shared/validation/phone';
import type { ReportTable } from '../tables';
import { DocTable } from './DocTable';

/** The indicators, the contacts and the signature, kept together on the last page. */
export function ReportClosing({
  report,
  table,
  t,
}: {
  report: QuarterlyReport;
  table: (id: string) => ReportTable;
  t: TFunction;
}) {
  const { header } = report;
  const allContacts: [string, string][] = [
    [t('report.doc.address'), header.receptionAddress],
    [t('report.doc.phone'), header.officePhone ? formatKzPhone(header.officePhone) : ''],
    [t('report.doc.email'), header.officeEmail ?? ''],
    ['Telegram', header.officeTelegram],
    [t('report.doc.website'), header.officeWebsite],
  ];
  const contacts = allContacts.filter(([, value]) => value.trim() !== '');
  // The indicators and the contacts stay together: never a page of contacts alone.
  return (
    <div className="rep-closing">
      <section className="rep-section rep-indicators" aria-labelledby={`ind-${report.lang}`}>
        <h2 id={`ind-${report.lang}`}>{t('report.ind.title')}</h2>
        <DocTable table={table('indicators')} caption={false} />
      </section>

      <footer className="rep-end">
        {contacts.length > 0 && (
          <div className="rep-contacts">
            <h3>{t('report.doc.contacts')}</h3>
            <ul>
              {contacts.map(([label, value]) => (
                <li key={label}>
                  <span>{label}:</span> {value}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="rep-sign">
          <div>{header.deputyPosition}</div>
          <strong>{header.signedBy || header.deputyName}</strong>
        </div>
      </footer>
    </div>
  );
}
