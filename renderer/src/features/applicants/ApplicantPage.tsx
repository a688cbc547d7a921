import { UpcomingPage } from '../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function ApplicantPage() {
  return <UpcomingPage section="registry" />;
}
