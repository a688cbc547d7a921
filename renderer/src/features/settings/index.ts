// Settings (the banner that marks demo data on every screen is in features/demo).
export { SettingsPage } from './SettingsPage';
