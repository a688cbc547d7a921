import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { loadScorecard, type ScorecardData } from '@renderer/db/queries/scorecard';

/** The scorecard of a period, kept live as the office's data changes. */
export function useScorecard(from: string, to: string, today: string): ScorecardData | undefined {
  const db = useDb();
  return useLiveQuery(() => loadScorecard(db, { from, to, today }), [db, from, to, today]);
}
