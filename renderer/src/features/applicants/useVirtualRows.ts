import { useVirtualizer, observeElementRect } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** Height assumed while a list's box has not been laid out yet (or is never, as in jsdom). */
const FALLBACK_HEIGHT = 600;

/** A virtualised list of fixed-height rows in a scrolling box. */
export function useVirtualRows(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  rowHeight: number,
) {
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    initialRect: { width: 0, height: FALLBACK_HEIGHT },
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) =>
        cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }),
      ),
  });
}
