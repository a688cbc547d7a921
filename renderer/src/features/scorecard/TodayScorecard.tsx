import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { quarterIdBounds, quarterIdOf } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { ScorecardPanel } from './ScorecardPanel';
import { useScorecard } from './useScorecard';

/** The seven steps on Today, for the quarter under way; the full page is one click away. */
export function TodayScorecard() {
  const { t } = useTranslation();
  const { today } = useSession();
  const bounds = quarterIdBounds(quarterIdOf(today))!;
  const data = useScorecard(bounds.start, bounds.end, today);
  if (!data) return null;
  return (
    <ScorecardPanel
      card={data.card}
      compact
      heading={<Link to="/openness">{t('scorecard.more')}</Link>}
    />
  );
}
