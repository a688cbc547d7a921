// Settings, and the banner that marks demo data on every screen.
export { DemoBanner } from './DemoBanner';
export { SettingsPage } from './SettingsPage';
