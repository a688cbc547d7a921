// The demo office: built in its own database, marked on every screen, switched to and back.
export { DemoBanner } from './DemoBanner';
export { OpenDemoOffice } from './OpenDemoOffice';
export {
  BackToMyOffice,
  DemoBadge,
  DemoDataSection,
  DemoGateNote,
  DemoOfficeBanner,
  OffInDemo,
} from './DemoMarks';
export { DEMO_APPEALS } from './office';
