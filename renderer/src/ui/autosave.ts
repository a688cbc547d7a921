import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

/**
 * A draft's save status kept outside React state: only the small status line that shows it
 * re-renders when a draft is written, not the form being typed into.
 */
export interface StatusStore<S> {
  get: () => S;
  subscribe: (listener: () => void) => () => void;
  set: (status: S) => void;
}

export function createStatusStore<S>(initial: S): StatusStore<S> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (status) => {
      current = status;
      for (const listener of listeners) listener();
    },
  };
}

/** One status store for the lifetime of the component. */
export function useStatusStore<S>(initial: S): StatusStore<S> {
  const [store] = useState(() => createStatusStore(initial));
  return store;
}

export function useStatus<S>(store: StatusStore<S>): S {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** The latest value of a callback, readable from timers without re-subscribing. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Writes at once when the window is hidden (a closed lid, a switch to another program), the
 * page is closed, or the component leaves the screen: what was typed is kept.
 */
export function useFlushOnLeave(flush: () => unknown): void {
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);
}

/**
 * Debounced autosave timing: `schedule()` after each change runs `flush` once typing pauses
 * for `delayMs`, and at least every `maxWaitMs` while it never pauses, so a long unbroken
 * stretch of typing is still kept. `cancel()` drops whatever is scheduled (a flush that runs
 * by other means should call it first).
 */
export function useAutosaveTimer(
  flush: () => unknown,
  delayMs: number,
  maxWaitMs: number,
): { schedule: () => void; cancel: () => void } {
  const flushRef = useLatest(flush);
  const [timer] = useState(() => {
    let debounce: ReturnType<typeof setTimeout> | null = null;
    let maxWait: ReturnType<typeof setTimeout> | null = null;
    const cancel = () => {
      if (debounce) clearTimeout(debounce);
      if (maxWait) clearTimeout(maxWait);
      debounce = null;
      maxWait = null;
    };
    const fire = () => {
      cancel();
      void flushRef.current();
    };
    const schedule = () => {
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(fire, delayMs);
      // No upper bound (Infinity) means: only the pause in typing writes.
      if (Number.isFinite(maxWaitMs)) maxWait ??= setTimeout(fire, maxWaitMs);
    };
    return { schedule, cancel };
  });
  useEffect(() => timer.cancel, [timer]);
  return timer;
}
