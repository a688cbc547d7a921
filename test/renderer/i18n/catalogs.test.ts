import { describe, expect, it } from 'vitest';
import kk from '../../../renderer/src/i18n/kk.json';
import ru from '../../../renderer/src/i18n/ru.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

const kkKeys = flatten(kk as Tree);
const ruKeys = flatten(ru as Tree);
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

describe('kk and ru catalogs', () => {
  it('hold exactly the same keys', () => {
    expect([...kkKeys.keys()].sort()).toEqual([...ruKeys.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...kkKeys, ...ruKeys]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same {{placeholders}} in both languages', () => {
    const names = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of kkKeys)
      expect(names(ruKeys.get(key) ?? ''), key).toEqual(names(value));
  });

  it('are really in Kazakh and Russian: long kk texts use Kazakh letters, ru texts none', () => {
    for (const [key, value] of kkKeys) {
      if (value.split(' ').length >= 4) expect(value, key).toMatch(KAZAKH_LETTERS);
    }
    for (const [key, value] of ruKeys) {
      if (key.startsWith('language.')) continue; // language names are shown in their own language
      expect(value, key).not.toMatch(KAZAKH_LETTERS);
    }
  });
});
