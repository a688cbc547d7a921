import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/i18n/lang';

/**
 * `t` in a given language (a printout in the applicant's language) or, without one, in the
 * interface language. Re-renders when the interface language changes either way.
 */
export function useFixedT(lang?: Lang): { t: TFunction; lang: Lang } {
  const { t, i18n } = useTranslation();
  const current: Lang = i18n.language === 'ru' ? 'ru' : 'kk';
  const chosen = lang ?? current;
  const fixed = useMemo(
    () => (chosen === current ? t : i18n.getFixedT(chosen)),
    [chosen, current, t, i18n],
  );
  return { t: fixed, lang: chosen };
}
