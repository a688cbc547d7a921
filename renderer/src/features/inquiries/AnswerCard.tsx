import { useTranslation } from 'react-i18next';
import { labelOf, RESPONSE_PARTS, type Inquiry } from '@shared/domain';
import { missingPartsOf } from '@shared/workflow/inquiries';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { formatBytes, formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';

export function AnswerCard({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const response = inquiry.response;
  const files = useLiveQuery(
    async () =>
      response
        ? (await db.attachments.bulkGet(response.attachmentIds)).filter((a) => a !== undefined)
        : [],
    [db, response],
  );
  if (!response) return null;
  const missing = missingPartsOf(inquiry);
  const open = (blob: unknown, name: string) => {
    const url = URL.createObjectURL(blob instanceof Blob ? blob : new Blob([blob as BlobPart]));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section
      className={`card answer-card${missing.length > 0 ? ' incomplete' : ''}`}
      aria-labelledby="answer-title"
    >
      <h2 id="answer-title">{t('inquiries.answer.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('inquiries.response.receivedOn')}</dt>
          <dd>{formatDay(response.receivedOn)}</dd>
        </div>
        <div>
          <dt>{t('inquiries.answer.their')}</dt>
          <dd>
            {response.theirNo ? `№ ${response.theirNo}` : '—'}
            {response.theirDate ? `, ${formatDay(response.theirDate)}` : ''}
          </dd>
        </div>
      </dl>
      {response.summary && <p className="answer-summary">{response.summary}</p>}
      <ul className="parts-check" aria-label={t('inquiries.response.partsTitle')}>
        {RESPONSE_PARTS.map((part, i) => (
          <li key={part} className={response.check[part] ? 'present' : 'missing'}>
            <span aria-hidden="true">{response.check[part] ? '✓' : '✗'}</span> {i + 1}.{' '}
            {labelOf('responsePart', part, lang)}
            <span className="visually-hidden">
              {' — '}
              {response.check[part] ? t('inquiries.answer.present') : t('inquiries.answer.missing')}
            </span>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <p className="notice warning incomplete-flag" role="status">
          {t('inquiries.answer.incompleteFlag', { count: missing.length })}
        </p>
      )}
      {files && files.length > 0 && (
        <ul className="answer-files">
          {files.map((file) => (
            <li key={file.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => open(file.blob, file.fileName)}
              >
                {file.fileName}
              </button>{' '}
              <span className="muted small">{formatBytes(file.size, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
