import { UpcomingPage } from '../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function TodayPage() {
  return <UpcomingPage section="registry" />;
}
