import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildSocialCardSvg, CARD_SIZES, type CardSize } from '@shared/card';
import type { QuarterlyReport } from '@shared/report/types';
import { getPlatform } from '@renderer/platform';

/** Draws the card's SVG onto a canvas of its size and returns the PNG's bytes. */
export async function svgToPng(svg: string, size: CardSize): Promise<Uint8Array<ArrayBuffer>> {
  const { width, height } = CARD_SIZES[size];
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
  );
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The quarter's key figures as a picture for Telegram and Instagram, next to the short text:
 * a preview, the size (square or portrait), and a PNG download per report language.
 */
export function SocialCard({
  reports,
  disabled,
}: {
  reports: QuarterlyReport[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [size, setSize] = useState<CardSize>('square');
  const [failed, setFailed] = useState(false);
  const cards = useMemo(
    () => reports.map((report) => ({ report, svg: buildSocialCardSvg(report, size) })),
    [reports, size],
  );
  const download = async (report: QuarterlyReport, svg: string) => {
    setFailed(false);
    try {
      const data = await svgToPng(svg, size);
      const { width, height } = CARD_SIZES[size];
      await getPlatform().saveFile({
        fileName: `tizilim-${report.quarter.id}-${report.lang}-${String(width)}x${String(height)}.png`,
        mimeType: 'image/png',
        data,
      });
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className="report-card" data-testid="social-card">
      <h2 id="report-card-title">{t('socialCard.title')}</h2>
      <label>
        {t('socialCard.size')}{' '}
        <select value={size} onChange={(event) => setSize(event.target.value as CardSize)}>
          <option value="square">{t('socialCard.square')}</option>
          <option value="portrait">{t('socialCard.portrait')}</option>
        </select>
      </label>
      {cards.map(({ report, svg }) => (
        <figure key={report.lang} className="report-card-preview">
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            alt={t('socialCard.alt', { lang: report.lang.toUpperCase() })}
            width={CARD_SIZES[size].width / 4}
            height={CARD_SIZES[size].height / 4}
          />
          <button
            type="button"
            className="button"
            data-export={`card-${report.lang}`}
            disabled={disabled}
            onClick={() => void download(report, svg)}
          >
            {t('socialCard.download', { lang: report.lang.toUpperCase() })}
          </button>
        </figure>
      ))}
      {failed && (
        <p className="field-error" role="alert">
          {t('socialCard.failed')}
        </p>
      )}
    </div>
  );
}
