import { UpcomingPage } from '../../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function AppealFormPage() {
  return <UpcomingPage section="registry" />;
}
