import { useParams } from 'react-router';
import { isLetterKind, letterFrame } from '@shared/templates';
import type { Lang } from '@shared/i18n/lang';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { loadDraft } from '@renderer/db/repositories';
import { PrintMissing } from '@renderer/ui/print/PrintMissing';
import { usePrintReady } from '@renderer/ui/print/printReady';
import { isLetterDraftData, LETTER_DRAFT_KIND, type LetterDraftData } from '../letterOutput';
import '@renderer/ui/print/print.css';
import './letterPrint.css';

function Letter({ data }: { data: LetterDraftData }) {
  const { settings } = useSession();
  const { letter } = data;
  const framed = isLetterKind(letter.kind);
  const frame = letterFrame(settings, letter.lang, data.outgoing);
  return (
    <article className="lp-letter" aria-label={letter.title}>
      {framed && (
        <header className="lp-head">
          {frame.letterhead.map((line) => (
            <div key={line} className="lp-head-line">
              {line}
            </div>
          ))}
          {frame.contacts !== '' && <div className="lp-contacts">{frame.contacts}</div>}
          <div className="lp-outgoing">
            <span>{frame.outgoing.date}</span>
            <span>{frame.outgoing.number}</span>
          </div>
        </header>
      )}
      {letter.sections.map((section) => (
        <section key={section.key} className={`lp-section lp-${section.layout}`}>
          {section.layout === 'heading' ? (
            <h1>
              {section.text.split('\n').map((line, i) => (
                <span key={i} className="lp-heading-line">
                  {line}
                </span>
              ))}
            </h1>
          ) : (
            section.text
              .split('\n')
              .filter((line) => line.trim() !== '')
              .map((line, i) => <p key={i}>{line}</p>)
          )}
        </section>
      ))}
      {framed && (frame.signature.position !== '' || frame.signature.name !== '') && (
        <footer className="lp-signature">
          <span className="lp-signature-position">{frame.signature.position}</span>
          <span className="lp-signature-line" aria-hidden="true" />
          <span className="lp-signature-name">{frame.signature.name}</span>
        </footer>
      )}
    </article>
  );
}

/** `/print/letter/:key`: a letter from the composer, on A4 with letterhead and signature. */
export function LetterPrint() {
  const { key } = useParams();
  const db = useDb();
  const { lang: interfaceLang } = useSession();
  const draft = useLiveQuery(
    async () => (key ? ((await loadDraft(db, LETTER_DRAFT_KIND, key)) ?? null) : null),
    [db, key],
  );
  const data = draft && isLetterDraftData(draft.data) ? draft.data : null;
  usePrintReady(draft === undefined ? 'loading' : data === null ? 'failed' : 'ready');
  const lang: Lang = data?.letter.lang ?? interfaceLang;
  return (
    <div className="print-sheet lp-sheet" lang={lang}>
      {draft === undefined ? null : data === null ? (
        <PrintMissing lang={lang} />
      ) : (
        <Letter data={data} />
      )}
    </div>
  );
}
