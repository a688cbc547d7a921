// Deadline notifications: the system ones of the desktop app, notices in the web build.
export { DeadlineNotifier } from './DeadlineNotifier';
export { NotificationSettings } from './NotificationSettings';
