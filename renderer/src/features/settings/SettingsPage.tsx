import { UpcomingPage } from '../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function SettingsPage() {
  return <UpcomingPage section="settings" />;
}
