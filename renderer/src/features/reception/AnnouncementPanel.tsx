import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reception } from '@shared/domain';
import { LANGS, type Lang } from '@shared/i18n/lang';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { recordAnnouncement } from '@renderer/db/repositories';
import { getPlatform } from '@renderer/platform';
import { Field } from '@renderer/ui/Field';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import {
  ANNOUNCEMENT_CHANNELS,
  announcementFile,
  bothLanguages,
  buildAnnouncements,
  joinWhere,
  missingFields,
  splitWhere,
  type AnnouncementChannel,
  type AnnouncementKind,
} from './announcement';
import { DateInput } from '@renderer/ui/DateInput';

/** Copies text; falls back to a hidden text area where the Clipboard API is not allowed. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function useChannelNames(): Record<Lang, Record<AnnouncementChannel, string>> {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = {} as Record<Lang, Record<AnnouncementChannel, string>>;
    for (const lang of LANGS) {
      const fixed = i18n.getFixedT(lang);
      names[lang] = Object.fromEntries(
        ANNOUNCEMENT_CHANNELS.map((c) => [c, fixed(`reception.announcement.channels.${c}`)]),
      ) as Record<AnnouncementChannel, string>;
    }
    return names;
  }, [i18n]);
}

type RecordForm = Record<AnnouncementChannel, boolean> & { on: string; other: string };

function RecordDialog({ reception, onClose }: { reception: Reception; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today } = useSession();
  const names = useChannelNames();
  const form = useForm<RecordForm>({
    defaultValues: (() => {
      const initial = splitWhere(reception.announcedWhere, names);
      const ticked = Object.fromEntries(
        ANNOUNCEMENT_CHANNELS.map((c) => [c, initial.channels.includes(c)]),
      ) as Record<AnnouncementChannel, boolean>;
      return {
        ...ticked,
        on: reception.announcedOn ?? (today <= reception.date ? today : reception.date),
        other: initial.other,
      };
    })(),
  });
  const { register } = form;
  const { submit, failure, errorOf, busy } = useFormSubmit(
    form,
    ({ on, other, ...ticked }) =>
      recordAnnouncement(
        db,
        reception.id,
        {
          on,
          where: joinWhere(
            ANNOUNCEMENT_CHANNELS.filter((c) => ticked[c]),
            other,
            names[lang],
          ),
        },
        ctx,
      ),
    onClose,
    { fieldOf: { where: 'other' } },
  );

  return (
    <FormDialog
      title={t('reception.announcement.recordTitle')}
      formId="announcement-record"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label={t('reception.announcement.on')} required error={errorOf('on')}>
        <DateInput max={reception.date} autoFocus {...register('on')} />
      </Field>
      <fieldset className="reception-channels">
        <legend>{t('reception.announcement.where')}</legend>
        {ANNOUNCEMENT_CHANNELS.map((c) => (
          <label key={c} className="reception-channel">
            <input type="checkbox" {...register(c)} />
            {names[lang][c]}
          </label>
        ))}
      </fieldset>
      <Field
        label={t('reception.announcement.other')}
        hint={t('reception.announcement.otherHint')}
        error={errorOf('other')}
      >
        <input autoComplete="off" {...register('other')} />
      </Field>
    </FormDialog>
  );
}

/**
 * The announcement of a reception, generated in Kazakh and Russian: the full text for the
 * website and the notice board, the short one for Telegram and WhatsApp. Copy one language
 * or both, save a .txt, and record when and where it was published.
 */
export function AnnouncementPanel({ reception }: { reception: Reception }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { settings, today } = useSession();
  const own = useLiveQuery(() => db.templates.where('kind').equals('announcement').toArray(), [db]);
  const [kind, setKind] = useState<AnnouncementKind>('full');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [recording, setRecording] = useState(false);

  const announcements = useMemo(
    () => buildAnnouncements(reception, settings, today, own ?? []),
    [reception, settings, today, own],
  );
  const missing = missingFields(announcements, lang);
  const texts = announcements[kind];
  const both = texts.kk.ok && texts.ru.ok ? bothLanguages(texts.kk.text, texts.ru.text) : null;
  const canRecord = reception.status !== 'cancelled';
  const names = useChannelNames();
  // Known channels are named in the current language; anything typed is shown as typed.
  const where = splitWhere(reception.announcedWhere, names);
  const whereText = joinWhere(where.channels, where.other, names[lang]);

  const copy = async (text: string) => {
    const ok = await copyText(text);
    setStatus(
      ok
        ? { tone: 'ok', text: t('reception.announcement.copied') }
        : { tone: 'error', text: t('reception.announcement.copyFailed') },
    );
  };
  const save = async () => {
    if (!both) return;
    const result = await getPlatform().saveFile({
      fileName: t('reception.announcement.fileName', { date: reception.date }),
      mimeType: 'text/plain;charset=utf-8',
      data: announcementFile(both),
    });
    if (result.saved) setStatus({ tone: 'ok', text: t('reception.announcement.savedFile') });
  };

  return (
    <section className="card reception-announcement" aria-labelledby="announcement-title">
      <header className="reception-panel-header">
        <h2 id="announcement-title">{t('reception.announcement.title')}</h2>
        <div
          className="reception-kinds"
          role="radiogroup"
          aria-label={t('reception.announcement.title')}
        >
          {(['full', 'short'] as const).map((k) => (
            <label key={k} className={`reception-kind${kind === k ? ' active' : ''}`}>
              <input
                type="radio"
                name="announcement-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`reception.announcement.${k}`)}
            </label>
          ))}
        </div>
      </header>

      <div className="reception-announced" data-testid="announcement-record">
        {reception.announcedOn ? (
          <p className="reception-ok">
            {t('reception.announcement.recorded', {
              date: formatDay(reception.announcedOn),
              where: whereText,
            })}
          </p>
        ) : (
          <p className="reception-warn">{t('reception.announcement.notYet')}</p>
        )}
        {canRecord && (
          <button type="button" className="button" onClick={() => setRecording(true)}>
            {reception.announcedOn
              ? t('reception.announcement.change')
              : t('reception.announcement.record')}
          </button>
        )}
      </div>

      {missing.length > 0 && (
        <p className="notice warning" role="alert">
          {t('reception.announcement.missing', { fields: missing.join(', ') })}{' '}
          <Link to="/settings/profile">{t('reception.announcement.toSettings')}</Link>
        </p>
      )}

      <div className="reception-texts">
        {LANGS.map((l) => {
          const text = texts[l];
          return (
            <div key={l} className="reception-text" lang={l}>
              <div className="reception-text-head">
                <h3>{t(`reception.announcement.${l}`)}</h3>
                {text.ok && (
                  <button type="button" className="button" onClick={() => void copy(text.text)}>
                    {t('reception.announcement.copyOne')}
                  </button>
                )}
              </div>
              <pre className="reception-text-body" data-testid={`announcement-${l}`}>
                {text.ok ? text.text : '—'}
              </pre>
            </div>
          );
        })}
      </div>

      <div className="button-row">
        <button
          type="button"
          className="button primary"
          disabled={!both}
          onClick={() => both && void copy(both)}
        >
          {t('reception.announcement.copyBoth')}
        </button>
        <button type="button" className="button" disabled={!both} onClick={() => void save()}>
          {t('reception.announcement.saveTxt')}
        </button>
        {status && (
          <span className={status.tone === 'ok' ? 'reception-saved' : 'field-error'} role="status">
            {status.text}
          </span>
        )}
      </div>
      {recording && <RecordDialog reception={reception} onClose={() => setRecording(false)} />}
    </section>
  );
}
