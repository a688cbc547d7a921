/**
 * Deadline notifications (issue 14, item 5): the renderer decides what to tell (appeals due
 * today, overdue, 72 hours without contact) and in which language; the main process only
 * shows an OS notification through Electron's `Notification` and says whether it was clicked,
 * so the page can open the matching list. Hooked into shared/ipc.ts by one line each.
 */
import { z } from 'zod';

/** What a notification is about; the page opens the registry list of that kind on a click. */
export const NOTIFICATION_KINDS = ['overdue', 'due_today', 'not_contacted'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const showNotificationRequestSchema = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string().min(1).max(200),
  body: z.string().max(1_000),
});
export type ShowNotificationRequest = z.input<typeof showNotificationRequestSchema>;

/**
 * `shown: false` when the system has no notifications (or they failed); `clicked` once the
 * person clicked it, false when it was closed or dismissed. The reply comes when one of
 * these happens, so a caller must not wait on it before going on.
 */
export interface ShowNotificationResult {
  shown: boolean;
  clicked: boolean;
}

export const NOTIFICATIONS_IPC_CONTRACT = {
  showNotification: { channel: 'notify:show', request: showNotificationRequestSchema },
} as const;

export interface NotificationsIpcResponses {
  showNotification: ShowNotificationResult;
}

export interface NotificationsApi {
  /** Shows a desktop notification; resolves when it is clicked or closed. */
  showNotification(request: ShowNotificationRequest): Promise<ShowNotificationResult>;
}
