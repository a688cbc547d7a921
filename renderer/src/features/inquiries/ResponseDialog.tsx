import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, RESPONSE_PARTS, type Inquiry, type ResponsePart } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { recordInquiryResponse } from '@renderer/db/repositories';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';

const NONE: Record<ResponsePart, boolean> = {
  reference: false,
  receipt: false,
  answer: false,
  furtherActions: false,
  conclusion: false,
};

/**
 * Records the agency's answer. Each of the five parts of a proper answer is ticked when the
 * inq-letter has it; the dialog says at once which are missing, since that decides whether a
 * repeat inquiry is needed.
 */
export function ResponseDialog({
  open,
  inquiry,
  onClose,
}: {
  open: boolean;
  inquiry: Inquiry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today } = useSession();
  const [receivedOn, setReceivedOn] = useState(today);
  const [theirNo, setTheirNo] = useState('');
  const [theirDate, setTheirDate] = useState('');
  const [summary, setSummary] = useState('');
  const [check, setCheck] = useState<Record<ResponsePart, boolean>>(NONE);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = RESPONSE_PARTS.filter((part) => !check[part]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await recordInquiryResponse(
        db,
        inquiry.id,
        { receivedOn, theirNo, theirDate: theirDate || null, summary, check },
        files.map((file) => ({
          fileName: file.name,
          mimeType: file.type,
          size: file.size,
          blob: file,
        })),
        ctx,
        { expectedVersion: inquiry.version },
      );
      onClose();
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(false);
    }
  };
  const shown = showError(error, lang, t, ['receivedOn', 'theirDate', 'theirNo', 'summary']);
  return (
    <Dialog
      open={open}
      wide
      title={t('inquiries.response.title', { number: inquiry.outgoingNo ?? '' })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void save()}
          >
            {t('inquiries.response.save')}
          </button>
        </>
      }
    >
      <div
        className="response-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !busy) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <div className="form-grid three">
          <Field
            label={t('inquiries.response.receivedOn')}
            error={shown.fields.receivedOn}
            required
          >
            <input
              type="date"
              value={receivedOn}
              max={today}
              onChange={(e) => setReceivedOn(e.target.value)}
            />
          </Field>
          <Field label={t('inquiries.response.theirNo')} error={shown.fields.theirNo}>
            <input value={theirNo} onChange={(e) => setTheirNo(e.target.value)} />
          </Field>
          <Field label={t('inquiries.response.theirDate')} error={shown.fields.theirDate}>
            <input
              type="date"
              value={theirDate}
              max={today}
              onChange={(e) => setTheirDate(e.target.value)}
            />
          </Field>
        </div>
        <Field label={t('inquiries.response.summary')} error={shown.fields.summary}>
          <textarea rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </Field>
        <Field label={t('inquiries.response.file')} hint={t('inquiries.response.fileHint')}>
          <input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </Field>
        <fieldset className="five-parts">
          <legend>{t('inquiries.response.partsTitle')}</legend>
          {RESPONSE_PARTS.map((part, i) => (
            <label key={part} className="checkbox">
              <input
                type="checkbox"
                name={part}
                checked={check[part]}
                onChange={(e) => setCheck((c) => ({ ...c, [part]: e.target.checked }))}
              />
              {i + 1}. {labelOf('responsePart', part, lang)}
            </label>
          ))}
        </fieldset>
      </div>
      {missing.length > 0 ? (
        <p className="notice warning" role="status">
          {t('inquiries.response.missingFlag', { count: missing.length })}
        </p>
      ) : (
        <p className="notice" role="status">
          {t('inquiries.response.complete')}
        </p>
      )}
      {shown.message && (
        <p className="notice error" role="alert">
          {shown.message}
        </p>
      )}
    </Dialog>
  );
}
