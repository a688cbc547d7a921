import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AGENCY_KINDS,
  labelOf,
  type Agency,
  type AgencyInput,
  type AgencyKind,
  type LocalizedText,
} from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { createAgency, updateAgency } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { useLang } from '@renderer/ui/useLang';

interface AgencyForm {
  name: LocalizedText;
  shortName: LocalizedText;
  kind: AgencyKind;
  headName: string;
  headPosition: LocalizedText;
  address: string;
  phone: string;
  email: string;
}

function formOf(agency: Agency | null): AgencyForm {
  return {
    name: { kk: agency?.name.kk ?? '', ru: agency?.name.ru ?? '' },
    shortName: { kk: agency?.shortName.kk ?? '', ru: agency?.shortName.ru ?? '' },
    kind: agency?.kind ?? 'akimat_department',
    headName: agency?.headName ?? '',
    headPosition: { kk: agency?.headPosition.kk ?? '', ru: agency?.headPosition.ru ?? '' },
    address: agency?.address ?? '',
    phone: agency?.phone ?? '',
    email: agency?.email ?? '',
  };
}

function inputOf(form: AgencyForm): AgencyInput {
  return { ...form, email: form.email.trim() === '' ? null : form.email.trim() };
}

/** A name in neither language is reported on the whole name: shown on the Kazakh one. */
const FIELD_OF_PATH = { name: 'name.kk' } as const;

/**
 * Adds an agency to the directory, or edits one. Opened from the directory and from every
 * place an addressee is chosen, so a new addressee never sends the user elsewhere. A fresh
 * form each time it opens.
 */
export function AgencyDialog({
  open,
  agency,
  onClose,
  onSaved,
}: {
  open: boolean;
  agency: Agency | null;
  onClose: () => void;
  onSaved?: (agency: Agency) => void;
}) {
  return open ? <AgencyFormDialog agency={agency} onClose={onClose} onSaved={onSaved} /> : null;
}

function AgencyFormDialog({
  agency,
  onClose,
  onSaved,
}: {
  agency: Agency | null;
  onClose: () => void;
  onSaved?: ((agency: Agency) => void) | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const form = useForm<AgencyForm>({ defaultValues: formOf(agency) });
  const { register } = form;
  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    async (values) => {
      const saved = agency
        ? await updateAgency(db, agency.id, inputOf(values), ctx, {
            expectedVersion: agency.version,
          })
        : await createAgency(db, inputOf(values), ctx);
      onSaved?.(saved);
    },
    onClose,
    { fieldOf: FIELD_OF_PATH },
  );

  return (
    <FormDialog
      wide
      title={agency ? t('inquiries.agency.editTitle') : t('inquiries.agency.addTitle')}
      formId="agency-form"
      className="agency-form"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="form-grid two">
        <Field label={t('inquiries.agency.nameKk')} error={errorOf('name.kk')}>
          <input {...register('name.kk')} autoFocus />
        </Field>
        <Field label={t('inquiries.agency.nameRu')} error={errorOf('name.ru')}>
          <input {...register('name.ru')} />
        </Field>
        <Field label={t('inquiries.agency.shortKk')}>
          <input {...register('shortName.kk')} />
        </Field>
        <Field label={t('inquiries.agency.shortRu')}>
          <input {...register('shortName.ru')} />
        </Field>
        <Field label={t('inquiries.agency.kind')}>
          <select {...register('kind')}>
            {AGENCY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labelOf('agencyKind', kind, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('inquiries.agency.headName')} error={errorOf('headName')}>
          <input {...register('headName')} />
        </Field>
        <Field label={t('inquiries.agency.headPositionKk')}>
          <input {...register('headPosition.kk')} />
        </Field>
        <Field label={t('inquiries.agency.headPositionRu')}>
          <input {...register('headPosition.ru')} />
        </Field>
        <Field label={t('inquiries.agency.address')} error={errorOf('address')}>
          <input {...register('address')} />
        </Field>
        <Field label={t('inquiries.agency.phone')} error={errorOf('phone')}>
          <input {...register('phone')} />
        </Field>
        <Field label={t('inquiries.agency.email')} error={errorOf('email')}>
          <input type="email" {...register('email')} />
        </Field>
      </div>
      <p className="muted small">{t('inquiries.agency.nameHint')}</p>
    </FormDialog>
  );
}
