import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  exchangeStatus,
  makeThisTheOfficeLaptop,
  renameDevice,
  writePackage,
} from '@renderer/db/repositories';
import { ExchangeConflicts } from './ExchangeConflicts';
import { ReceivePanel } from './ReceivePanel';
import { saveExchangeFile } from './saveExchangeFile';
import { useExchangeError } from './useExchangeError';
import './exchange.css';

/** Written into packages for support questions only. */
const APP_VERSION = '0.1.0';
const ANY = '';

/**
 * Settings › Exchange: this laptop's role in the office's numbering, sending a package to
 * another laptop (or to a new one), receiving packages and receipts with their preview,
 * the other laptops and the last exchange with each, and the conflicts to decide.
 */
export function ExchangeSection() {
  const { t } = useTranslation();
  const db = useDb();
  const { ctx } = useSession();
  const describe = useExchangeError();
  const status = useLiveQuery(() => exchangeStatus(db), [db]);
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  // Translated when shown, so a message follows a change of the interface language.
  const [message, setMessage] = useState<{ ok: boolean; text: (tr: typeof t) => string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  if (!status) return null;

  const to = chosen ?? status.peers[0]?.deviceId ?? ANY;
  const role = status.issuerDeviceId === null ? 'legacy' : status.isIssuer ? 'issuer' : 'member';
  const peer = status.peers.find((p) => p.deviceId === to) ?? null;

  const makeIssuer = async () => {
    try {
      await makeThisTheOfficeLaptop(db, ctx);
      setMessage({ ok: true, text: (tr) => tr('exchange.device.madeIssuer') });
    } catch (error) {
      setMessage({ ok: false, text: () => describe(error) });
    }
  };

  const rename = async () => {
    try {
      await renameDevice(db, name ?? status.device.name);
      setName(null);
      setMessage({ ok: true, text: (tr) => tr('exchange.device.renamed') });
    } catch {
      setMessage({ ok: false, text: (tr) => tr('exchange.device.nameInvalid') });
    }
  };

  const send = async () => {
    if (!password) return setMessage({ ok: false, text: (tr) => tr('exchange.errors.password') });
    setBusy(true);
    setMessage(null);
    try {
      const written = await writePackage(
        db,
        {
          to: peer ? { deviceId: peer.deviceId, name: peer.name } : null,
          locks: { password },
          appVersion: APP_VERSION,
        },
        ctx,
      );
      if (await saveExchangeFile(written)) {
        setMessage({
          ok: true,
          text: (tr) =>
            tr('exchange.send.written', {
              fileName: written.fileName,
              appeals: written.envelope.counts.appeals ?? 0,
              events: written.envelope.counts.events ?? 0,
              to: peer?.name ?? tr('exchange.send.anyone'),
            }),
        });
      }
    } catch (error) {
      setMessage({ ok: false, text: () => describe(error) });
    } finally {
      setBusy(false);
    }
  };

  const when = (seq: number, at: string | null) =>
    seq > 0 && at
      ? t('exchange.peers.numbered', { seq, at: formatTimestamp(at) })
      : t('exchange.peers.never');

  return (
    <div className="exchange-section">
      <p className="exchange-lead">{t('exchange.lead')}</p>
      <section className="card exchange-card" aria-labelledby="exchange-device">
        <h2 id="exchange-device">{t('exchange.device.title')}</h2>
        <form
          className="exchange-rename"
          onSubmit={(event) => {
            event.preventDefault();
            void rename();
          }}
        >
          <label>
            {t('exchange.device.name')}
            <input
              value={name ?? status.device.name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          {name !== null && name !== status.device.name && (
            <button type="submit" className="button small">
              {t('exchange.device.rename')}
            </button>
          )}
        </form>
        <dl className="exchange-facts">
          <dt>{t('exchange.device.role')}</dt>
          <dd>{t(`exchange.device.${role}`)}</dd>
        </dl>
        {role !== 'issuer' && role !== 'member' && (
          <button type="button" className="button" onClick={() => void makeIssuer()}>
            {t('exchange.device.makeIssuer')}
          </button>
        )}
        <label className="exchange-password">
          {t('exchange.password')}
          <input
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
      </section>

      <section className="card exchange-card" aria-labelledby="exchange-send">
        <h2 id="exchange-send">{t('exchange.send.title')}</h2>
        <label>
          {t('exchange.send.to')}
          <select value={to} onChange={(e) => setChosen(e.target.value)}>
            {status.peers.map((p) => (
              <option key={p.deviceId} value={p.deviceId}>
                {p.name}
              </option>
            ))}
            <option value={ANY}>{t('exchange.send.anyLaptop')}</option>
          </select>
        </label>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void send()}
        >
          {t('exchange.send.button')}
        </button>
        {message && (
          <p
            className={`settings-notice ${message.ok ? 'ok' : 'error'}`}
            role={message.ok ? 'status' : 'alert'}
          >
            {message.text(t)}
          </p>
        )}
      </section>

      <ReceivePanel password={password} appVersion={APP_VERSION} />

      <section className="card exchange-card" aria-labelledby="exchange-peers">
        <h2 id="exchange-peers">{t('exchange.peers.title')}</h2>
        {status.peers.length === 0 ? (
          <p>{t('exchange.peers.none')}</p>
        ) : (
          <table className="exchange-peers">
            <thead>
              <tr>
                <th>{t('exchange.peers.name')}</th>
                <th>{t('exchange.peers.lastSent')}</th>
                <th>{t('exchange.peers.lastReceived')}</th>
                <th>{t('exchange.peers.acked')}</th>
              </tr>
            </thead>
            <tbody>
              {status.peers.map((p) => (
                <tr key={p.deviceId}>
                  <td>{p.name}</td>
                  <td>{when(p.lastSentSeq, p.lastSentAt)}</td>
                  <td>{when(p.lastReceivedSeq, p.lastReceivedAt)}</td>
                  <td>{p.ackedSeq > 0 ? `№ ${p.ackedSeq}` : t('exchange.peers.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <ExchangeConflicts />
    </div>
  );
}
