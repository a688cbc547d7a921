import { useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import { labelOf, textFor, topicLabel, type Applicant } from '@shared/domain';
import { isLang, type Lang } from '@shared/i18n/lang';
import { formatKzPhone } from '@shared/validation/phone';
import { useSession } from '@renderer/app/session';
import { formatBytes, formatDay, formatDayTime } from '@shared/format';
import { HistoryTimeline, userName, type HistoryLookups } from '../history';
import { useAppealBundle, type AppealBundle } from '../useAppealBundle';
import { useFixedT } from '@renderer/ui/useFixedT';
import { officeHeader } from './office';
import { PrintMissing } from '@renderer/ui/print/PrintMissing';
import { usePrintReady } from '@renderer/ui/print/printReady';
import '@renderer/ui/print/print.css';
import './print.css';

type Row = [label: string, value: ReactNode];

function Rows({ rows }: { rows: Row[] }) {
  return (
    <table className="card-table">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function applicantLines(applicant: Applicant, lang: Lang, t: ReturnType<typeof useFixedT>['t']) {
  const { locality, district, street, building, flat } = applicant.address;
  const address = [locality, district, street, building, flat].filter((p) => p.trim()).join(', ');
  const parts = [
    applicant.phones.map(formatKzPhone).join(', '),
    applicant.email ?? '',
    address,
    `${t('appeal.applicant.preferredLanguage')}: ${labelOf('language', applicant.preferredLanguage, lang)}`,
    applicant.vulnerableCategories.length
      ? `${t('appeal.applicant.vulnerable')}: ${applicant.vulnerableCategories
          .map((c) => labelOf('vulnerableCategory', c, lang))
          .join(', ')}`
      : '',
  ];
  return parts.filter((p) => p.trim() !== '');
}

function Card({ bundle, lang }: { bundle: AppealBundle; lang: Lang }) {
  const { t } = useFixedT(lang);
  const { settings, user } = useSession();
  const [printedAt] = useState(() => toKzLocalDateTime(new Date()));
  const { appeal, applicant, coApplicants } = bundle;
  const office = officeHeader(settings, lang);
  const none = t('common.notSet');
  const text = (value: string | null | undefined) => (value && value.trim() ? value : none);
  const lookups: HistoryLookups = {
    users: settings.users,
    topics: settings.topics,
    applicantNames: bundle.applicantNames,
    attachmentNames: bundle.attachmentNames,
  };
  const { locality, district, street, building } = appeal.location;
  const place = [locality, district, street, building].filter((p) => p.trim()).join(', ');

  const registration: Row[] = [
    [t('appeal.fields.receivedAt'), formatDayTime(appeal.receivedAt)],
    [t('appeal.fields.registeredOn'), formatDay(appeal.registeredOn)],
    [t('appeal.fields.channel'), labelOf('channel', appeal.channel, lang)],
    [t('appeal.fields.kind'), labelOf('kind', appeal.kind, lang)],
    [
      t('appeal.fields.collective'),
      appeal.collective
        ? `${t('common.yes')}, ${t('appeal.fields.signatories').toLocaleLowerCase(lang)}: ${String(appeal.signatories ?? '—')}`
        : t('common.no'),
    ],
    [t('appeal.receipt.acceptedBy'), userName(settings.users, appeal.createdBy, t)],
    [
      t('appeal.fields.applicantId'),
      applicant ? (
        <>
          <strong>{applicant.fullName || t('appeal.applicant.anonymised')}</strong>
          {applicantLines(applicant, lang, t).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </>
      ) : (
        t('common.anonymous')
      ),
    ],
  ];
  if (coApplicants.length) {
    registration.push([
      t('appeal.fields.coApplicantIds'),
      coApplicants.map((a) => a.fullName).join(', '),
    ]);
  }

  const content: Row[] = [
    [t('appeal.fields.subject'), <strong key="s">{appeal.subject}</strong>],
    [t('appeal.fields.text'), <div className="card-text">{appeal.text}</div>],
    [t('appeal.fields.expectation'), <div className="card-text">{text(appeal.expectation)}</div>],
    [t('appeal.fields.topic'), topicLabel(settings.topics, appeal.topic, lang)],
    [t('appeal.fields.location'), text(place)],
    [
      t('appeal.fields.priority'),
      appeal.priority
        ? `${t('common.yes')}${appeal.priorityReason ? `: ${appeal.priorityReason}` : ''}`
        : t('common.no'),
    ],
    [
      t('appeal.fields.proposedAction'),
      appeal.proposedAction ? labelOf('proposedAction', appeal.proposedAction, lang) : none,
    ],
    [t('appeal.fields.tags'), appeal.tags.length ? appeal.tags.join(', ') : none],
  ];

  const work: Row[] = [
    [t('appeal.fields.status'), labelOf('status', appeal.status, lang)],
    [
      t('appeal.fields.assignee'),
      appeal.assignee ? userName(settings.users, appeal.assignee, t) : none,
    ],
    [t('appeal.fields.acknowledgeBy'), formatDayTime(appeal.acknowledgeBy)],
    [
      t('appeal.fields.firstContactAt'),
      appeal.firstContactAt ? formatDayTime(appeal.firstContactAt) : none,
    ],
    [t('appeal.fields.decideBy'), formatDay(appeal.decideBy)],
  ];
  if (appeal.extendedTo) {
    work.push([
      t('appeal.fields.extensionReason'),
      `${formatDay(appeal.extendedTo)}: ${text(appeal.extensionReason)}`,
    ]);
  }
  work.push([
    t('appeal.fields.outcome'),
    appeal.outcome ? labelOf('outcome', appeal.outcome, lang) : none,
  ]);
  if (appeal.notResolvedReason) {
    work.push([
      t('appeal.fields.notResolvedReason'),
      labelOf('notResolvedReason', appeal.notResolvedReason, lang),
    ]);
  }
  if (appeal.forwardedTo) work.push([t('appeal.fields.forwardedTo'), appeal.forwardedTo]);
  work.push(
    [t('appeal.fields.decidedOn'), appeal.decidedOn ? formatDay(appeal.decidedOn) : none],
    [
      t('appeal.fields.outcomeSummary'),
      <div className="card-text">{text(appeal.outcomeSummary)}</div>,
    ],
    [
      t('appeal.fields.applicantInformedAt'),
      appeal.applicantInformedAt
        ? `${formatDayTime(appeal.applicantInformedAt)}${
            appeal.informedVia ? `, ${labelOf('informChannel', appeal.informedVia, lang)}` : ''
          }`
        : none,
    ],
    [
      t('appeal.fields.publicSummary'),
      <div className="card-text">{text(textFor(appeal.publicSummary, lang))}</div>,
    ],
    [t('appeal.fields.inReport'), appeal.inReport ? t('common.yes') : t('common.no')],
    [
      t('appeal.fields.attachmentIds'),
      bundle.attachments.length
        ? bundle.attachments.map((f) => `${f.fileName} (${formatBytes(f.size, lang)})`).join('; ')
        : none,
    ],
  );

  return (
    <article className="appeal-card-print" aria-labelledby="card-title">
      <header className="card-head">
        <div className="card-printed">
          {t('appeal.card.printedAt', { at: formatDayTime(printedAt), user: user.fullName })}
        </div>
        <div className="card-office">
          <div>{office.maslikhat}</div>
          <div>
            {office.position ? `${office.position} ` : ''}
            <strong>{office.deputyName}</strong>
            {office.okrugNumber !== null &&
              `, ${t('appeal.receipt.okrug', { number: office.okrugNumber })}`}
          </div>
        </div>
        <h1 id="card-title">{t('appeal.card.title')}</h1>
        <div className="card-regno">{t('appeal.receipt.number', { regNo: appeal.regNo })}</div>
      </header>
      <section>
        <h2>{t('appeal.card.registration')}</h2>
        <Rows rows={registration} />
      </section>
      <section>
        <h2>{t('appeal.card.content')}</h2>
        <Rows rows={content} />
      </section>
      <section>
        <h2>{t('appeal.card.work')}</h2>
        <Rows rows={work} />
      </section>
      <section className="card-history">
        <h2>{t('appeal.history.title')}</h2>
        <HistoryTimeline events={bundle.events} lookups={lookups} order="oldest" lang={lang} />
      </section>
    </article>
  );
}

/** `/print/appeal/:id`: every field of the appeal and its whole history, A4. */
export function AppealCardPrint() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { lang: interfaceLang } = useSession();
  const requested = search.get('lang');
  const lang: Lang = isLang(requested) ? requested : interfaceLang;
  const bundle = useAppealBundle(id);
  usePrintReady(bundle === undefined ? 'loading' : bundle === null ? 'failed' : 'ready');
  return (
    <div className="print-sheet card-sheet" lang={lang}>
      {bundle === undefined ? null : bundle === null ? (
        <PrintMissing lang={lang} />
      ) : (
        <Card bundle={bundle} lang={lang} />
      )}
    </div>
  );
}
