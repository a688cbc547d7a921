import { useParams } from 'react-router';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { PrintMissing } from '@renderer/ui/print/PrintMissing';
import { usePrintReady } from '@renderer/ui/print/printReady';
import { loadLetterData, renderInquiryLetter } from '../letter';
import { LetterSheet, MissingList } from '../LetterPreview';
import '@renderer/ui/print/print.css';
import '../inquiries.css';
import '../inquiryLetter.css';
import '../inquiryViews.css';

/**
 * `/print/inquiry/:id`: the inquiry inq-letter on A4 in its own language, with the letterhead,
 * number, date and signature — the PDF that goes out, or the page printed for signing.
 */
export function InquiryPrint() {
  const { id } = useParams();
  const db = useDb();
  const { settings, calendar, today, lang: interfaceLang } = useSession();
  const data = useLiveQuery(async () => {
    const inquiry = id ? await db.inquiries.get(id) : undefined;
    if (!inquiry || inquiry.deletedAt !== null) return null;
    return loadLetterData(db, inquiry);
  }, [db, id]);
  const result = data ? renderInquiryLetter(data, { settings, calendar, today }) : null;
  usePrintReady(data === undefined ? 'loading' : data === null || !result?.ok ? 'failed' : 'ready');
  const lang = data?.inquiry.language ?? interfaceLang;
  return (
    <div className="print-sheet inq-letter-sheet" lang={lang}>
      {data === undefined ? null : data === null || result === null ? (
        <PrintMissing lang={lang} />
      ) : result.ok ? (
        <LetterSheet
          result={result}
          settings={settings}
          lang={lang}
          outgoing={{ number: data.inquiry.outgoingNo, date: data.inquiry.outgoingDate }}
        />
      ) : (
        <MissingList missing={result.missing} lang={lang} />
      )}
    </div>
  );
}
