import { UpcomingPage } from '../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function RegistryPage() {
  return <UpcomingPage section="registry" />;
}
