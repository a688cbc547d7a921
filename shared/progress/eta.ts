/**
 * An honest "about N min left" for a long job in phases (checking a file, a backup, writing
 * records): the remaining work divided by the throughput measured in the current phase,
 * smoothed, so one slow or fast slice does not make the figure jump. No estimate until enough
 * of the phase is done to measure it; never negative, NaN or Infinity. Pure: the caller
 * passes the moment of each sample.
 */

export interface EtaSample {
  /** The phase the work is in; a new phase starts a new measurement. */
  phase: string;
  done: number;
  total: number;
  /** When the sample was taken, in milliseconds (any clock, increasing). */
  at: number;
}

export interface EtaState {
  phase: string;
  total: number;
  startAt: number;
  startDone: number;
  /** The last sample the throughput was measured at. */
  lastAt: number;
  lastDone: number;
  done: number;
  /** Smoothed throughput in units per millisecond; null until measured. */
  rate: number | null;
}

export interface EtaTuning {
  /** Time into a phase before any estimate (a start is never representative). */
  minElapsedMs: number;
  /** Share of the phase's work done before any estimate. */
  minShare: number;
  /** Time constant of the smoothing: older throughput fades over this many milliseconds. */
  smoothingMs: number;
  /** Longer estimates are not shown: a job that slow is better shown without a figure. */
  maxRemainingMs: number;
}

export const ETA_TUNING: EtaTuning = {
  minElapsedMs: 3_000,
  minShare: 0.03,
  smoothingMs: 8_000,
  maxRemainingMs: 24 * 3_600_000,
};

export interface EtaResult {
  state: EtaState;
  /** Milliseconds left in the phase, or null when there is no honest estimate yet. */
  remainingMs: number | null;
}

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);

/** The estimate after one more sample; `previous` is the state the last call returned. */
export function nextEta(
  previous: EtaState | null,
  sample: EtaSample,
  tuning: EtaTuning = ETA_TUNING,
): EtaResult {
  const total = Math.max(0, finiteOr(sample.total, 0));
  const done = Math.min(total, Math.max(0, finiteOr(sample.done, 0)));
  const at = finiteOr(sample.at, previous?.lastAt ?? 0);
  const restart =
    previous === null ||
    previous.phase !== sample.phase ||
    previous.total !== total ||
    done < previous.done ||
    at < previous.lastAt;
  if (restart) {
    const state: EtaState = {
      phase: sample.phase,
      total,
      startAt: at,
      startDone: done,
      lastAt: at,
      lastDone: done,
      done,
      rate: null,
    };
    return { state, remainingMs: done >= total ? 0 : null };
  }
  let { rate, lastAt, lastDone } = previous;
  const dt = at - lastAt;
  if (dt > 0) {
    const instant = (done - lastDone) / dt;
    if (rate === null) {
      // The first measurement: the phase's mean so far.
      rate = (done - previous.startDone) / (at - previous.startAt);
    } else {
      const weight = 1 - Math.exp(-dt / tuning.smoothingMs);
      rate = rate + weight * (instant - rate);
    }
    if (!Number.isFinite(rate) || rate < 0) rate = null;
    lastAt = at;
    lastDone = done;
  }
  const state: EtaState = { ...previous, lastAt, lastDone, done, rate };
  if (done >= total) return { state, remainingMs: 0 };
  const measured =
    at - previous.startAt >= tuning.minElapsedMs &&
    done - previous.startDone >= Math.max(1, tuning.minShare * total);
  if (!measured || rate === null || rate <= 0) return { state, remainingMs: null };
  const remaining = (total - done) / rate;
  if (!Number.isFinite(remaining) || remaining > tuning.maxRemainingMs) {
    return { state, remainingMs: null };
  }
  return { state, remainingMs: Math.max(0, remaining) };
}

/**
 * Whole minutes to show for an estimate: at least 1 while work is left (a job does not
 * "finish in 0 min" and then keep going), null when there is no estimate or nothing is left.
 */
export function etaMinutes(remainingMs: number | null): number | null {
  if (remainingMs === null || !Number.isFinite(remainingMs) || remainingMs <= 0) return null;
  return Math.max(1, Math.round(remainingMs / 60_000));
}
