import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { letterFrame, type RenderResult } from '@shared/templates';
import { placeholderLabel } from './letter';

/**
 * The inq-letter as it will look on paper: letterhead, outgoing number and date, the sections,
 * the signature. Used on screen (preview) and on the print page.
 */
export function LetterSheet({
  result,
  settings,
  lang,
  outgoing,
}: {
  result: Extract<RenderResult, { ok: true }>;
  settings: Settings;
  lang: Lang;
  outgoing: { number: string | null; date: string | null };
}) {
  const frame = letterFrame(settings, lang, outgoing);
  return (
    <div className="inq-letter" lang={lang}>
      <header className="inq-letter-head">
        {frame.letterhead.map((line) => (
          <div key={line} className="inq-letter-head-line">
            {line}
          </div>
        ))}
        {frame.contacts && <div className="inq-letter-contacts">{frame.contacts}</div>}
      </header>
      <div className="inq-letter-outgoing">
        <span>{frame.outgoing.date}</span>
        <span>{frame.outgoing.number}</span>
      </div>
      {result.letter.sections.map((section) => (
        <div
          key={section.key}
          className={`inq-letter-section layout-${section.layout}`}
          data-section={section.key}
        >
          {section.text.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ))}
      <footer className="inq-letter-signature">
        <span>{frame.signature.position}</span>
        <span>{frame.signature.name}</span>
      </footer>
    </div>
  );
}

/** What the inq-letter still needs, named as the user knows the fields. */
export function MissingList({ missing, lang }: { missing: readonly string[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <div className="notice warning" role="status">
      <p>{t('inquiries.letter.missing')}</p>
      <ul>
        {missing.map((key) => (
          <li key={key}>{placeholderLabel(key, lang)}</li>
        ))}
      </ul>
    </div>
  );
}

export interface LetterActions {
  docx: () => Promise<boolean>;
  pdf: (() => Promise<boolean>) | null;
  text: () => string | null;
}

/** Word, PDF and clipboard, with what happened said in words. */
export function OutputButtons({
  actions,
  disabled,
}: {
  actions: LetterActions;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (what: 'docx' | 'pdf') => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = what === 'docx' ? await actions.docx() : await actions.pdf?.();
      if (saved) setMessage({ kind: 'ok', text: t(`inquiries.output.${what}Saved`) });
    } catch (failure) {
      setMessage({
        kind: 'error',
        text: t('inquiries.output.failed', {
          detail: failure instanceof Error ? failure.message : String(failure),
        }),
      });
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    const text = actions.text();
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ kind: 'ok', text: t('inquiries.output.copied') });
    } catch {
      setMessage({ kind: 'error', text: t('inquiries.output.copyFailed') });
    }
  };
  return (
    <div className="output-buttons">
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={disabled || busy}
          onClick={() => void run('docx')}
        >
          {t('inquiries.output.docx')}
        </button>
        {actions.pdf && (
          <button
            type="button"
            className="button"
            disabled={disabled || busy}
            onClick={() => void run('pdf')}
          >
            {t('inquiries.output.pdf')}
          </button>
        )}
        <button type="button" className="button" disabled={disabled} onClick={() => void copy()}>
          {t('inquiries.output.copy')}
        </button>
      </div>
      {message && (
        <p className={message.kind === 'ok' ? 'output-ok' : 'field-error'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
