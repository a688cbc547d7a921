import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appealObjectSchema,
  counterSchema,
  inquiryObjectSchema,
  settingsSchema,
  type Counter,
} from '@shared/domain';
import {
  canonicalNumber,
  deviceCodeOf,
  DEVICE_CODE,
  findByNumber,
  formatNumber,
  freeInBlocks,
  grantBlock,
  grantYears,
  isIssuer,
  isProvisionalNumber,
  isRegistryNumber,
  issueNumber,
  mergeCounters,
  parseNumber,
  type Numberer,
} from '@shared/numbering';

const NOW = '2026-11-23T04:00:00.000Z';
const office: Numberer = { deviceId: 'office', deviceCode: deviceCodeOf('office'), issuer: true };
const reception: Numberer = {
  deviceId: 'reception',
  deviceCode: deviceCodeOf('reception'),
  issuer: false,
};

describe('number forms', () => {
  it('writes and reads the four forms', () => {
    expect(formatNumber('appeal', 2026, 42)).toBe('2026-0042');
    expect(formatNumber('appeal', 2026, 3, 'KTM')).toBe('2026-KTM-0003');
    expect(formatNumber('inquiry', 2026, 12)).toBe('12/2026');
    expect(formatNumber('inquiry', 2026, 12, 'KTM')).toBe('12/2026-KTM');
    expect(parseNumber('2026-0042')).toEqual({
      kind: 'appeal',
      year: 2026,
      sequence: 42,
      device: null,
    });
    expect(parseNumber(' 2026-KTM-0003 ')).toEqual({
      kind: 'appeal',
      year: 2026,
      sequence: 3,
      device: 'KTM',
    });
    expect(parseNumber('12/2026')).toEqual({
      kind: 'inquiry',
      year: 2026,
      sequence: 12,
      device: null,
    });
    expect(parseNumber('12/2026-KTM')?.device).toBe('KTM');
    expect(parseNumber('№ 12')).toBeNull();
    expect(isProvisionalNumber('2026-KTM-0003')).toBe(true);
    expect(isProvisionalNumber('2026-0003')).toBe(false);
    expect(isRegistryNumber('2026-12345')).toBe(true);
    expect(isRegistryNumber('2026-ktm-0003')).toBe(false);
  });

  it('gives every laptop a three-letter code without I, O or Q, the same every time', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (id) => {
        const code = deviceCodeOf(id);
        expect(code).toMatch(DEVICE_CODE);
        expect(code).not.toMatch(/[IOQ]/);
        expect(deviceCodeOf(id)).toBe(code);
      }),
    );
    expect(deviceCodeOf('office')).not.toBe(deviceCodeOf('reception'));
  });

  it('reads numbers as people type them', () => {
    expect(canonicalNumber('2026-42')).toBe('2026-0042');
    expect(canonicalNumber('2026-ktm-3')).toBe('2026-KTM-0003');
    expect(canonicalNumber(' 7/2026 ')).toBe('7/2026');
    expect(canonicalNumber('7/2026-ktm')).toBe('7/2026-KTM');
    expect(canonicalNumber('Абай көшесі')).toBeNull();
  });

  it('keeps stored records and files from before: the new fields are optional', () => {
    expect(counterSchema.parse({ id: 'appeal:2026', value: 41 })).toEqual({
      id: 'appeal:2026',
      value: 41,
    });
    const shape = appealObjectSchema.shape;
    expect(shape.aliases.safeParse(undefined).success).toBe(true);
    expect(shape.regNo.safeParse('2026-KTM-0003').success).toBe(true);
    expect(shape.regNo.safeParse('2026-ktm-0003').success).toBe(false);
    expect(inquiryObjectSchema.shape.aliases.safeParse(['3/2026-KTM']).success).toBe(true);
    expect(settingsSchema.shape).toHaveProperty('officeId');
  });
});

describe('issueNumber', () => {
  it('the issuer continues its series', () => {
    const first = issueNumber(undefined, 'appeal', 2026, office);
    expect(first).toMatchObject({ number: '2026-0001', provisional: false });
    const next = issueNumber({ id: 'appeal:2026', value: 41 }, 'appeal', 2026, office);
    expect(next.number).toBe('2026-0042');
    expect(next.counter).toEqual({ id: 'appeal:2026', value: 42 });
  });

  it('the issuer never gives a number of a block handed out, even from a lagging counter', () => {
    const counter: Counter = {
      id: 'appeal:2026',
      value: 40,
      blocks: [
        { from: 41, to: 90, deviceId: 'reception', grantedBy: 'office', grantedAt: NOW, used: 0 },
      ],
    };
    expect(issueNumber(counter, 'appeal', 2026, office).number).toBe('2026-0091');
  });

  it('another laptop numbers from its blocks, lowest first, then provisionally', () => {
    let counter: Counter = {
      id: 'appeal:2026',
      value: 100,
      blocks: [
        { from: 61, to: 62, deviceId: 'reception', grantedBy: 'office', grantedAt: NOW, used: 0 },
        { from: 51, to: 51, deviceId: 'reception', grantedBy: 'office', grantedAt: NOW, used: 0 },
        { from: 52, to: 60, deviceId: 'deputy', grantedBy: 'office', grantedAt: NOW, used: 0 },
      ],
    };
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const issued = issueNumber(counter, 'appeal', 2026, reception);
      numbers.push(issued.number);
      counter = issued.counter;
    }
    const code = reception.deviceCode;
    expect(numbers).toEqual([
      '2026-0051',
      '2026-0061',
      '2026-0062',
      `2026-${code}-0001`,
      `2026-${code}-0002`,
    ]);
    expect(counter.provisional).toEqual({ [code]: 2 });
    expect(freeInBlocks(counter, 'reception')).toBe(0);
    expect(freeInBlocks(counter, 'deputy')).toBe(9);
  });

  it('treats every laptop as the issuer until the office names one', () => {
    expect(isIssuer(undefined, 'any')).toBe(true);
    expect(isIssuer({ numberIssuerDeviceId: null }, 'any')).toBe(true);
    expect(isIssuer({ numberIssuerDeviceId: 'office' }, 'office')).toBe(true);
    expect(isIssuer({ numberIssuerDeviceId: 'office' }, 'reception')).toBe(false);
  });
});

describe('grantBlock', () => {
  it('hands the next numbers to a laptop running low and moves the series past them', () => {
    const { counter, block } = grantBlock({ id: 'appeal:2026', value: 120 }, 'appeal', 2026, {
      deviceId: 'reception',
      issuerId: 'office',
      now: NOW,
    });
    expect(block).toEqual({
      from: 121,
      to: 170,
      deviceId: 'reception',
      grantedBy: 'office',
      grantedAt: NOW,
      used: 0,
    });
    expect(issueNumber(counter, 'appeal', 2026, office).number).toBe('2026-0171');
    // Still 50 free: nothing more.
    expect(
      grantBlock(counter, 'appeal', 2026, { deviceId: 'reception', issuerId: 'office', now: NOW })
        .block,
    ).toBeNull();
    // The issuer never grants itself a block.
    expect(
      grantBlock(counter, 'appeal', 2026, { deviceId: 'office', issuerId: 'office', now: NOW })
        .block,
    ).toBeNull();
  });

  it('grants next year too in December', () => {
    expect(grantYears('2026-11-30')).toEqual([2026]);
    expect(grantYears('2026-12-01')).toEqual([2026, 2027]);
  });

  it('never hands out a number twice and never hands out a number the issuer gave', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('office', 'reception', 'deputy', 'grant-reception', 'grant-deputy'),
          {
            maxLength: 120,
          },
        ),
        (steps) => {
          let counter: Counter | undefined;
          const seen = new Set<string>();
          const laptops: Record<string, Numberer> = {
            office,
            reception,
            deputy: { deviceId: 'deputy', deviceCode: deviceCodeOf('deputy'), issuer: false },
          };
          for (const step of steps) {
            if (step.startsWith('grant-')) {
              counter = grantBlock(counter, 'appeal', 2026, {
                deviceId: step.slice(6),
                issuerId: 'office',
                now: NOW,
                size: 7,
                refill: 3,
              }).counter;
              continue;
            }
            const issued = issueNumber(counter, 'appeal', 2026, laptops[step]!);
            expect(seen.has(issued.number)).toBe(false);
            seen.add(issued.number);
            counter = issued.counter;
          }
        },
      ),
    );
  });
});

describe('mergeCounters', () => {
  const receptionBlock = {
    from: 41,
    to: 90,
    deviceId: 'reception',
    grantedBy: 'office',
    grantedAt: NOW,
    used: 44,
  };
  it('takes the highest of both sides, of the blocks and of the numbers in use', () => {
    const mine: Counter[] = [
      { id: 'appeal:2026', value: 40, provisional: { KTM: 2 } },
      { id: 'demo_data:0001', value: 1 },
    ];
    const theirs: Counter[] = [
      {
        id: 'appeal:2026',
        value: 38,
        blocks: [receptionBlock],
        provisional: { KTM: 1, ABC: 4 },
      },
      { id: 'inquiry:2026', value: 5 },
    ];
    const merged = mergeCounters(mine, theirs, [
      '2026-0093',
      '2026-KTM-0007',
      '9/2026',
      '2025-0300',
    ]);
    expect(merged).toEqual([
      { id: 'appeal:2025', value: 300 },
      {
        id: 'appeal:2026',
        value: 93,
        blocks: [receptionBlock],
        provisional: { ABC: 4, KTM: 7 },
      },
      { id: 'demo_data:0001', value: 1 },
      { id: 'inquiry:2026', value: 9 },
    ]);
  });

  it('is the same in both directions and idempotent', () => {
    const block = (used: number) => ({
      from: 41,
      to: 90,
      deviceId: 'reception',
      grantedBy: 'office',
      grantedAt: NOW,
      used,
    });
    const a: Counter[] = [{ id: 'appeal:2026', value: 95, blocks: [block(45)] }];
    const b: Counter[] = [{ id: 'appeal:2026', value: 90, blocks: [block(50)] }];
    const ab = mergeCounters(a, b, []);
    expect(mergeCounters(b, a, [])).toEqual(ab);
    expect(mergeCounters(ab, ab, [])).toEqual(ab);
    expect(ab[0]!.blocks![0]!.used).toBe(50);
  });
});

describe('findByNumber', () => {
  const appeals = [
    { id: 'a', regNo: '2026-0005', aliases: [] },
    { id: 'b', regNo: '2026-0051', aliases: ['2026-0005', '2026-KTM-0001'] },
    { id: 'c', regNo: '2026-0052' },
  ];

  it('finds a record by its number or an earlier one, current numbers first', () => {
    expect(findByNumber(appeals, '2026-5').map((a) => a.id)).toEqual(['a', 'b']);
    expect(findByNumber(appeals, '2026-ktm-1').map((a) => a.id)).toEqual(['b']);
    expect(findByNumber(appeals, '2026-0052').map((a) => a.id)).toEqual(['c']);
    expect(
      findByNumber([{ id: 'q', outgoingNo: '3/2026', aliases: ['3/2026-KTM'] }], '3/2026-KTM'),
    ).toHaveLength(1);
    expect(findByNumber(appeals, 'Сарыарқа')).toEqual([]);
  });
});
