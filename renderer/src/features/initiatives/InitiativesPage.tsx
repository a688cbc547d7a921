import { useRef, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InitiativesTab } from './InitiativesTab';
import { PlanTab } from './PlanTab';
import './initiatives.css';

const TABS = ['initiatives', 'plan'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/initiatives`: the deputy's initiatives and the plan for a quarter — sections 4 and 5 of
 * the public report. The open tab is in the URL (?tab=plan) so a link can point at the plan.
 */
export function InitiativesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'plan' ? 'plan' : 'initiatives';
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const open = (next: Tab) => {
    const nextParams = new URLSearchParams();
    if (next === 'plan') nextParams.set('tab', 'plan');
    setParams(nextParams, { replace: true });
  };

  // Tabs follow the ARIA pattern: arrow keys move between them, Tab goes into the panel.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'plan' ? 'initiatives' : 'plan';
    open(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="page initiatives-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{t('initiatives.title')}</h1>
      </header>
      <p className="initiatives-lead">{t('initiatives.lead')}</p>
      <div className="initiatives-tabs" role="tablist" aria-label={t('initiatives.tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`initiatives-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`initiatives-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'active' : undefined}
            onClick={() => open(name)}
            onKeyDown={onTabKey}
          >
            {t(`initiatives.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`initiatives-panel-${tab}`}
        aria-labelledby={`initiatives-tab-${tab}`}
      >
        {tab === 'plan' ? <PlanTab /> : <InitiativesTab />}
      </div>
    </section>
  );
}
