import { UpcomingPage } from '../../../ui/UpcomingPage';

// Placeholder until this screen is built.
export function ReceiptPrint() {
  return <UpcomingPage section="registry" />;
}
