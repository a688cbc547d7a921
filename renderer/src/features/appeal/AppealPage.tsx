import { UpcomingPage } from '../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function AppealPage() {
  return <UpcomingPage section="registry" />;
}
