import { useTranslation } from 'react-i18next';
import type { Lang } from '@shared/i18n/lang';

/** The interface language as the domain's Lang ('kk' | 'ru'). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'ru' ? 'ru' : 'kk';
}
