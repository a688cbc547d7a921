import { useTranslation } from 'react-i18next';

// Placeholder while this screen is being built; replaced by the feature's owner.
export function ReceptionsPage() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('reception.title')}</h1>
    </section>
  );
}
