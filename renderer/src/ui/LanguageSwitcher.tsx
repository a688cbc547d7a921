import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLang } from '../i18n';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span>{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(e) => {
          if (isLang(e.target.value)) void i18n.changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
