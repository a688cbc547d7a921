import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, RESPONSE_PARTS, type Inquiry, type ResponsePart } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { recordInquiryResponse } from '@renderer/db/repositories/inquiryResponses';
import { Field } from '@renderer/ui/Field';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { useLang } from '@renderer/ui/useLang';
import { DateInput } from '@renderer/ui/DateInput';

/** The five parts are fields of their own, named as the parts are. */
type ResponseForm = Record<ResponsePart, boolean> & {
  receivedOn: string;
  theirNo: string;
  theirDate: string;
  summary: string;
  files: FileList | null;
};

const NONE: Record<ResponsePart, boolean> = {
  reference: false,
  receipt: false,
  answer: false,
  furtherActions: false,
  conclusion: false,
};

/**
 * Records the agency's answer. Each of the five parts of a proper answer is ticked when the
 * letter has it; the dialog says at once which are missing, since that decides whether a
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
  return open ? <ResponseFormDialog inquiry={inquiry} onClose={onClose} /> : null;
}

function ResponseFormDialog({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today } = useSession();
  const form = useForm<ResponseForm>({
    defaultValues: {
      receivedOn: today,
      theirNo: '',
      theirDate: '',
      summary: '',
      ...NONE,
      files: null,
    },
  });
  const { register, control } = form;
  const ticked = useWatch({ control, name: [...RESPONSE_PARTS] });
  const missing = RESPONSE_PARTS.filter((_, i) => !ticked[i]);
  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    ({ receivedOn, theirNo, theirDate, summary, files, ...parts }) =>
      recordInquiryResponse(
        db,
        inquiry.id,
        { receivedOn, theirNo, theirDate: theirDate || null, summary, check: parts },
        [...(files ?? [])].map((file) => ({
          fileName: file.name,
          mimeType: file.type,
          size: file.size,
          blob: file,
        })),
        ctx,
        { expectedVersion: inquiry.version },
      ),
    onClose,
  );

  return (
    <FormDialog
      wide
      title={t('inquiries.response.title', { number: inquiry.outgoingNo ?? '' })}
      formId="response-form"
      className="response-form"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('inquiries.response.save')}
    >
      <div className="form-grid three">
        <Field label={t('inquiries.response.receivedOn')} error={errorOf('receivedOn')} required>
          <DateInput max={today} {...register('receivedOn')} />
        </Field>
        <Field label={t('inquiries.response.theirNo')} error={errorOf('theirNo')}>
          <input {...register('theirNo')} />
        </Field>
        <Field label={t('inquiries.response.theirDate')} error={errorOf('theirDate')}>
          <DateInput max={today} {...register('theirDate')} />
        </Field>
      </div>
      <Field label={t('inquiries.response.summary')} error={errorOf('summary')}>
        <textarea rows={4} {...register('summary')} />
      </Field>
      <Field label={t('inquiries.response.file')} hint={t('inquiries.response.fileHint')}>
        <input type="file" multiple {...register('files')} />
      </Field>
      <fieldset className="five-parts">
        <legend>{t('inquiries.response.partsTitle')}</legend>
        {RESPONSE_PARTS.map((part, i) => (
          <label key={part} className="checkbox">
            <input type="checkbox" {...register(part)} />
            {i + 1}. {labelOf('responsePart', part, lang)}
          </label>
        ))}
      </fieldset>
      {missing.length > 0 ? (
        <p className="notice warning" role="status">
          {t('inquiries.response.missingFlag', { count: missing.length })}
        </p>
      ) : (
        <p className="notice" role="status">
          {t('inquiries.response.complete')}
        </p>
      )}
    </FormDialog>
  );
}
