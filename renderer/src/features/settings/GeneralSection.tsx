import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { labelOf, workHoursSchema, type Settings } from '@shared/domain';
import { LANGS, type Lang } from '@shared/i18n/lang';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { SaveBar } from './SaveBar';
import { changeSettings, describeSaveError, fieldError } from './saveHelpers';
import { useSectionForm } from './useSectionForm';

const hoursSchema = z.object({ workHours: workHoursSchema });

function hoursValues(settings: Settings) {
  return { workHours: { ...settings.workHours } };
}

/** Office hours: an appeal that arrives after them is registered the next working day. */
function WorkHoursForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const { form, state, onSubmit, isDirty } = useSectionForm(hoursSchema, hoursValues);
  const { register, formState, watch } = form;
  const end = watch('workHours.end');
  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.general.hoursTitle')}</legend>
        <p className="settings-lead">{t('settings.general.hoursLead', { end: end || '18:00' })}</p>
        <div className="settings-hours">
          <Field
            label={t('settings.general.start')}
            error={fieldError(formState.errors, 'workHours.start', lang)}
          >
            <input
              inputMode="numeric"
              placeholder="09:00"
              maxLength={5}
              autoComplete="off"
              {...register('workHours.start')}
            />
          </Field>
          <Field
            label={t('settings.general.end')}
            error={fieldError(formState.errors, 'workHours.end', lang)}
          >
            <input
              inputMode="numeric"
              placeholder="18:00"
              maxLength={5}
              autoComplete="off"
              {...register('workHours.end')}
            />
          </Field>
        </div>
        <SaveBar state={state} dirty={isDirty} />
      </fieldset>
    </form>
  );
}

/**
 * The interface language. It is switched at once and kept on this computer (i18next), and
 * saved as the office's language in the settings too.
 */
function LanguageForm() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [saved, setSaved] = useState<string>('');
  const choose = async (next: Lang) => {
    setSaved('');
    await i18n.changeLanguage(next);
    try {
      await changeSettings(db, ctx, (current) => ({ ...current, language: next }));
      setSaved(t('settings.save.saved'));
    } catch (error) {
      // The switch itself is kept on this computer even if the office default was not saved.
      setSaved(describeSaveError(error, next).message);
    }
  };
  return (
    <fieldset className="settings-fieldset">
      <legend>{t('settings.general.languageTitle')}</legend>
      <p className="settings-lead">{t('settings.general.languageLead')}</p>
      <div
        className="settings-radios"
        role="radiogroup"
        aria-label={t('settings.general.languageTitle')}
      >
        {LANGS.map((l) => (
          <label key={l} className={`settings-radio${l === lang ? ' checked' : ''}`}>
            <input
              type="radio"
              name="language"
              value={l}
              checked={l === lang}
              onChange={() => void choose(l)}
            />
            <span lang={l}>{labelOf('language', l, l)}</span>
          </label>
        ))}
      </div>
      <p className="settings-save-status ok" role="status" aria-live="polite">
        {saved}
      </p>
    </fieldset>
  );
}

export function GeneralSection() {
  return (
    <div className="settings-section settings-general">
      <WorkHoursForm />
      <LanguageForm />
    </div>
  );
}
