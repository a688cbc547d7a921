import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, labelOf, type Agency, type AgencyKind } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { createAgency, updateAgency } from '@renderer/db/repositories';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';

interface AgencyForm {
  nameKk: string;
  nameRu: string;
  shortKk: string;
  shortRu: string;
  kind: AgencyKind;
  headName: string;
  headPositionKk: string;
  headPositionRu: string;
  address: string;
  phone: string;
  email: string;
}

function formOf(agency: Agency | null): AgencyForm {
  return {
    nameKk: agency?.name.kk ?? '',
    nameRu: agency?.name.ru ?? '',
    shortKk: agency?.shortName.kk ?? '',
    shortRu: agency?.shortName.ru ?? '',
    kind: agency?.kind ?? 'akimat_department',
    headName: agency?.headName ?? '',
    headPositionKk: agency?.headPosition.kk ?? '',
    headPositionRu: agency?.headPosition.ru ?? '',
    address: agency?.address ?? '',
    phone: agency?.phone ?? '',
    email: agency?.email ?? '',
  };
}

const FIELD_OF_PATH: Record<string, keyof AgencyForm> = {
  name: 'nameKk',
  'name.kk': 'nameKk',
  'name.ru': 'nameRu',
  email: 'email',
  phone: 'phone',
  address: 'address',
  headName: 'headName',
};

/**
 * Adds an agency to the directory, or edits one. Opened from the directory and from every
 * place an addressee is chosen, so a new addressee never sends the user elsewhere.
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
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [form, setForm] = useState<AgencyForm>(() => formOf(agency));
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [openedFor, setOpenedFor] = useState<{ open: boolean; id: string | null }>({
    open,
    id: agency?.id ?? null,
  });
  // A fresh form each time the dialog opens (for a new agency or another one).
  if (openedFor.open !== open || openedFor.id !== (agency?.id ?? null)) {
    setOpenedFor({ open, id: agency?.id ?? null });
    setForm(formOf(agency));
    setError(null);
  }

  const set = (key: keyof AgencyForm) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  const shown = showError(error, lang, t, Object.keys(FIELD_OF_PATH));
  const fieldError = (key: keyof AgencyForm) =>
    Object.entries(shown.fields).find(([path]) => FIELD_OF_PATH[path] === key)?.[1];

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    const input = {
      name: { kk: form.nameKk, ru: form.nameRu },
      shortName: { kk: form.shortKk, ru: form.shortRu },
      kind: form.kind,
      headName: form.headName,
      headPosition: { kk: form.headPositionKk, ru: form.headPositionRu },
      address: form.address,
      phone: form.phone,
      email: form.email.trim() === '' ? null : form.email.trim(),
    };
    try {
      const saved = agency
        ? await updateAgency(db, agency.id, input, ctx, { expectedVersion: agency.version })
        : await createAgency(db, input, ctx);
      onSaved?.(saved);
      onClose();
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      wide
      title={agency ? t('inquiries.agency.editTitle') : t('inquiries.agency.addTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button
            type="submit"
            form="agency-form"
            className="button primary"
            disabled={busy}
            aria-keyshortcuts="Control+Enter"
          >
            {t('common.actions.save')}
          </button>
        </>
      }
    >
      <form
        id="agency-form"
        className="agency-form"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
        noValidate
      >
        {shown.message && (
          <p className="notice error" role="alert">
            {shown.message}
          </p>
        )}
        <div className="form-grid two">
          <Field label={t('inquiries.agency.nameKk')} error={fieldError('nameKk')}>
            <input value={form.nameKk} onChange={(e) => set('nameKk')(e.target.value)} autoFocus />
          </Field>
          <Field label={t('inquiries.agency.nameRu')} error={fieldError('nameRu')}>
            <input value={form.nameRu} onChange={(e) => set('nameRu')(e.target.value)} />
          </Field>
          <Field label={t('inquiries.agency.shortKk')}>
            <input value={form.shortKk} onChange={(e) => set('shortKk')(e.target.value)} />
          </Field>
          <Field label={t('inquiries.agency.shortRu')}>
            <input value={form.shortRu} onChange={(e) => set('shortRu')(e.target.value)} />
          </Field>
          <Field label={t('inquiries.agency.kind')}>
            <select value={form.kind} onChange={(e) => set('kind')(e.target.value)}>
              {AGENCY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {labelOf('agencyKind', kind, lang)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('inquiries.agency.headName')} error={fieldError('headName')}>
            <input value={form.headName} onChange={(e) => set('headName')(e.target.value)} />
          </Field>
          <Field label={t('inquiries.agency.headPositionKk')}>
            <input
              value={form.headPositionKk}
              onChange={(e) => set('headPositionKk')(e.target.value)}
            />
          </Field>
          <Field label={t('inquiries.agency.headPositionRu')}>
            <input
              value={form.headPositionRu}
              onChange={(e) => set('headPositionRu')(e.target.value)}
            />
          </Field>
          <Field label={t('inquiries.agency.address')} error={fieldError('address')}>
            <input value={form.address} onChange={(e) => set('address')(e.target.value)} />
          </Field>
          <Field label={t('inquiries.agency.phone')} error={fieldError('phone')}>
            <input value={form.phone} onChange={(e) => set('phone')(e.target.value)} />
          </Field>
          <Field label={t('inquiries.agency.email')} error={fieldError('email')}>
            <input type="email" value={form.email} onChange={(e) => set('email')(e.target.value)} />
          </Field>
        </div>
        <p className="muted small">{t('inquiries.agency.nameHint')}</p>
      </form>
    </Dialog>
  );
}
