import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, SyncConflict } from '@shared/sync';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import type { kk } from '@renderer/i18n/catalogs';
import { getPlatform } from '@renderer/platform';
import { resolveConflicts } from '@renderer/sync/conflicts';
import { testConnection, type ConnectionAnswer } from '@renderer/sync/connection';
import { readSyncSettings } from '@renderer/sync/service';
import { ConflictList } from '@renderer/ui/ConflictList';
import { Field } from '@renderer/ui/Field';
import { formatTimestamp } from '@shared/format';
import { useStatusText } from './SyncStatus';
import { useSyncService, useSyncSummary } from './useSync';
import './sync.css';

type FieldKey = keyof typeof kk.sync.fields;
type TableKey = keyof typeof kk.sync.tables;
type AnswerKey = keyof typeof kk.sync.answer;
type ReasonKey = keyof typeof kk.sync.quarantine.reasons;

/** The message of a "test connection" or save answer: one clear sentence each. */
function useAnswerText() {
  const { t } = useTranslation();
  return (answer: AnswerKey | 'ok', server: string) =>
    answer === 'unreachable' && server.trim().startsWith('https:') && !getPlatform().probeServer
      ? t('sync.answer.unreachableHttps')
      : t(`sync.answer.${answer}`);
}

interface FormStart {
  enabled: boolean;
  server: string;
  database: string;
  user: string;
  hasStored: boolean;
}

/** Settings › Sync's form, once the stored settings and credentials are read. */
function SyncForm() {
  const db = useDb();
  const service = useSyncService();
  const [start, setStart] = useState<FormStart | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([readSyncSettings(db), service.credentials.get().catch(() => null)]).then(
      ([settings, credentials]) => {
        if (!live) return;
        setStart({
          enabled: settings.enabled,
          server: settings.server,
          database: settings.database,
          user: credentials?.user ?? '',
          hasStored: credentials !== null,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [db, service]);
  return start ? <SyncFormFields start={start} /> : null;
}

function SyncFormFields({ start }: { start: FormStart }) {
  const { t } = useTranslation();
  const service = useSyncService();
  const answerText = useAnswerText();
  const [enabled, setEnabled] = useState(start.enabled);
  const [server, setServer] = useState(start.server);
  const [database, setDatabase] = useState(start.database);
  const [user, setUser] = useState(start.user);
  const [password, setPassword] = useState('');
  const [hasStored, setHasStored] = useState(start.hasStored);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const credentials = async () => {
    if (user.trim() && password) return { user: user.trim(), password };
    const kept = await service.credentials.get();
    return kept && kept.user === user.trim() ? kept : null;
  };

  const test = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const given = await credentials();
      if (!given) {
        setMessage({ tone: 'error', text: answerText('missing_credentials', server) });
        return;
      }
      const answer: ConnectionAnswer = await testConnection(
        { server, database, credentials: given },
        { probe: getPlatform().probeServer },
      );
      setMessage(
        answer.ok
          ? { tone: 'ok', text: answerText('ok', server) }
          : { tone: 'error', text: answerText(answer.failure, server) },
      );
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const given = user.trim() && password ? { user: user.trim(), password } : null;
      if (enabled && !given && !hasStored) {
        setMessage({ tone: 'error', text: answerText('missing_credentials', server) });
        return;
      }
      const { stored: kept } = await service.save({ enabled, server, database }, given);
      if (given) {
        setHasStored(kept);
        setPassword('');
      }
      setMessage({
        tone: 'ok',
        text: kept ? t('sync.saved') : `${t('sync.saved')} ${t('sync.passwordNotSaved')}`,
      });
    } catch (error) {
      const code = error instanceof Error ? error.message : '';
      const known: AnswerKey[] = ['address_invalid', 'address_insecure', 'database_invalid'];
      setMessage({
        tone: 'error',
        text: answerText(
          known.includes(code as AnswerKey) ? (code as AnswerKey) : 'server_error',
          server,
        ),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form sync-form" onSubmit={(e) => void save(e)} noValidate>
      <fieldset className="settings-fieldset">
        <legend>{t('sync.title')}</legend>
        <p className="settings-lead">{t('sync.lead')}</p>
        <label className="sync-enabled">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
          {t('sync.enabled')}
        </label>
        <div className="sync-fields">
          <Field label={t('sync.server')} hint={t('sync.serverHint')}>
            <input
              type="url"
              value={server}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setServer(e.target.value)}
            />
          </Field>
          <Field label={t('sync.database')} hint={t('sync.databaseHint')}>
            <input
              value={database}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setDatabase(e.target.value)}
            />
          </Field>
          <Field label={t('sync.user')}>
            <input
              value={user}
              autoComplete="username"
              spellCheck={false}
              onChange={(e) => setUser(e.target.value)}
            />
          </Field>
          <Field
            label={t('sync.password')}
            hint={getPlatform().kind === 'browser' ? t('sync.passwordSession') : undefined}
          >
            <input
              type="password"
              value={password}
              autoComplete="current-password"
              placeholder={hasStored ? t('sync.passwordStored') : ''}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
        </div>
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void test()}>
            {busy ? t('sync.testing') : t('sync.test')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('sync.save')}
          </button>
        </div>
        <p
          className={`settings-notice sync-answer ${message?.tone ?? ''}`}
          role="status"
          aria-live="polite"
        >
          {message?.text ?? ''}
        </p>
      </fieldset>
    </form>
  );
}

function StatusPanel() {
  const { t } = useTranslation();
  const summary = useSyncSummary();
  const { text, tone } = useStatusText(summary);
  return (
    <div className={`sync-panel card ${tone}`}>
      <p className="sync-panel-status">
        <span className="sync-status-dot" aria-hidden="true" /> {text}
      </p>
      {summary.needsCredentials && <p className="settings-lead">{t('sync.needsCredentials')}</p>}
      {summary.lastSyncedAt && (
        <p className="settings-lead">
          {t('sync.status.lastSynced', { at: formatTimestamp(summary.lastSyncedAt) })}
        </p>
      )}
    </div>
  );
}

/** The conflicts of this laptop's sync, decided through the repository. */
export function SyncConflicts() {
  const { t } = useTranslation();
  const db = useDb();
  const { ctx } = useSession();
  const conflicts = useLiveQuery(() => db.syncConflicts.orderBy('detectedAt').toArray(), [db]);
  const fieldLabel = (field: string) => {
    const key = `sync.fields.${field}` as `sync.fields.${FieldKey}`;
    const text = t(key);
    return text === key ? field : text;
  };
  const onDecide = async (conflict: SyncConflict, choice: ConflictChoice) => {
    const row = (conflicts ?? []).find((c) => c.id === conflict.id);
    if (!row) return;
    await resolveConflicts(db, row.docId, [{ conflictId: row.id, choice }], ctx);
  };
  return (
    <section className="sync-conflicts" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t('sync.conflicts.title')}</h2>
      {(conflicts?.length ?? 0) > 0 && <p className="settings-lead">{t('sync.conflicts.lead')}</p>}
      <ConflictList
        conflicts={conflicts ?? []}
        texts="sync.conflicts"
        tableLabel={(table) => t(`sync.tables.${table as TableKey}`)}
        fieldLabel={fieldLabel}
        onDecide={onDecide}
      />
    </section>
  );
}

function QuarantineList() {
  const { t } = useTranslation();
  const db = useDb();
  const rows = useLiveQuery(() => db.syncQuarantine.orderBy('receivedAt').toArray(), [db]);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="sync-quarantine" aria-labelledby="sync-quarantine-title">
      <h2 id="sync-quarantine-title">{t('sync.quarantine.title')}</h2>
      <p className="settings-lead">{t('sync.quarantine.lead')}</p>
      <table className="settings-table">
        <thead>
          <tr>
            <th>{t('sync.quarantine.document')}</th>
            <th>{t('sync.quarantine.reason')}</th>
            <th>{t('sync.quarantine.received')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.docId}>
              <td>
                {row.table ? `${t(`sync.tables.${row.table as TableKey}`)} · ` : ''}
                <code>{row.docId}</code>
              </td>
              <td>{t(`sync.quarantine.reasons.${row.reason as ReasonKey}`)}</td>
              <td>{formatTimestamp(row.receivedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Settings › Sync: the server, the status, the conflicts, the documents not applied. */
export function SyncSection() {
  return (
    <div className="settings-section sync-section">
      <SyncForm />
      <StatusPanel />
      <SyncConflicts />
      <QuarantineList />
    </div>
  );
}
