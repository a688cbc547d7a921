import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Scorecard } from '@shared/scorecard';
import { useLang } from '@renderer/ui/useLang';
import { stepTexts } from './texts';
import './scorecard.css';

const MARKS = { met: '✓', partly: '◐', not_met: '✗' } as const;

/**
 * The seven steps, one line each: a mark, the step, the number behind it. Each line opens
 * (click, Enter or Space: a native disclosure) to what to do next, with a link there.
 */
export function ScorecardPanel({
  card,
  heading,
  compact = false,
}: {
  card: Scorecard;
  heading?: React.ReactNode;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section
      className={`scorecard card${compact ? ' compact' : ''}`}
      aria-labelledby="scorecard-title"
      data-testid="scorecard"
    >
      <header className="scorecard-head">
        <h2 id="scorecard-title">{t('scorecard.title')}</h2>
        <span className="scorecard-summary" data-testid="scorecard-summary">
          {t('scorecard.summary', { met: card.met })}
        </span>
        {heading}
      </header>
      <ol className="scorecard-steps">
        {card.steps.map((step) => {
          const texts = stepTexts(step, t, lang);
          return (
            <li key={step.id} className={`scorecard-step ${step.state}`} data-step={step.id}>
              <details>
                <summary>
                  <span className="scorecard-mark" aria-hidden="true">
                    {MARKS[step.state]}
                  </span>
                  <span className="scorecard-number">{step.number}</span>
                  <span className="scorecard-title">{texts.title}</span>
                  <span className="scorecard-state">{t(`scorecard.state.${step.state}`)}</span>
                  <span className="scorecard-value">{texts.value}</span>
                </summary>
                <p className="scorecard-action">
                  {texts.action} <Link to={texts.link.to}>{texts.link.label}</Link>
                </p>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
