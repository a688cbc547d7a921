import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { newId } from '@shared/ids';
import { labelOf, USER_ROLES, type Settings, type UserRole } from '@shared/domain';
import { useDb } from '../db/hooks';
import { saveSettings, settingsOrDefaults } from '../db/repositories';
import { Field } from '../ui/Field';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { useLang } from '../ui/useLang';
import { FirstRunRestore } from '@renderer/features/backup';
import { OpenDemoOffice } from '@renderer/features/demo';

interface FirstRunForm {
  fullName: string;
  role: UserRole;
  deputyKk: string;
  deputyRu: string;
}

/** A fresh database: who is working, and whose office this is. Everything else can wait. */
export function FirstRun({
  settings,
  onDone,
}: {
  settings: Settings | null;
  onDone: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { register, handleSubmit, formState } = useForm<FirstRunForm>({
    defaultValues: { fullName: '', role: 'assistant', deputyKk: '', deputyRu: '' },
  });

  const submit = handleSubmit(async (form) => {
    const id = newId();
    const current = settings ?? (await settingsOrDefaults(db));
    const user = { id, fullName: form.fullName.trim(), role: form.role, active: true };
    await saveSettings(
      db,
      {
        ...current,
        users: [...current.users, user],
        deputy: {
          ...current.deputy,
          fullName: {
            kk: form.deputyKk.trim() || current.deputy.fullName.kk,
            ru: form.deputyRu.trim() || current.deputy.fullName.ru,
          },
        },
        language: lang,
      },
      { userId: id },
    );
    onDone(id);
  });

  return (
    <div className="gate">
      <form className="gate-card" onSubmit={submit} noValidate>
        <div className="gate-lang">
          <LanguageSwitcher />
        </div>
        <h1>{t('session.firstRunTitle')}</h1>
        <p className="lead">{t('session.firstRunLead')}</p>
        <Field
          label={t('session.yourName')}
          required
          error={formState.errors.fullName && t('session.nameRequired')}
        >
          <input
            autoFocus
            autoComplete="name"
            {...register('fullName', { validate: (v) => v.trim() !== '' })}
          />
        </Field>
        <Field label={t('session.role')}>
          <select {...register('role')}>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {labelOf('userRole', role, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('session.deputyNameKk')}>
          <input {...register('deputyKk')} />
        </Field>
        <Field label={t('session.deputyNameRu')}>
          <input {...register('deputyRu')} />
        </Field>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('session.start')}
        </button>
      </form>
      <FirstRunRestore />
      <section
        className="gate-card demo-first-run"
        aria-labelledby="first-run-demo"
        data-testid="first-run-demo"
      >
        <h2 id="first-run-demo">{t('demo.open.firstRunTitle')}</h2>
        <p className="settings-lead">{t('demo.open.firstRunLead')}</p>
        <OpenDemoOffice />
      </section>
    </div>
  );
}
