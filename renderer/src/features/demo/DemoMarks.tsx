import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDemoDb } from '@renderer/db/demoOffice';
import { useDb } from '@renderer/db/hooks';
import { switchTo } from './office';
import './demo.css';

/** The demo office's badge in the sidebar (and on the gate screens): seen on every screen. */
export function DemoBadge() {
  const { t } = useTranslation();
  const db = useDb();
  if (!isDemoDb(db)) return null;
  return (
    <span className="demo-badge" title={t('demo.badgeTitle')} data-testid="demo-badge">
      {t('demo.badge')}
    </span>
  );
}

/** "Back to my office": the window reloads on the office's own database. */
export function BackToMyOffice({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={primary ? 'button primary' : 'button'}
      onClick={() => switchTo(false)}
    >
      {t('demo.banner.back')}
    </button>
  );
}

/** Above every screen of the demo office: what this is, and the way back. */
export function DemoOfficeBanner() {
  const { t } = useTranslation();
  const db = useDb();
  if (!isDemoDb(db)) return null;
  return (
    <div className="demo-banner demo-office-banner" role="status" data-testid="demo-banner">
      <span>
        <strong>{t('demo.banner.title')}</strong> {t('demo.banner.text')}
      </span>
      <BackToMyOffice />
    </div>
  );
}

/** A settings section that must not run on the demo office (exchange, sync). */
export function OffInDemo({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const db = useDb();
  if (!isDemoDb(db)) return <>{children}</>;
  return (
    <p className="notice" data-testid="off-in-demo">
      {t('demo.inDemo.sectionOff')}
    </p>
  );
}

/** Settings › Data on the demo office: nothing of the office's data tools, the way back. */
export function DemoDataSection() {
  const { t } = useTranslation();
  return (
    <section className="data-section" aria-labelledby="demo-data-title">
      <fieldset className="settings-fieldset">
        <legend id="demo-data-title">{t('demo.inDemo.title')}</legend>
        <p className="settings-lead">{t('demo.inDemo.lead')}</p>
        <p className="notice">{t('demo.inDemo.off')}</p>
        <p>
          <BackToMyOffice primary />
        </p>
      </fieldset>
    </section>
  );
}

/** On "who is working?" of the demo office: the mark and the way back, before anything else. */
export function DemoGateNote() {
  const { t } = useTranslation();
  const db = useDb();
  if (!isDemoDb(db)) return null;
  return (
    <div className="notice warning demo-gate-note" data-testid="demo-banner">
      <p>
        <strong>{t('demo.banner.title')}</strong> {t('demo.banner.text')}
      </p>
      <BackToMyOffice />
    </div>
  );
}
