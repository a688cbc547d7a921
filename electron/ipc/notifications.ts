/**
 * Desktop notifications for deadlines (shared/ipc/notifications.ts): main shows what the page
 * worded, brings the window forward on a click and answers whether it was clicked. No
 * decision about what to notify is made here.
 */
import type { ShowNotificationResult } from '@shared/ipc/notifications';
import type { IpcImplementation } from './guard';

/** The part of Electron's Notification this uses. */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotificationClass {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
  isSupported(): boolean;
}

export interface NotificationOptions {
  Notification: NotificationClass;
  /** Shows and focuses the main window (on a click). */
  focusWindow: () => void;
}

export function createShowNotificationHandler(
  options: NotificationOptions,
): IpcImplementation<'showNotification'> {
  // Kept referenced until answered: a notification collected by the GC loses its events.
  const live = new Set<NotificationLike>();
  return async ({ title, body }) => {
    if (!options.Notification.isSupported()) return { shown: false, clicked: false };
    return new Promise<ShowNotificationResult>((resolve) => {
      const notification = new options.Notification({ title, body });
      live.add(notification);
      const done = (result: ShowNotificationResult) => {
        live.delete(notification);
        resolve(result);
      };
      notification.on('click', () => {
        options.focusWindow();
        done({ shown: true, clicked: true });
      });
      notification.on('close', () => done({ shown: true, clicked: false }));
      notification.on('failed', () => done({ shown: false, clicked: false }));
      notification.show();
    });
  };
}
