import { useEffect, useRef } from 'react';

export type HotkeyMap = Record<string, (event: KeyboardEvent) => void>;

/** Whether the focus is in a field a person types into (an input, a text, a select). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * Single-key shortcuts ('/', 'n', 'Escape'…) that never fire while the user is typing in a
 * field, and combinations ('Ctrl+Enter', 'Alt+1') that do. Letters match on the physical
 * key too, so 'n' works with the Kazakh or Russian keyboard layout active.
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const parts = [
        event.ctrlKey || event.metaKey ? 'Ctrl' : '',
        event.altKey ? 'Alt' : '',
        event.shiftKey && event.key.length > 1 ? 'Shift' : '',
      ].filter(Boolean);
      const physical = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
      const names = new Set([event.key, event.key.toLowerCase(), ...(physical ? [physical] : [])]);
      for (const [combo, handler] of Object.entries(ref.current)) {
        const keys = combo.split('+');
        const key = keys.pop() ?? '';
        const mods = keys;
        if (mods.join('+') !== parts.join('+')) continue;
        if (!names.has(key) && !names.has(key.toLowerCase())) continue;
        if (mods.length === 0 && isTyping(event.target)) continue;
        event.preventDefault();
        handler(event);
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
