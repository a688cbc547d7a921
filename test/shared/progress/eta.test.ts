import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ETA_TUNING, etaMinutes, nextEta, type EtaSample, type EtaState } from '@shared/progress';

/** Runs samples through the estimator, returning every estimate. */
function run(samples: EtaSample[]): (number | null)[] {
  let state: EtaState | null = null;
  return samples.map((sample) => {
    const result = nextEta(state, sample);
    state = result.state;
    return result.remainingMs;
  });
}

/** A phase of `total` records written in steps of `dt` ms at the given rates (records/ms). */
function steady(total: number, steps: { dt: number; rate: number }[], phase = 'write') {
  const samples: EtaSample[] = [{ phase, done: 0, total, at: 1_000 }];
  let at = 1_000;
  let done = 0;
  for (const { dt, rate } of steps) {
    at += dt;
    done = Math.min(total, done + rate * dt);
    samples.push({ phase, done, total, at });
  }
  return samples;
}

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -1),
  fc.integer({ min: -10, max: 100_000 }),
);

describe('nextEta', () => {
  it('never gives NaN, Infinity or a negative figure, whatever it is fed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            phase: fc.constantFrom('validate', 'backup', 'write'),
            done: anyNumber,
            total: anyNumber,
            at: anyNumber,
          }),
          { maxLength: 40 },
        ),
        (samples) => {
          for (const remaining of run(samples)) {
            if (remaining === null) continue;
            expect(Number.isFinite(remaining)).toBe(true);
            expect(remaining).toBeGreaterThanOrEqual(0);
            const minutes = etaMinutes(remaining);
            if (minutes !== null) expect(minutes).toBeGreaterThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('stays between the remaining work at the fastest and at the slowest throughput seen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 500_000 }),
        fc.array(
          fc.record({
            dt: fc.integer({ min: 50, max: 5_000 }),
            rate: fc.double({ min: 0.5, max: 50, noNaN: true }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (total, steps) => {
          const samples = steady(total, steps);
          const estimates = run(samples);
          const rates = steps.map((s) => s.rate);
          const fastest = Math.max(...rates);
          const slowest = Math.min(...rates);
          estimates.forEach((remaining, i) => {
            if (remaining === null) return;
            const left = total - samples[i]!.done;
            expect(remaining).toBeGreaterThanOrEqual((left / fastest) * (1 - 1e-9));
            expect(remaining).toBeLessThanOrEqual((left / slowest) * (1 + 1e-9));
          });
        },
      ),
    );
  });

  it('at a steady throughput gives the true time left, falling sample by sample', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 500_000 }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.integer({ min: 100, max: 2_000 }),
        (total, rate, dt) => {
          const steps = Array.from({ length: Math.ceil(total / rate / dt) + 1 }, () => ({
            dt,
            rate,
          }));
          const samples = steady(total, steps);
          const estimates = run(samples);
          let last = Infinity;
          estimates.forEach((remaining, i) => {
            if (remaining === null) return;
            const truth = (total - samples[i]!.done) / rate;
            expect(Math.abs(remaining - truth)).toBeLessThanOrEqual(truth * 1e-6 + 1e-6);
            expect(remaining).toBeLessThanOrEqual(last);
            last = remaining;
          });
          expect(estimates.at(-1)).toBe(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('shows nothing before a few seconds and a few percent of the phase are behind it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 500_000 }),
        fc.array(
          fc.record({
            dt: fc.integer({ min: 10, max: 3_000 }),
            rate: fc.double({ min: 0.01, max: 100, noNaN: true }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (total, steps) => {
          const samples = steady(total, steps);
          run(samples).forEach((remaining, i) => {
            const sample = samples[i]!;
            const early =
              sample.at - samples[0]!.at < ETA_TUNING.minElapsedMs ||
              sample.done < ETA_TUNING.minShare * total;
            if (early && sample.done < total) expect(remaining).toBeNull();
          });
        },
      ),
    );
  });

  it('starts over in a new phase and smooths a single slow slice', () => {
    // 100 records/s for 10 s, then one 2-second stall, then back to speed.
    const samples = steady(
      10_000,
      [
        ...Array.from({ length: 10 }, () => ({ dt: 1_000, rate: 0.1 })),
        { dt: 2_000, rate: 0 },
        { dt: 1_000, rate: 0.1 },
      ],
      'validate',
    );
    const estimates = run(samples);
    expect(estimates[2]).toBeNull();
    expect(estimates[3]).toBeCloseTo(97_000, -2);
    expect(estimates[10]).toBeCloseTo(90_000, -2);
    // The stall lengthens the estimate, but by far less than a stop of the work would.
    expect(estimates[11]!).toBeGreaterThan(90_000);
    expect(estimates[11]!).toBeLessThan(200_000);

    let state: EtaState | null = null;
    for (const sample of samples) state = nextEta(state, sample).state;
    const next = nextEta(state, { phase: 'write', done: 100, total: 50_000, at: 20_000 });
    expect(next.remainingMs).toBeNull();
    expect(next.state.rate).toBeNull();
  });
});

describe('etaMinutes', () => {
  it('rounds to whole minutes, at least one while work is left', () => {
    expect(etaMinutes(null)).toBeNull();
    expect(etaMinutes(0)).toBeNull();
    expect(etaMinutes(20_000)).toBe(1);
    expect(etaMinutes(150_000)).toBe(3);
    expect(etaMinutes(NaN)).toBeNull();
  });
});
