import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BilingualText } from '@shared/domain';
import { LANGS, type Lang } from '@shared/i18n/lang';
import { Field } from './Field';
import './bilingual.css';

interface BilingualFieldsProps {
  label: ReactNode;
  hint?: ReactNode;
  /** The texts as they are now (typed or stored), to show which language is missing. */
  values: BilingualText;
  /** Already translated errors per language. */
  errors?: Partial<Record<Lang, string | null | undefined>>;
  required?: boolean;
  /** The control for one language (a textarea or input, registered or controlled). */
  children: (lang: Lang) => ReactElement<{ id?: string }>;
}

/**
 * A public text typed in both languages side by side (Kazakh, then Russian). When one is
 * written and the other is not, the empty one says so: the report in that language will
 * not print the text.
 */
export function BilingualFields({
  label,
  hint,
  values,
  errors,
  required,
  children,
}: BilingualFieldsProps) {
  const { t } = useTranslation();
  const written = (lang: Lang) => values[lang].trim() !== '';
  return (
    <fieldset className="bilingual-fields">
      <legend>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      <div className="bilingual-pair">
        {LANGS.map((lang) => {
          const missing = !written(lang) && written(lang === 'kk' ? 'ru' : 'kk');
          return (
            <Field
              key={lang}
              className={`bilingual-${lang}${missing ? ' is-missing' : ''}`}
              label={t(`bilingual.${lang}`)}
              error={errors?.[lang] ?? null}
              hint={
                missing ? (
                  <span className="bilingual-missing" data-missing-lang={lang}>
                    {t('bilingual.missing')}
                  </span>
                ) : undefined
              }
            >
              {children(lang)}
            </Field>
          );
        })}
      </div>
      {hint && <div className="field-hint">{hint}</div>}
    </fieldset>
  );
}
