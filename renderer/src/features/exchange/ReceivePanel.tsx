import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedExchange } from '@shared/exchange';
import type { ExchangePreview } from '@shared/exchange';
import { formatTimestamp } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import {
  applyPackage,
  exportDatabase,
  openPackage,
  previewPackage,
  writeReceipt,
} from '@renderer/db/repositories';
import { keepBackup } from '@renderer/backup/beforeImport';
import { saveExchangeFile } from './saveExchangeFile';
import { useExchangeError } from './useExchangeError';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; message: string }
  | { kind: 'preview'; opened: OpenedExchange; preview: ExchangePreview }
  | {
      kind: 'applied';
      added: number;
      changed: number;
      peerId: string;
      peerName: string;
      /** The package was addressed to this laptop: only then is there a number to confirm. */
      addressed: boolean;
    }
  | { kind: 'done'; message: () => string }
  | { kind: 'error'; message: string };

/** The preview a person reads before a package is applied. */
export function PackagePreview({
  opened,
  preview,
}: {
  opened: OpenedExchange;
  preview: ExchangePreview;
}) {
  const { t } = useTranslation();
  const { envelope } = opened;
  const other =
    Object.values(preview.otherAdded).reduce((a, b) => a + b, 0) +
    Object.values(preview.otherChanged).reduce((a, b) => a + b, 0);
  const empty =
    preview.newAppeals.length + preview.changedAppeals.length + preview.newApplicants + other === 0;
  return (
    <div className="exchange-preview" aria-labelledby="exchange-preview-title">
      <h3 id="exchange-preview-title">{t('exchange.preview.title')}</h3>
      <p>
        {t('exchange.preview.from', {
          from: envelope.from.name,
          seq: envelope.seq,
          at: formatTimestamp(envelope.createdAt),
        })}
        {envelope.full && <span className="badge exchange-full">{t('exchange.preview.full')}</span>}
      </p>
      {empty && <p>{t('exchange.preview.nothing')}</p>}
      {preview.newAppeals.length > 0 && (
        <>
          <h4>{t('exchange.preview.newAppeals', { count: preview.newAppeals.length })}</h4>
          <ul className="exchange-appeals">
            {preview.newAppeals.map((a) => (
              <li key={a.id}>
                <span className="regno">{a.regNo}</span> {a.subject}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.changedAppeals.length > 0 && (
        <>
          <h4>{t('exchange.preview.changedAppeals', { count: preview.changedAppeals.length })}</h4>
          <ul className="exchange-appeals">
            {preview.changedAppeals.map((a) => (
              <li key={a.id}>
                <span className="regno">{a.regNo}</span> {a.subject}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className="exchange-counts">
        {preview.newApplicants > 0 && (
          <li>{t('exchange.preview.newApplicants', { count: preview.newApplicants })}</li>
        )}
        {other > 0 && <li>{t('exchange.preview.other', { count: other })}</li>}
        {preview.duplicates.length > 0 && (
          <li>{t('exchange.preview.duplicates', { count: preview.duplicates.length })}</li>
        )}
        {preview.conflicts.length > 0 && (
          <li className="exchange-conflict-count">
            {t('exchange.preview.conflicts', { count: preview.conflicts.length })}
          </li>
        )}
      </ul>
      {preview.renumberings.length > 0 && (
        <>
          <h4>{t('exchange.preview.numbers', { count: preview.renumberings.length })}</h4>
          <ul className="exchange-numbers">
            {preview.renumberings.map((r) => (
              <li key={`${r.recordId}:${r.from}`}>
                <span className="regno">
                  {t('exchange.preview.numberChange', { from: r.from, to: r.to })}
                </span>{' '}
                — {t(`exchange.preview.reasons.${r.reason}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Settings › Exchange › Receive: choose a file, read the preview, apply it, write the receipt. */
export function ReceivePanel({ password, appVersion }: { password: string; appVersion: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const { ctx } = useSession();
  const describe = useExchangeError();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const choose = async () => {
    const file = input.current?.files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    if (!password) return setState({ kind: 'error', message: t('exchange.errors.password') });
    setState({ kind: 'working', message: t('exchange.receive.opening') });
    try {
      const opened = await openPackage(db, new Uint8Array(await file.arrayBuffer()), { password });
      if (opened.envelope.kind === 'receipt') {
        await applyPackage(db, opened, ctx);
        return setState({
          kind: 'done',
          message: () =>
            t('exchange.receive.receiptLoaded', {
              from: opened.envelope.from.name,
              ack: opened.envelope.ack,
            }),
        });
      }
      const { preview } = await previewPackage(db, opened, ctx);
      setState({ kind: 'preview', opened, preview });
    } catch (error) {
      setState({ kind: 'error', message: describe(error) });
    }
  };

  const apply = async (opened: OpenedExchange) => {
    setState({ kind: 'working', message: t('exchange.preview.applying') });
    try {
      const { preview } = await applyPackage(db, opened, ctx, {
        backup: async () => {
          await keepBackup(await exportDatabase(db));
        },
      });
      setState({
        kind: 'applied',
        added: preview.newAppeals.length,
        changed: preview.changedAppeals.length,
        peerId: opened.envelope.from.deviceId,
        peerName: opened.envelope.from.name,
        addressed: opened.envelope.to !== null,
      });
    } catch (error) {
      setState({ kind: 'error', message: describe(error) });
    }
  };

  const receipt = async (peerId: string, peerName: string) => {
    if (!password) return setState({ kind: 'error', message: t('exchange.errors.password') });
    try {
      const written = await writeReceipt(db, peerId, { locks: { password }, appVersion }, ctx);
      if (await saveExchangeFile(written)) {
        setState({
          kind: 'done',
          message: () =>
            t('exchange.receive.receiptWritten', {
              fileName: written.fileName,
              to: peerName,
            }),
        });
      }
    } catch (error) {
      setState({ kind: 'error', message: describe(error) });
    }
  };

  return (
    <section className="card exchange-card" aria-labelledby="exchange-receive">
      <h2 id="exchange-receive">{t('exchange.receive.title')}</h2>
      <label className="button">
        {t('exchange.receive.choose')}
        <input
          ref={input}
          type="file"
          accept=".tizilim-exchange"
          className="visually-hidden"
          data-testid="exchange-file"
          onChange={() => void choose()}
          disabled={state.kind === 'working'}
        />
      </label>
      {state.kind === 'working' && <p role="status">{state.message}</p>}
      {state.kind === 'error' && (
        <p className="settings-notice error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <p className="settings-notice ok" role="status">
          {state.message()}
        </p>
      )}
      {state.kind === 'preview' && (
        <>
          <PackagePreview opened={state.opened} preview={state.preview} />
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              onClick={() => void apply(state.opened)}
            >
              {t('exchange.preview.apply')}
            </button>
            <button type="button" className="button" onClick={() => setState({ kind: 'idle' })}>
              {t('exchange.preview.cancel')}
            </button>
          </div>
        </>
      )}
      {state.kind === 'applied' && (
        <>
          <p className="settings-notice ok" role="status">
            {t(state.addressed ? 'exchange.receive.appliedReceipt' : 'exchange.receive.applied', {
              added: state.added,
              changed: state.changed,
            })}
          </p>
          {state.addressed && (
            <button
              type="button"
              className="button"
              onClick={() => void receipt(state.peerId, state.peerName)}
            >
              {t('exchange.receive.writeReceipt')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
