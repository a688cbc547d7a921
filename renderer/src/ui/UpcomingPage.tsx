import { useTranslation } from 'react-i18next';

type Section = 'registry' | 'reception' | 'inquiries' | 'reports' | 'settings';

/** A section whose screens are not built yet says what will be there. */
export function UpcomingPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t(`pages.${section}.title`)}</h1>
      <p className="badge">{t('pages.comingSoon')}</p>
      <p className="lead">{t(`pages.${section}.upcoming`)}</p>
    </section>
  );
}
