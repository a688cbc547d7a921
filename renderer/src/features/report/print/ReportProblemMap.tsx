import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { drawProblemMap, formatChange, mapCountsAt, rankHotSpots } from '@shared/map';
import { formatNumber } from '@shared/format';
import type { QuarterlyReport } from '@shared/report/types';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { getOkrugMap } from '@renderer/db/repositories';

/** How many hot spots the printed report names (the rest are in the places table). */
const PRINTED_HOT_SPOTS = 5;

/**
 * The problem map in the public report, anonymised: only places with at least 3 appeals are
 * named, counted and shaded (the "<3" rule); with the okrug's GeoJSON loaded, the map with
 * those areas shaded, else the ranking alone.
 */
export function ReportProblemMap({ report, t }: { report: QuarterlyReport; t: TFunction }) {
  const db = useDb();
  const okrug = useLiveQuery(() => getOkrugMap(db), [db]);
  const spots = report.appeals.hotSpots;
  const level = report.appeals.byPlace.level;
  const drawing = useMemo(() => {
    if (!okrug || spots.length === 0) return null;
    return drawProblemMap(okrug.map, mapCountsAt(level, spots), { width: 640, height: 300 });
  }, [okrug, spots, level]);
  if (spots.length === 0) return null;
  return (
    <section className="rep-problem-map" data-problem-map={report.lang}>
      <h3>{t('problemMap.report.title')}</h3>
      {drawing && (
        <svg
          className="rep-problem-map-svg"
          viewBox={`0 0 ${String(drawing.width)} ${String(drawing.height)}`}
          role="img"
          aria-label={t('problemMap.report.title')}
        >
          {drawing.shapes.map((shape) => (
            <path
              key={shape.index}
              d={shape.d}
              fill={shape.fill}
              stroke={shape.stroke}
              strokeWidth={shape.strokeWidth}
              fillRule="evenodd"
              strokeLinejoin="round"
              strokeLinecap="round"
              data-area={shape.name}
              data-count={shape.count}
            />
          ))}
        </svg>
      )}
      <table className="rep-table">
        <thead>
          <tr>
            <th scope="col">{t('problemMap.place')}</th>
            <th scope="col" className="num">
              {t('problemMap.count')}
            </th>
            <th scope="col" className="num">
              {t('problemMap.previous')}
            </th>
            <th scope="col" className="num">
              {t('problemMap.change')}
            </th>
            <th scope="col">{t('problemMap.topics')}</th>
          </tr>
        </thead>
        <tbody>
          {rankHotSpots(spots, PRINTED_HOT_SPOTS).map(({ spot }) => (
            <tr key={spot.key}>
              <td>{spot.label}</td>
              <td className="num">{formatNumber(spot.count)}</td>
              <td className="num">{spot.previousDisplay}</td>
              <td className="num">{formatChange(spot.change)}</td>
              <td>{spot.topics.map((topic) => topic.label).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rep-note">{t('problemMap.report.note')}</p>
    </section>
  );
}
