// The first-name look-up and the name key as they were before issue 13's speed-up (from
// shared/report/names.ts at 13376df), over the current lists of names and endings: the
// reference the scan's property test compares with. Do not change; see piiBefore.test.ts.
import { KAZAKH_FOLD } from '@shared/search/alphabet';
import { FIRST_NAMES, FULL_ENDINGS, TRUNCATED_ENDINGS, type NameEntry } from '@shared/report/names';

const KEY_FOLD: Readonly<Record<string, string>> = {
  ...KAZAKH_FOLD,
  э: 'е',
  й: 'и',
  ы: 'и',
  ь: '',
  ъ: '',
};
const KEY_FOLDED = /[әіңғүұқөһёэйыьъ]/g;

export function nameKey(word: string): string {
  return word.toLowerCase().replace(KEY_FOLDED, (ch) => KEY_FOLD[ch] ?? ch);
}

const TRUNCATED: ReadonlyMap<string, NameEntry> = new Map(
  [...FIRST_NAMES].flatMap(([key, entry]) =>
    /[аяи]$/.test(key) && key.length >= 4 ? [[key.slice(0, -1), entry] as const] : [],
  ),
);

const MAX_ENDING = Math.max(...[...FULL_ENDINGS, ...TRUNCATED_ENDINGS].map((e) => e.length));
const MIN_NAME = 3;

export function firstNameOf(word: string): NameEntry | null {
  const key = nameKey(word);
  if (key.length < 4) return null;
  for (let cut = 0; cut <= Math.min(MAX_ENDING, key.length - MIN_NAME); cut++) {
    const stem = key.slice(0, key.length - cut);
    const ending = key.slice(key.length - cut);
    if (FULL_ENDINGS.has(ending)) {
      const entry = FIRST_NAMES.get(stem);
      if (entry && stem.length >= 4) return entry;
    }
    if (TRUNCATED_ENDINGS.has(ending)) {
      const entry = TRUNCATED.get(stem);
      if (entry) return entry;
    }
  }
  return null;
}
