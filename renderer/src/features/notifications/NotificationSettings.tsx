import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readPrefs, writePrefs, type NotificationPrefs } from './plan';
import { DateInput } from '@renderer/ui/DateInput';

/** Turns the deadline notifications on or off and sets the daily time, for this computer. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const [prefs, setPrefs] = useState<NotificationPrefs>(() => readPrefs());
  const [saved, setSaved] = useState(false);
  const change = (next: NotificationPrefs) => {
    setPrefs(next);
    writePrefs(next);
    setSaved(true);
  };
  return (
    <section
      className="settings-form notification-settings"
      aria-labelledby="notification-settings-title"
    >
      <h2 id="notification-settings-title">{t('notifications.settings.title')}</h2>
      <p className="settings-hint">{t('notifications.settings.lead')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={prefs.enabled}
          onChange={(event) => change({ ...prefs, enabled: event.target.checked })}
        />
        {t('notifications.settings.enabled')}
      </label>
      <label className="field">
        <span>{t('notifications.settings.time')}</span>
        <DateInput
          kind="time"
          value={prefs.time}
          disabled={!prefs.enabled}
          onChange={(event) => {
            if (/^\d{2}:\d{2}$/.test(event.target.value))
              change({ ...prefs, time: event.target.value });
          }}
        />
      </label>
      {saved && (
        <p className="muted" role="status">
          {t('notifications.settings.saved')}
        </p>
      )}
    </section>
  );
}
