export { OpennessPage } from './OpennessPage';
export { ScorecardPanel } from './ScorecardPanel';
export { useScorecard } from './useScorecard';
export { TodayScorecard } from './TodayScorecard';
export { stepTexts } from './texts';
