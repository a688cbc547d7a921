import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kk, ru } from '@renderer/i18n/catalogs';

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

/** Keys written more than once in the same object of a JSON text, as «a.b.key». */
function repeatedKeys(json: string): string[] {
  const out: string[] = [];
  const stack: { keys: Set<string>; path: string }[] = [];
  let lastKey = '';
  const re = /"((?:[^"\\]|\\.)*)"(\s*:)?|[{}]/g;
  for (const m of json.matchAll(re)) {
    if (m[0] === '{') {
      const parent = stack[stack.length - 1];
      stack.push({ keys: new Set(), path: parent ? `${parent.path}${lastKey}.` : '' });
    } else if (m[0] === '}') {
      stack.pop();
    } else if (m[2] !== undefined) {
      const top = stack[stack.length - 1]!;
      lastKey = m[1]!;
      if (top.keys.has(lastKey)) out.push(top.path + lastKey);
      top.keys.add(lastKey);
    }
  }
  return out;
}

const DIR = 'renderer/src/i18n';
const namespaces = readdirSync(DIR)
  .filter((f) => f.endsWith('.kk.json'))
  .map((f) => f.replace('.kk.json', ''));

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

describe('kk and ru catalogs', () => {
  it('every feature catalog exists in both languages and is wired into the app', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    for (const ns of namespaces) expect(files).toContain(`${ns}.ru.json`);
    expect(files.length).toBe(namespaces.length * 2);
    for (const ns of namespaces.filter((n) => n !== 'core')) expect(Object.keys(kk)).toContain(ns);
  });

  it.each(namespaces)('%s: the same keys in kk and ru, none empty', (ns) => {
    const load = (lang: string) =>
      flatten(JSON.parse(readFileSync(join(DIR, `${ns}.${lang}.json`), 'utf8')) as Tree);
    const kkKeys = load('kk');
    const ruKeys = load('ru');
    // Plural forms differ by language (kk: one/other; ru: one/few/many/other).
    const base = (keys: Map<string, string>) =>
      [
        ...new Set([...keys.keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ''))),
      ].sort();
    expect(base(kkKeys)).toEqual(base(ruKeys));
    for (const [lang, keys, forms] of [
      ['kk', kkKeys, ['one', 'other']],
      ['ru', ruKeys, ['one', 'few', 'many', 'other']],
    ] as const) {
      const plurals = new Set(
        [...keys.keys()].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_\w+$/, '')),
      );
      for (const key of plurals)
        for (const form of forms)
          expect(keys.has(`${key}_${form}`), `${lang} ${key}_${form}`).toBe(true);
    }
    for (const [key, value] of [...kkKeys, ...ruKeys]) expect(value.trim(), key).not.toBe('');
  });

  it.each(namespaces)(
    '%s: no key written twice in one object (the last would win unseen)',
    (ns) => {
      for (const lang of ['kk', 'ru']) {
        expect(repeatedKeys(readFileSync(join(DIR, `${ns}.${lang}.json`), 'utf8')), lang).toEqual(
          [],
        );
      }
    },
  );

  const all = { kk: flatten(kk as unknown as Tree), ru: flatten(ru as unknown as Tree) };

  it('use the same {{placeholders}} in both languages', () => {
    const names = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const plainKey = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '_other');
    for (const [key, value] of all.kk)
      expect(names(all.ru.get(plainKey(key)) ?? all.ru.get(key) ?? ''), key).toEqual(names(value));
  });

  it('are really in Kazakh and Russian: long kk texts use Kazakh letters, ru texts none', () => {
    for (const [key, value] of all.kk) {
      if (value.replace(/{{\s*\w+\s*}}/g, '').split(/\s+/).length >= 5)
        expect(value, key).toMatch(KAZAKH_LETTERS);
    }
    for (const [key, value] of all.ru) {
      if (key.startsWith('language.')) continue; // language names are shown in their own language
      expect(value, key).not.toMatch(KAZAKH_LETTERS);
    }
  });
});
