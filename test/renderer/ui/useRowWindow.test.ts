import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowsInView, rowWindow } from '@renderer/ui/useRowWindow';

describe('the window over a list of fixed-height rows', () => {
  it('shows the rows a box of 600 px sees, and four more on each side', () => {
    expect(rowsInView(0, 600, 40)).toEqual({ first: 0, count: 15 });
    // Scrolled half a row: the row cut at the bottom is in view too.
    expect(rowsInView(20, 600, 40)).toEqual({ first: 0, count: 16 });
    expect(rowWindow(50_000, rowsInView(400_000, 600, 40), 4)).toEqual({
      start: 9_996,
      end: 10_018,
    });
    expect(rowWindow(3, rowsInView(0, 600, 40), 4)).toEqual({ start: 0, end: 2 });
    expect(rowWindow(0, rowsInView(0, 600, 40), 4)).toEqual({ start: 0, end: -1 });
  });

  it('holds every row in view, within the list, and no more than the overscan beyond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 10 }),
        (count, scrollTop, height, rowHeight, overscan) => {
          const { start, end } = rowWindow(
            count,
            rowsInView(scrollTop, height, rowHeight),
            overscan,
          );
          if (count === 0) {
            expect(end).toBeLessThan(start);
            return;
          }
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count - 1);
          expect(start).toBeLessThanOrEqual(end);
          // Every row that overlaps the box's visible part is rendered.
          for (let i = 0; i < count; i++) {
            const top = i * rowHeight;
            const seen = top < scrollTop + height && top + rowHeight > scrollTop;
            if (seen) expect(i >= start && i <= end).toBe(true);
          }
          // At most the rows in view and the overscan on both sides.
          expect(end - start + 1).toBeLessThanOrEqual(
            Math.ceil(height / rowHeight) + 1 + 2 * overscan,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
