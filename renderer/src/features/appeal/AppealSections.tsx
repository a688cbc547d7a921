import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isBlankBilingual,
  labelOf,
  topicLabel,
  type Appeal,
  type Applicant,
  type Attachment,
  type BilingualText,
} from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { addNote, updateAppeal } from '@renderer/db/repositories';
import { getPlatform } from '@renderer/platform';
import { Dialog } from '@renderer/ui/Dialog';
import { BilingualFields } from '@renderer/ui/BilingualFields';
import { Field } from '@renderer/ui/Field';
import { formatBytes, formatDay, formatDayTime, formatTimestamp } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { submitOnCtrlEnter } from './ActionFormFooter';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';
import { HistoryTimeline, userName, type HistoryLookups } from './history';
import { personalDataWarnings } from './publicSummary';
import type { AppEvent } from '@shared/domain';

function locationLine(location: Appeal['location']): string {
  const { locality, district, street, building } = location;
  return [locality, district, street, building].filter((p) => p.trim() !== '').join(', ');
}

/** The appeal itself: the problem word for word, what the applicant expects, the facts. */
export function DetailsCard({
  appeal,
  onCorrect,
}: {
  appeal: Appeal;
  /** Opens the correction of a decided appeal's recorded decision. */
  onCorrect?: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { settings } = useSession();
  const facts: [string, string][] = [
    [t('appeal.fields.kind'), labelOf('kind', appeal.kind, lang)],
    [t('appeal.fields.channel'), labelOf('channel', appeal.channel, lang)],
    [t('appeal.fields.topic'), topicLabel(settings.topics, appeal.topic, lang)],
  ];
  if (locationLine(appeal.location)) {
    facts.push([t('appeal.fields.location'), locationLine(appeal.location)]);
  }
  if (appeal.proposedAction) {
    facts.push([
      t('appeal.fields.proposedAction'),
      labelOf('proposedAction', appeal.proposedAction, lang),
    ]);
  }
  if (appeal.assignee) {
    facts.push([t('appeal.fields.assignee'), userName(settings.users, appeal.assignee, t)]);
  }
  if (appeal.priority && appeal.priorityReason) {
    facts.push([t('appeal.fields.priorityReason'), appeal.priorityReason]);
  }
  if (appeal.tags.length > 0) facts.push([t('appeal.fields.tags'), appeal.tags.join(', ')]);
  const decision: [string, string][] = [];
  if (appeal.outcome) {
    decision.push([t('appeal.fields.outcome'), labelOf('outcome', appeal.outcome, lang)]);
  }
  if (appeal.notResolvedReason) {
    decision.push([
      t('appeal.fields.notResolvedReason'),
      labelOf('notResolvedReason', appeal.notResolvedReason, lang),
    ]);
  }
  if (appeal.decidedOn) decision.push([t('appeal.fields.decidedOn'), formatDay(appeal.decidedOn)]);
  if (appeal.forwardedTo) decision.push([t('appeal.fields.forwardedTo'), appeal.forwardedTo]);
  if (appeal.outcomeSummary) {
    decision.push([t('appeal.fields.outcomeSummary'), appeal.outcomeSummary]);
  }
  if (appeal.applicantInformedAt) {
    decision.push([
      t('appeal.fields.applicantInformedAt'),
      `${formatDayTime(appeal.applicantInformedAt)}${
        appeal.informedVia ? `, ${labelOf('informChannel', appeal.informedVia, lang)}` : ''
      }`,
    ]);
  }
  return (
    <section className="card appeal-card" aria-labelledby="appeal-text-title">
      <h2 id="appeal-text-title">{t('appeal.fields.text')}</h2>
      <p className="appeal-text">{appeal.text}</p>
      {appeal.expectation && (
        <>
          <h3>{t('appeal.fields.expectation')}</h3>
          <p className="appeal-text">{appeal.expectation}</p>
        </>
      )}
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {decision.length > 0 && (
        <dl className="facts decision-facts">
          {decision.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="appeal-text">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {onCorrect && (appeal.status === 'decided' || appeal.status === 'closed') && (
        <button type="button" className="button small correct-decision" onClick={onCorrect}>
          {t('correction.open')}
        </button>
      )}
    </section>
  );
}

/** The anonymised summary for the public report and its "include in the report" switch. */
export function PublicSummaryCard({
  appeal,
  applicant,
}: {
  appeal: Appeal;
  applicant: Applicant | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [draft, setDraft] = useState<BilingualText | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const text = draft ?? appeal.publicSummary;
  const dirty =
    draft !== null &&
    (draft.kk !== appeal.publicSummary.kk || draft.ru !== appeal.publicSummary.ru);
  const shown = showError(error, lang, t, ['publicSummary.kk', 'publicSummary.ru', 'inReport']);
  const warnings = personalDataWarnings(
    `${text.kk}\n${text.ru}`,
    applicant ? [applicant.fullName] : [],
  );

  useEffect(() => {
    if (savedAt === null) return;
    const timer = setTimeout(() => setSavedAt(null), 2500);
    return () => clearTimeout(timer);
  }, [savedAt]);

  const save = async (patch: {
    publicSummary?: BilingualText;
    inReport?: boolean;
    reportHighlight?: boolean;
  }) => {
    const next = {
      publicSummary: text,
      inReport: appeal.inReport,
      reportHighlight: appeal.reportHighlight,
      ...patch,
    };
    if (next.inReport && isBlankBilingual(next.publicSummary)) {
      setError({ kind: 'code', code: 'public_summary_required' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await updateAppeal(db, appeal.id, next, ctx, { expectedVersion: appeal.version });
      setDraft(null);
      setSavedAt(Date.now());
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ publicSummary: text });
  };

  const needsText = error?.kind === 'code' && error.code === 'public_summary_required';
  return (
    <section className="card appeal-card" aria-labelledby="appeal-public-title">
      <h2 id="appeal-public-title">{t('appeal.publicSummary.title')}</h2>
      <form onSubmit={submit} noValidate>
        <BilingualFields
          label={t('appeal.publicSummary.label')}
          hint={t('appeal.publicSummary.hint')}
          values={text}
          errors={{ kk: shown.fields['publicSummary.kk'], ru: shown.fields['publicSummary.ru'] }}
        >
          {(l) => (
            <textarea
              name={`publicSummary.${l}`}
              lang={l}
              rows={2}
              maxLength={1000}
              value={text[l]}
              onChange={(e) => {
                setDraft({ ...text, [l]: e.target.value });
                if (error) setError(null);
              }}
              onKeyDown={submitOnCtrlEnter}
            />
          )}
        </BilingualFields>
        {warnings.length > 0 && (
          <p className="notice warning personal-data-warnings" role="status">
            {t('initiatives.pii.warning', {
              kinds: warnings.map((kind) => t(`initiatives.pii.${kind}`)).join(', '),
            })}
          </p>
        )}
        <div className="public-summary-row">
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={appeal.inReport}
              disabled={busy}
              onChange={(e) => void save({ inReport: e.target.checked })}
            />
            <span>{t('appeal.publicSummary.inReport')}</span>
          </label>
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={appeal.reportHighlight}
              disabled={busy || !appeal.inReport}
              onChange={(e) => void save({ reportHighlight: e.target.checked })}
            />
            <span>{t('appeal.publicSummary.highlight')}</span>
          </label>
          <span className="spacer" />
          {savedAt !== null && !dirty && (
            <span className="saved-flag" role="status">
              {t('common.saved')}
            </span>
          )}
          <button type="submit" className="button" disabled={!dirty || busy}>
            {t('common.actions.save')}
          </button>
        </div>
        {(needsText || shown.message) && (
          <div className="notice error" role="alert">
            {needsText ? t('appeal.publicSummary.needsText') : shown.message}
          </div>
        )}
      </form>
    </section>
  );
}

function isImage(file: Attachment) {
  return file.mimeType.startsWith('image/');
}

function asBlob(file: Attachment): Blob {
  if (file.blob instanceof Blob) return file.blob;
  return new Blob([file.blob as BlobPart], { type: file.mimeType });
}

/** Files of the appeal: download any, preview images. Object URLs live only while used. */
export function AttachmentsCard({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [preview, setPreview] = useState<{ name: string; url: string } | null>(null);

  useEffect(() => {
    if (!preview) return;
    return () => URL.revokeObjectURL(preview.url);
  }, [preview]);

  const download = async (file: Attachment) => {
    const blob = asBlob(file);
    const platform = getPlatform();
    if (platform.kind === 'electron') {
      const data = new Uint8Array(await blob.arrayBuffer());
      await platform.saveFile({ fileName: file.fileName, mimeType: file.mimeType, data });
      return;
    }
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <section className="card appeal-card" aria-labelledby="appeal-files-title">
      <h2 id="appeal-files-title">{t('appeal.attachments.title')}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t('appeal.attachments.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((file) => (
            <li key={file.id}>
              <span className="attachment-name">{file.fileName}</span>
              <span className="attachment-meta">
                {formatBytes(file.size, lang)} · {formatTimestamp(file.createdAt)}
              </span>
              <span className="button-row">
                {isImage(file) && (
                  <button
                    type="button"
                    className="button small"
                    onClick={() =>
                      setPreview({ name: file.fileName, url: URL.createObjectURL(asBlob(file)) })
                    }
                  >
                    {t('appeal.attachments.open')}
                  </button>
                )}
                <button type="button" className="button small" onClick={() => void download(file)}>
                  {t('appeal.attachments.download')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={preview !== null}
        title={preview?.name ?? ''}
        onClose={() => setPreview(null)}
        wide
      >
        {preview && <img className="attachment-preview" src={preview.url} alt={preview.name} />}
      </Dialog>
    </section>
  );
}

/** Notes and the live history of the appeal, newest first. */
export function HistoryCard({
  appealId,
  events,
  lookups,
}: {
  appealId: string;
  events: readonly AppEvent[];
  lookups: HistoryLookups;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = showError(error, lang, t, ['note']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (note.trim() === '') {
      setError({ kind: 'code', code: 'required', field: 'note' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await addNote(db, appealId, note, ctx);
      setNote('');
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card appeal-card" aria-labelledby="appeal-history-title">
      <h2 id="appeal-history-title">{t('appeal.history.title')}</h2>
      <form className="note-form" onSubmit={submit} noValidate>
        <Field
          label={t('appeal.notes.label')}
          hint={t('appeal.notes.hint')}
          error={shown.fields.note}
        >
          <textarea
            name="note"
            rows={2}
            maxLength={20_000}
            placeholder={t('appeal.notes.placeholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={submitOnCtrlEnter}
          />
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {t('appeal.notes.add')}
          </button>
        </div>
        {shown.message && (
          <div className="notice error" role="alert">
            {shown.message}
          </div>
        )}
      </form>
      <HistoryTimeline events={events} lookups={lookups} order="newest" />
    </section>
  );
}
