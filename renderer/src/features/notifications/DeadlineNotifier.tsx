import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { useAllRegistryRows } from '@renderer/db/registryRows';
import { summarizeToday } from '@renderer/features/dashboard';
import { getPlatform } from '@renderer/platform';
import { useNowLocal } from '@renderer/ui/useNowLocal';
import { dailyDue, planNotices, readPrefs, type DeadlineNotice } from './plan';
import './notifications.css';

/**
 * Reminds of deadlines at start and every day at the chosen time: appeals overdue, due today,
 * and applicants not contacted within 72 hours. In the desktop app each is a system
 * notification that opens its list when clicked; in the web build the same notices appear
 * at the top of the page.
 */
export function DeadlineNotifier() {
  const { t } = useTranslation();
  const { settings, calendar, today, user } = useSession();
  const db = useDb();
  const navigate = useNavigate();
  const now = useNowLocal();
  const rows = useAllRegistryRows(db);
  const [notices, setNotices] = useState<DeadlineNotice[]>([]);
  const started = useRef(false);
  const lastDaily = useRef<string | null>(null);
  const informWorkingDays = settings.deadlines.informWorkingDays;

  useEffect(() => {
    if (!rows) return;
    const prefs = readPrefs();
    const atStart = !started.current;
    const daily = dailyDue(now, prefs.time, lastDaily.current);
    if (!atStart && !daily) return;
    started.current = true;
    // Once the time has come, today's reminder is given (at start it counts as given).
    if (now.slice(11, 16) >= prefs.time) lastDaily.current = now.slice(0, 10);
    if (!prefs.enabled) return;
    const { counts } = summarizeToday(rows, {
      calendar,
      today,
      now,
      userId: user.id,
      informWorkingDays,
    });
    const list = planNotices(counts);
    if (list.length === 0) return;
    const platform = getPlatform();
    if (!platform.notify) {
      // The web build: the notices at the top of the page (set once this render is done).
      void Promise.resolve().then(() => setNotices(list));
      return;
    }
    for (const notice of list) {
      platform
        .notify({
          kind: notice.kind,
          title: t(`notifications.title.${notice.kind}`, { n: notice.count }),
          body: t(`notifications.body.${notice.kind}`),
        })
        .then((result) => {
          if (result.clicked) void navigate(notice.to);
        })
        .catch(() => setNotices((shown) => [...shown, notice]));
    }
  }, [rows, now, calendar, today, user.id, informWorkingDays, t, navigate]);

  if (notices.length === 0) return null;
  return (
    <div className="deadline-notices" role="status" aria-label={t('notifications.notice.label')}>
      {notices.map((notice) => (
        <div
          key={notice.kind}
          className={`notice deadline-notice ${notice.kind}`}
          data-testid="deadline-notice"
        >
          <strong>{t(`notifications.title.${notice.kind}`, { n: notice.count })}</strong>{' '}
          <Link to={notice.to} onClick={() => setNotices((s) => s.filter((n) => n !== notice))}>
            {t('notifications.notice.open')}
          </Link>
          <button
            type="button"
            className="link"
            onClick={() => setNotices((s) => s.filter((n) => n !== notice))}
          >
            {t('notifications.notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
