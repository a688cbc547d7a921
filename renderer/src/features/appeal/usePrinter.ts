import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { getPlatform } from '@renderer/platform';

export type PrintKind = 'receipt' | 'card';

export interface Printer {
  busy: PrintKind | null;
  /** Why the last attempt failed (the platform's own words), or null. */
  error: string | null;
  /** The document last handed over to the platform successfully. */
  done: PrintKind | null;
  print: (kind: PrintKind) => Promise<void>;
}

/** The print routes of an appeal, with the language each document is printed in. */
export function printRoute(kind: PrintKind, appealId: string, lang: Lang): string {
  return kind === 'receipt'
    ? `/print/receipt/${appealId}?lang=${lang}`
    : `/print/appeal/${appealId}?lang=${lang}`;
}

/**
 * Prints the receipt or the card through the platform: Electron saves a PDF rendered in a
 * hidden window, a browser opens its print dialog (where "Save as PDF" is a destination).
 * The receipt is printed in `receiptLang`; the card in the interface language.
 */
export function usePrinter(appeal: Pick<Appeal, 'id' | 'regNo'>, receiptLang: Lang): Printer {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<PrintKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PrintKind | null>(null);
  const lang: Lang = i18n.language === 'ru' ? 'ru' : 'kk';

  const print = async (kind: PrintKind) => {
    const fileName =
      kind === 'receipt'
        ? t('appeal.print.receiptFile', { regNo: appeal.regNo, lng: receiptLang })
        : t('appeal.print.cardFile', { regNo: appeal.regNo });
    setBusy(kind);
    setError(null);
    setDone(null);
    try {
      const result = await getPlatform().printToPdf({
        route: printRoute(kind, appeal.id, kind === 'receipt' ? receiptLang : lang),
        fileName,
      });
      if (result.saved) setDone(kind);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  };

  return { busy, error, done, print };
}
