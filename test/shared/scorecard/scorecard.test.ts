import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeScorecard,
  isStale,
  profileChannels,
  reportQuarterFor,
  type ScoreAppeal,
  type ScorecardInput,
  type ScoreStep,
  type StepId,
} from '@shared/scorecard';

// Hand-checked data: the third quarter of 2026, looked at on 6 December 2026 unless a test
// says otherwise. Each test builds only the records its step reads.

const Q3 = { from: '2026-07-01', to: '2026-09-30' };

function input(over: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    ...Q3,
    today: '2026-12-06',
    appeals: [],
    receptions: [],
    publications: [],
    feedbackRounds: [],
    contacts: { telegram: '', website: '', other: '' },
    ...over,
  };
}

function step(card: ScorecardInput, id: StepId): ScoreStep {
  const found = computeScorecard(card).steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

let n = 0;
function appeal(over: Partial<ScoreAppeal> = {}): ScoreAppeal {
  n++;
  return {
    id: `a${String(n)}`,
    deletedAt: null,
    registeredOn: '2026-08-10',
    channel: 'reception',
    applicantId: 'p1',
    status: 'closed',
    firstContactAt: null,
    acknowledgeBy: '2026-08-13T10:00',
    updatedAt: '2026-12-01T04:00:00.000Z',
    ...over,
  };
}

const held = (date: string, announcedOn: string | null = null) => ({
  deletedAt: null,
  date,
  status: 'held' as const,
  announcedOn,
});

describe('step 1: a reception every month', () => {
  it('is met when each month of the quarter had a held reception', () => {
    const s = step(
      input({ receptions: [held('2026-07-15'), held('2026-08-03'), held('2026-09-30')] }),
      'receptions',
    );
    expect(s).toMatchObject({ number: 1, state: 'met', count: 3, total: 3, percent: 100 });
    expect(s.action).toBe('keep_receptions');
  });

  it('is partly met with a month missing, and names that month', () => {
    const s = step(
      input({
        receptions: [
          held('2026-07-15'),
          held('2026-09-02'),
          // Planned, cancelled and deleted receptions do not count.
          { ...held('2026-08-10'), status: 'planned' },
          { ...held('2026-08-11'), status: 'cancelled' },
          { ...held('2026-08-12'), deletedAt: '2026-08-20T00:00:00.000Z' },
        ],
      }),
      'receptions',
    );
    expect(s).toMatchObject({ state: 'partly', count: 2, total: 3, action: 'plan_reception' });
    expect(s.detail).toMatchObject({ month: '2026-08', missingMonths: 1 });
  });

  it('is not met with none, and does not judge the running month before it is over', () => {
    expect(step(input(), 'receptions')).toMatchObject({ state: 'not_met', count: 0, total: 3 });
    // 6 December: October and November are over, December is still running.
    const s = step(
      input({
        from: '2026-10-01',
        to: '2026-12-31',
        receptions: [held('2026-10-05'), held('2026-11-05')],
      }),
      'receptions',
    );
    expect(s).toMatchObject({ state: 'met', count: 2, total: 2 });
    expect(s.detail).toMatchObject({ month: '2026-12' });
  });
});

describe('step 2: receptions announced at least 3 days ahead', () => {
  it('counts exactly 3 days as in advance and 2 days as late', () => {
    const s = step(
      input({
        receptions: [held('2026-07-15', '2026-07-12'), held('2026-08-15', '2026-08-13')],
      }),
      'announced',
    );
    expect(s).toMatchObject({ number: 2, state: 'partly', count: 1, total: 2, percent: 50 });
    expect(s.detail).toMatchObject({ late: 1, unannounced: 0, days: 3 });
    expect(s.action).toBe('announce_earlier');
  });

  it('is met only when every held reception was announced in time', () => {
    const s = step(
      input({ receptions: [held('2026-07-15', '2026-07-01'), held('2026-08-15', '2026-08-12')] }),
      'announced',
    );
    expect(s).toMatchObject({ state: 'met', count: 2, total: 2, action: 'keep_announcing' });
  });

  it('is not met when most were never announced, or when none was held', () => {
    const s = step(
      input({
        receptions: [
          held('2026-07-15', null),
          held('2026-08-15', null),
          held('2026-09-15', '2026-09-01'),
        ],
      }),
      'announced',
    );
    expect(s).toMatchObject({ state: 'not_met', count: 1, total: 3, percent: 33 });
    expect(s.detail).toMatchObject({ unannounced: 2 });
    expect(step(input(), 'announced')).toMatchObject({
      state: 'not_met',
      total: 0,
      action: 'hold_receptions',
    });
  });
});

describe('step 3: messengers and social networks', () => {
  it('reads the profile: the Telegram field, WhatsApp and Instagram in the other contacts', () => {
    expect(profileChannels({ telegram: '@deputat_12', website: '', other: '' })).toEqual([
      'telegram',
    ]);
    expect(
      profileChannels({
        telegram: '',
        website: 'https://instagram.com/deputat',
        other: 'WhatsApp: +7 701 000 00 00',
      }),
    ).toEqual(['whatsapp', 'instagram']);
    expect(
      profileChannels({
        telegram: '',
        website: 'https://maslihat.kz',
        other: 'тел. 8 7172 00 00 00',
      }),
    ).toEqual([]);
  });

  it('is met with channels in the profile and appeals through them', () => {
    const s = step(
      input({
        contacts: { telegram: '@deputat_12', website: '', other: '' },
        appeals: [
          appeal({ channel: 'telegram' }),
          appeal({ channel: 'instagram' }),
          appeal(),
          appeal(),
        ],
      }),
      'channels',
    );
    expect(s).toMatchObject({ number: 3, state: 'met', count: 2, total: 4, percent: 50 });
    expect(s.detail).toMatchObject({ profile: 'telegram' });
  });

  it('is partly met with only one of the two, not met with neither', () => {
    const onlyAppeals = input({ appeals: [appeal({ channel: 'whatsapp' })] });
    expect(step(onlyAppeals, 'channels')).toMatchObject({
      state: 'partly',
      action: 'add_profile_channels',
    });
    const onlyProfile = input({
      contacts: { telegram: 't.me/deputat', website: '', other: '' },
      appeals: [appeal({ channel: 'whatsapp', registeredOn: '2026-10-01' })],
    });
    expect(step(onlyProfile, 'channels')).toMatchObject({
      state: 'partly',
      count: 0,
      action: 'invite_messengers',
    });
    expect(step(input({ appeals: [appeal()] }), 'channels')).toMatchObject({
      state: 'not_met',
      count: 0,
      total: 1,
    });
  });
});

describe('step 4: the quarterly report published on time', () => {
  const pub = (publishedOn: string, quarter = 3) => ({
    deletedAt: null,
    year: 2026,
    quarter,
    publishedOn,
    link: '',
  });

  it('answers for the last quarter over by the period end or today', () => {
    expect(reportQuarterFor('2026-09-30', '2026-12-06')).toBe('2026-Q3');
    expect(reportQuarterFor('2026-12-31', '2026-12-06')).toBe('2026-Q3');
    expect(reportQuarterFor('2026-09-29', '2026-12-06')).toBe('2026-Q2');
  });

  it('is met when published on the 15th day after the quarter (the due date itself)', () => {
    const s = step(input({ publications: [pub('2026-10-15')] }), 'report');
    expect(s).toMatchObject({ number: 4, state: 'met', count: 1, action: 'keep_publishing' });
    expect(s.detail).toMatchObject({ quarter: '2026-Q3', due: '2026-10-15', daysLate: 0 });
  });

  it('is partly met when published late, not met when never published after the due date', () => {
    expect(step(input({ publications: [pub('2026-10-16')] }), 'report')).toMatchObject({
      state: 'partly',
      action: 'publish_on_time',
      detail: { daysLate: 1 },
    });
    // Another quarter's publication and a deleted one do not count.
    const s = step(
      input({
        publications: [
          pub('2026-07-10', 2),
          { ...pub('2026-10-10'), deletedAt: '2026-10-11T00:00:00.000Z' },
        ],
      }),
      'report',
    );
    expect(s).toMatchObject({ state: 'not_met', count: 0, action: 'record_publication' });
    expect(s.detail).toMatchObject({ daysOverdue: 52 });
  });

  it('is partly met while the report is still within its 15 days', () => {
    const s = step(input({ today: '2026-10-15' }), 'report');
    expect(s).toMatchObject({ state: 'partly', action: 'publish_report', detail: { daysLeft: 0 } });
  });
});

describe('step 5: feedback after maslikhat decisions', () => {
  const round = (collectedOn: string, responses: number) => ({
    deletedAt: null,
    collectedOn,
    responses,
  });

  it('is met with a round that heard residents in each quarter of the period', () => {
    const s = step(input({ feedbackRounds: [round('2026-08-20', 46)] }), 'feedback');
    expect(s).toMatchObject({ number: 5, state: 'met', count: 1, action: 'keep_feedback' });
    expect(s.detail).toMatchObject({ responses: 46, quartersCovered: 1, quartersJudged: 1 });
  });

  it('is partly met when a round got no responses, or a quarter of the period has none', () => {
    expect(step(input({ feedbackRounds: [round('2026-08-20', 0)] }), 'feedback')).toMatchObject({
      state: 'partly',
      action: 'collect_feedback',
    });
    const half = input({
      from: '2026-04-01',
      to: '2026-09-30',
      feedbackRounds: [round('2026-05-05', 12)],
    });
    expect(step(half, 'feedback')).toMatchObject({
      state: 'partly',
      detail: { quartersCovered: 1, quartersJudged: 2, quarter: '2026-Q3' },
    });
  });

  it('is not met without rounds in the period', () => {
    expect(step(input({ feedbackRounds: [round('2026-10-02', 30)] }), 'feedback')).toMatchObject({
      state: 'not_met',
      count: 0,
    });
  });
});

describe('step 6: first contact within 72 hours', () => {
  it('counts a contact at exactly 72 hours as in time and one minute later as late', () => {
    const s = step(
      input({
        appeals: [
          appeal({ firstContactAt: '2026-08-13T10:00' }),
          appeal({ firstContactAt: '2026-08-13T10:01' }),
        ],
      }),
      'firstContact',
    );
    expect(s).toMatchObject({ number: 6, state: 'partly', count: 1, total: 2, percent: 50 });
  });

  it('leaves out anonymous appeals and those still inside their 72 hours', () => {
    const s = step(
      input({
        today: '2026-09-30',
        appeals: [
          appeal({ firstContactAt: '2026-08-12T09:00' }),
          appeal({ applicantId: null }),
          appeal({
            registeredOn: '2026-09-29',
            acknowledgeBy: '2026-10-02T09:00',
            status: 'registered',
          }),
        ],
      }),
      'firstContact',
    );
    expect(s).toMatchObject({ state: 'met', count: 1, total: 1, percent: 100 });
  });

  it('is not met below half, and asks to call the open ones still waiting', () => {
    const s = step(
      input({
        appeals: [
          appeal({ firstContactAt: '2026-08-12T09:00' }),
          appeal({ status: 'in_progress' }),
          appeal({ status: 'in_progress' }),
        ],
      }),
      'firstContact',
    );
    expect(s).toMatchObject({ state: 'not_met', count: 1, total: 3, action: 'contact_now' });
    expect(s.detail).toMatchObject({ waitingLate: 2 });
  });
});

describe('step 7: status kept current', () => {
  // Kazakhstan is UTC+5: 00:00 on 6 November there is 19:00 on 5 November in UTC.
  const touched = (iso: string, status: ScoreAppeal['status'] = 'in_progress') =>
    appeal({ status, updatedAt: iso });

  it('calls an appeal touched exactly 30 days ago stale and 29 days ago current (Kazakhstan dates)', () => {
    // 00:00 on 6 November in Kazakhstan: exactly 30 days before 6 December.
    expect(isStale(touched('2026-11-05T19:00:00.000Z'), '2026-12-06')).toBe(true);
    // 23:59 on 6 November in Kazakhstan: still 30 days.
    expect(isStale(touched('2026-11-06T18:59:00.000Z'), '2026-12-06')).toBe(true);
    // 00:00 on 7 November in Kazakhstan (6 November in UTC): 29 days, current.
    expect(isStale(touched('2026-11-06T19:00:00.000Z'), '2026-12-06')).toBe(false);
  });

  it('counts a later history entry as a touch', () => {
    const a = touched('2026-10-01T04:00:00.000Z');
    expect(isStale(a, '2026-12-06')).toBe(true);
    expect(isStale(a, '2026-12-06', new Map([[a.id, '2026-12-01T04:00:00.000Z']]))).toBe(false);
  });

  it('is met with no stale open appeal; decided and closed appeals are not judged', () => {
    const s = step(
      input({
        appeals: [
          touched('2026-12-01T04:00:00.000Z'),
          touched('2026-01-01T04:00:00.000Z', 'closed'),
        ],
      }),
      'statusCurrent',
    );
    expect(s).toMatchObject({
      number: 7,
      state: 'met',
      count: 1,
      total: 1,
      action: 'keep_current',
    });
  });

  it('is partly met at 80 % current and not met below', () => {
    const current = Array.from({ length: 4 }, () => touched('2026-12-01T04:00:00.000Z'));
    const stale = touched('2026-10-01T04:00:00.000Z', 'waiting_agency');
    expect(step(input({ appeals: [...current, stale] }), 'statusCurrent')).toMatchObject({
      state: 'partly',
      count: 4,
      total: 5,
      percent: 80,
      action: 'update_stale',
      detail: { stale: 1, days: 30 },
    });
    expect(step(input({ appeals: [current[0]!, stale] }), 'statusCurrent')).toMatchObject({
      state: 'not_met',
    });
  });
});

describe('the whole card', () => {
  it('has the seven steps in the seed order and counts the met ones', () => {
    const card = computeScorecard(input());
    expect(card.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // No appeals: nothing to contact late, nothing stale.
    expect(card.met).toBe(2);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => computeScorecard(input({ from: '2026-09-30', to: '2026-07-01' }))).toThrow(
      RangeError,
    );
  });

  it('never counts more than it judges, for any period and today', () => {
    const day = fc
      .integer({ min: 0, max: 700 })
      .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const card = computeScorecard(
          input({
            from,
            to,
            today,
            receptions: [held('2026-03-10', '2026-03-01'), held('2026-11-10', '2026-11-09')],
            appeals: [appeal(), appeal({ firstContactAt: '2026-08-11T10:00' })],
          }),
        );
        for (const s of card.steps) {
          if (s.total !== null) expect(s.count).toBeLessThanOrEqual(s.total);
          if (s.percent !== null) expect(s.percent).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
