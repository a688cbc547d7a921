import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantBlock } from '@shared/numbering';
import { numberSeriesId, seriesCounter, withNextBlock, type NumberSeriesDoc } from '@shared/sync';

describe('number blocks handed out through the server', () => {
  it('starts a series after the numbers in use and hands out consecutive blocks', () => {
    const first = withNextBlock(null, {
      kind: 'appeal',
      year: 2026,
      device: 'laptop-a',
      now: '2026-03-02T04:00:00.000Z',
      inUse: 42,
      size: 50,
    });
    expect(first.doc._id).toBe(numberSeriesId('appeal', 2026));
    expect(first.block).toMatchObject({ from: 43, to: 92, device: 'laptop-a' });
    expect(first.doc.next).toBe(93);
    const second = withNextBlock(first.doc, {
      kind: 'appeal',
      year: 2026,
      device: 'laptop-b',
      now: '2026-03-02T05:00:00.000Z',
      inUse: 10,
    });
    expect(second.block).toMatchObject({ from: 93, to: 142, device: 'laptop-b' });
    expect(second.doc.blocks).toHaveLength(2);
  });

  it('never hands out a number twice, whoever asks in whatever order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            device: fc.constantFrom('a', 'b', 'c'),
            size: fc.integer({ min: 1, max: 80 }),
            inUse: fc.integer({ min: 0, max: 500 }),
          }),
          { maxLength: 30 },
        ),
        (requests) => {
          let doc: NumberSeriesDoc | null = null;
          const taken = new Set<number>();
          for (const r of requests) {
            const next = withNextBlock(doc, {
              kind: 'inquiry',
              year: 2027,
              now: '2027-01-05T04:00:00.000Z',
              ...r,
            });
            for (let n = next.block.from; n <= next.block.to; n++) {
              expect(taken.has(n)).toBe(false);
              expect(n).toBeGreaterThan(r.inUse);
              taken.add(n);
            }
            doc = next.doc;
          }
        },
      ),
    );
  });

  it('is shared/numbering’s grantBlock with the server as the issuer', () => {
    let doc: NumberSeriesDoc | null = null;
    for (const [device, inUse] of [
      ['laptop-a', 7],
      ['laptop-b', 0],
      ['laptop-a', 300],
    ] as const) {
      const request = { kind: 'appeal' as const, year: 2026, device, inUse, size: 25 };
      const now = '2026-12-01T04:00:00.000Z';
      const next = withNextBlock(doc, { ...request, now }, 'couchdb:office-7');
      const expected = grantBlock(seriesCounter(doc, request, 'couchdb:office-7'), 'appeal', 2026, {
        deviceId: device,
        issuerId: 'couchdb:office-7',
        now,
        size: 25,
        refill: Infinity,
      });
      expect(next.granted).toEqual(expected.block);
      expect(next.granted).toMatchObject({ grantedBy: 'couchdb:office-7', used: 0 });
      expect(next.doc.next).toBe(expected.counter.value + 1);
      doc = next.doc;
    }
  });
});
