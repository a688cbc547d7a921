// The Today view.
export { TodayPage } from './TodayPage';
