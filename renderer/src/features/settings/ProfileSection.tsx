import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import {
  labelOf,
  MASLIKHAT_LEVELS,
  settingsInputObjectSchema,
  type Settings,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { formatKzPhone } from '@shared/validation/phone';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { SaveBar } from './SaveBar';
import { fieldError } from './saveHelpers';
import { useSectionForm } from './useSectionForm';

export const profileSchema = settingsInputObjectSchema.pick({
  deputy: true,
  maslikhat: true,
  okrugNumber: true,
  okrugDescription: true,
  receptionAddress: true,
  contacts: true,
});

function profileValues(settings: Settings) {
  const { contacts } = settings;
  return {
    deputy: settings.deputy,
    maslikhat: settings.maslikhat,
    okrugNumber: settings.okrugNumber,
    okrugDescription: settings.okrugDescription,
    receptionAddress: settings.receptionAddress,
    contacts: { ...contacts, phone: contacts.phone ? formatKzPhone(contacts.phone) : '' },
  };
}

type Path =
  | 'deputy.fullName'
  | 'deputy.position'
  | 'maslikhat.name'
  | 'okrugDescription'
  | 'receptionAddress';

/** The deputy's profile: who, which maslikhat and okrug, where and how to reach them. */
export function ProfileSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const { form, state, onSubmit, isDirty } = useSectionForm(profileSchema, profileValues);
  const { register, formState } = form;
  const error = (path: string) => fieldError(formState.errors, path, lang);

  /** One text in both languages, side by side. */
  const bilingual = (
    path: Path,
    label: string,
    control: (r: UseFormRegisterReturn) => JSX.Element,
    hint?: { kk: string; ru: string },
  ) => (
    <div className="settings-bilingual">
      {(['kk', 'ru'] as const satisfies readonly Lang[]).map((l) => (
        <Field
          key={l}
          label={`${label} (${t(`settings.profile.in.${l}`)})`}
          error={error(`${path}.${l}`)}
          hint={hint?.[l]}
        >
          {control(register(`${path}.${l}`))}
        </Field>
      ))}
    </div>
  );

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      <p className="settings-lead">{t('settings.profile.lead')}</p>

      <fieldset className="settings-fieldset">
        <legend>{t('settings.profile.deputy')}</legend>
        {bilingual('deputy.fullName', t('settings.profile.fullName'), (r) => (
          <input autoComplete="off" {...r} />
        ))}
        {bilingual(
          'deputy.position',
          t('settings.profile.position'),
          (r) => (
            <input {...r} />
          ),
          { kk: t('settings.profile.positionHintKk'), ru: t('settings.profile.positionHintRu') },
        )}
      </fieldset>

      <fieldset className="settings-fieldset">
        <legend>{t('settings.profile.maslikhat')}</legend>
        <div className="settings-bilingual">
          <Field label={t('settings.profile.level')} error={error('maslikhat.level')}>
            <select {...register('maslikhat.level')}>
              {MASLIKHAT_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {labelOf('maslikhatLevel', level, lang)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {bilingual('maslikhat.name', t('settings.profile.maslikhatName'), (r) => (
          <input {...r} />
        ))}
      </fieldset>

      <fieldset className="settings-fieldset">
        <legend>{t('settings.profile.okrug')}</legend>
        <div className="settings-bilingual">
          <Field
            label={t('settings.profile.okrugNumber')}
            error={error('okrugNumber')}
            hint={t('settings.profile.okrugNumberHint')}
          >
            <input
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              className="settings-short"
              {...register('okrugNumber', {
                setValueAs: (v: unknown) =>
                  v === '' || v === null || v === undefined ? null : Number(v),
              })}
            />
          </Field>
        </div>
        {bilingual('okrugDescription', t('settings.profile.okrugDescription'), (r) => (
          <textarea rows={2} {...r} />
        ))}
        {bilingual('receptionAddress', t('settings.profile.receptionAddress'), (r) => (
          <input {...r} />
        ))}
      </fieldset>

      <fieldset className="settings-fieldset">
        <legend>{t('settings.profile.contacts')}</legend>
        <div className="settings-bilingual">
          <Field
            label={t('settings.profile.phone')}
            error={error('contacts.phone')}
            hint={t('settings.profile.phoneHint')}
          >
            <input type="tel" autoComplete="off" {...register('contacts.phone')} />
          </Field>
          <Field label={t('settings.profile.email')} error={error('contacts.email')}>
            <input type="email" autoComplete="off" {...register('contacts.email')} />
          </Field>
          <Field
            label={t('settings.profile.telegram')}
            error={error('contacts.telegram')}
            hint={t('settings.profile.telegramHint')}
          >
            <input {...register('contacts.telegram')} />
          </Field>
          <Field label={t('settings.profile.website')} error={error('contacts.website')}>
            <input type="url" {...register('contacts.website')} />
          </Field>
        </div>
        <Field label={t('settings.profile.other')} error={error('contacts.other')}>
          <textarea rows={2} {...register('contacts.other')} />
        </Field>
      </fieldset>

      <SaveBar state={state} dirty={isDirty} />
    </form>
  );
}
