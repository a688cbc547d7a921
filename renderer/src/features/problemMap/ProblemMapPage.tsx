import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { topicLabel } from '@shared/domain';
import {
  formatQuarter,
  parseQuarterId,
  quarterIdBounds,
  quarterIdOf,
  shiftQuarterId,
} from '@shared/format';
import {
  countsByName,
  drawProblemMap,
  rankHotSpots,
  formatChange,
  GeoJsonError,
  hotSpots,
  HOT_SPOT_LEVELS,
  MAP_SHADES,
  matchedNames,
  type HotSpotAppeal,
  type HotSpotLevel,
} from '@shared/map';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { getOkrugMap, removeOkrugMap, saveOkrugMap } from '@renderer/db/repositories';
import { placeParam } from './placeFilter';
import './problemMap.css';

const QUARTERS_BACK = 8;

function registryLink(level: HotSpotLevel, quarter: string, key: string): string {
  return `/registry?${new URLSearchParams({ place: placeParam({ level, quarter, key }) }).toString()}`;
}

/**
 * Where the appeals come from: a ranked chart of localities, microdistricts or streets for a
 * quarter (count, change against the previous quarter, main topics), each opening its appeals
 * in the registry; with the okrug's GeoJSON loaded, an SVG map shaded by count.
 */
export function ProblemMapPage() {
  const { t } = useTranslation();
  const { today, lang, settings } = useSession();
  const db = useDb();
  const [search, setSearch] = useSearchParams();
  const current = quarterIdOf(today);
  const requested = search.get('quarter') ?? '';
  const quarter = parseQuarterId(requested) ? requested : current;
  const levelParam = search.get('level') ?? '';
  const level: HotSpotLevel = (HOT_SPOT_LEVELS as readonly string[]).includes(levelParam)
    ? (levelParam as HotSpotLevel)
    : 'street';
  const appeals = useLiveQuery(() => db.appeals.toArray() as Promise<HotSpotAppeal[]>, [db]);
  const okrug = useLiveQuery(() => getOkrugMap(db), [db]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const periods = useMemo(() => {
    const now = quarterIdBounds(quarter)!;
    const before = quarterIdBounds(shiftQuarterId(quarter, -1))!;
    return {
      period: { from: now.start, to: now.end },
      previous: { from: before.start, to: before.end },
    };
  }, [quarter]);
  const figures = useMemo(
    () => (appeals ? hotSpots(appeals, { level, ...periods }) : null),
    [appeals, level, periods],
  );
  const mapCounts = useMemo(() => {
    if (!appeals || !okrug) return null;
    return {
      streets: countsByName(hotSpots(appeals, { level: 'street', ...periods })),
      districts: countsByName(hotSpots(appeals, { level: 'district', ...periods })),
    };
  }, [appeals, okrug, periods]);
  const drawing = useMemo(
    () =>
      okrug && mapCounts ? drawProblemMap(okrug.map, mapCounts, { width: 760, height: 460 }) : null,
    [okrug, mapCounts],
  );

  const quarters = useMemo(
    () => Array.from({ length: QUARTERS_BACK + 1 }, (_, i) => shiftQuarterId(current, -i)),
    [current],
  );
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };

  const loadFile = async (file: File) => {
    setMessage(null);
    try {
      const text = await file.text();
      await saveOkrugMap(db, { name: file.name, text }, new Date().toISOString());
      setMessage({ kind: 'ok', text: t('problemMap.map.saved') });
    } catch (error) {
      if (!(error instanceof GeoJsonError)) throw error;
      const reason = t(`problemMap.errors.${error.code}`, { feature: error.feature ?? '' });
      setMessage({ kind: 'error', text: `${reason} ${t('problemMap.errors.unchanged')}` });
    }
  };

  const shown = figures ? rankHotSpots(figures.spots) : [];

  return (
    <div className="page problem-map-page">
      <header className="page-header">
        <h1>{t('problemMap.title')}</h1>
      </header>
      <p className="muted">{t('problemMap.lead')}</p>
      <div className="problem-map-controls">
        <label>
          <span>{t('problemMap.quarter')}</span>
          <select value={quarter} onChange={(e) => setParam('quarter', e.target.value)}>
            {quarters.map((id) => (
              <option key={id} value={id}>
                {formatQuarter(id, lang)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="problem-map-levels">
          <legend>{t('problemMap.level')}</legend>
          {HOT_SPOT_LEVELS.map((l) => (
            <label key={l} className="radio">
              <input
                type="radio"
                name="level"
                value={l}
                checked={level === l}
                onChange={() => setParam('level', l)}
              />
              {t(`problemMap.levels.${l}`)}
            </label>
          ))}
        </fieldset>
      </div>

      {figures && (
        <p className="problem-map-totals">
          {t('problemMap.total', { count: figures.total })}
          {figures.unspecified > 0 && (
            <span className="muted">
              {' '}
              · {t('problemMap.unspecified', { count: figures.unspecified })}
            </span>
          )}
        </p>
      )}

      <section className="card problem-map-card" aria-labelledby="problem-map-title">
        <div className="problem-map-card-head">
          <h2 id="problem-map-title">{t('problemMap.map.title')}</h2>
          <div className="button-row">
            <input
              ref={fileInput}
              type="file"
              className="visually-hidden"
              data-testid="okrug-map-file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(e) => {
                const picked = e.target.files?.[0];
                e.target.value = '';
                if (picked) void loadFile(picked);
              }}
            />
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              {okrug ? t('problemMap.map.replace') : t('problemMap.map.load')}
            </button>
            {okrug && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  void removeOkrugMap(db).then(() =>
                    setMessage({ kind: 'ok', text: t('problemMap.map.removed') }),
                  );
                }}
              >
                {t('problemMap.map.remove')}
              </button>
            )}
          </div>
        </div>
        {message && (
          <p className={`notice ${message.kind === 'error' ? 'error' : 'success'}`} role="status">
            {message.text}
          </p>
        )}
        {okrug === null && <p className="muted">{t('problemMap.map.none')}</p>}
        {okrug && drawing && mapCounts && (
          <>
            <p className="muted small">
              {t('problemMap.map.loaded', {
                file: okrug.fileName,
                areas: okrug.map.areas.length,
                matched: matchedNames(okrug.map, [
                  ...mapCounts.streets.keys(),
                  ...mapCounts.districts.keys(),
                ]),
              })}
            </p>
            <svg
              className="problem-map-svg"
              viewBox={`0 0 ${String(drawing.width)} ${String(drawing.height)}`}
              role="img"
              aria-label={t('problemMap.map.title')}
            >
              {drawing.shapes.map((shape) => {
                const title = t('problemMap.map.areaTitle', {
                  name: shape.name,
                  count: shape.count,
                });
                const path = (
                  <path
                    d={shape.d}
                    fill={shape.fill}
                    stroke={shape.stroke}
                    strokeWidth={shape.strokeWidth}
                    fillRule="evenodd"
                    strokeLinejoin="round"
                    strokeLinecap="round"
                    data-area={shape.name}
                    data-count={shape.count}
                  >
                    <title>{title}</title>
                  </path>
                );
                if (shape.count === 0) return <g key={shape.index}>{path}</g>;
                const areaLevel =
                  shape.kind === 'line' || !mapCounts.districts.has(shape.key)
                    ? 'street'
                    : 'district';
                return (
                  <Link
                    key={shape.index}
                    to={registryLink(areaLevel, quarter, shape.key)}
                    aria-label={title}
                  >
                    {path}
                  </Link>
                );
              })}
            </svg>
            <div className="problem-map-legend" aria-label={t('problemMap.map.legend')}>
              <span className="muted small">{t('problemMap.map.legend')}:</span>
              <span className="legend-item">
                <span className="legend-swatch" style={{ background: MAP_SHADES[0] }} />
                {t('problemMap.map.noAppeals')}
              </span>
              {drawing.breaks.map((upper, i) => {
                const lower = i === 0 ? 1 : drawing.breaks[i - 1]! + 1;
                return (
                  <span key={upper} className="legend-item">
                    <span
                      className="legend-swatch"
                      style={{ background: MAP_SHADES[Math.min(MAP_SHADES.length - 1, i + 1)] }}
                    />
                    {lower === upper ? String(upper) : `${String(lower)}–${String(upper)}`}
                  </span>
                );
              })}
            </div>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="problem-ranking-title">
        <h2 id="problem-ranking-title">{t('problemMap.ranking')}</h2>
        {figures && shown.length === 0 && <p className="muted">{t('problemMap.empty')}</p>}
        {shown.length > 0 && (
          <table className="problem-ranking">
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
              {shown.map(({ spot, share }) => (
                <tr key={spot.key} data-place={spot.key}>
                  <td>
                    {spot.count > 0 ? (
                      <Link
                        to={registryLink(level, quarter, spot.key)}
                        title={t('problemMap.open', { place: spot.label, count: spot.count })}
                      >
                        {spot.label}
                      </Link>
                    ) : (
                      spot.label
                    )}
                    <div className="problem-bar" aria-hidden="true">
                      <span style={{ width: `${String(share * 100)}%` }} />
                    </div>
                  </td>
                  <td className="num">{spot.count}</td>
                  <td className="num muted">{spot.previous}</td>
                  <td className={`num ${spot.change > 0 ? 'up' : spot.change < 0 ? 'down' : ''}`}>
                    {formatChange(spot.change)}
                  </td>
                  <td className="small">
                    {spot.topics
                      .map(
                        (topic) =>
                          `${topicLabel(settings.topics, topic.topic, lang)} (${String(topic.count)})`,
                      )
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
