import type { Lang } from '@shared/i18n/lang';
import { useFixedT } from '@renderer/ui/useFixedT';

export function PrintMissing({ lang }: { lang: Lang }) {
  const { t } = useFixedT(lang);
  return (
    <div className="print-missing" role="alert">
      <h1>{t('appeal.notFound.title')}</h1>
      <p>{t('appeal.notFound.body')}</p>
    </div>
  );
}
