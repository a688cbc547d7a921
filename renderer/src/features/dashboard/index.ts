// The Today view.
export { TodayPage } from './TodayPage';
export { summarizeToday, TODAY_LINKS } from './todayCounts';
