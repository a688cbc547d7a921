import { UpcomingPage } from '../../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function AppealCardPrint() {
  return <UpcomingPage section="registry" />;
}
