import { UpcomingPage } from '../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function ApplicantsPage() {
  return <UpcomingPage section="registry" />;
}
