import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import {
  builtInTemplate,
  isLetterKind,
  letterFrame,
  letterToDocx,
  renderTemplate,
} from '@shared/templates';
import type { RenderedLetter } from '@shared/templates';
import { fullContext, settingsFixture } from './fixtures';

function rendered(key: Parameters<typeof builtInTemplate>[0], lang: 'kk' | 'ru'): RenderedLetter {
  const result = renderTemplate(builtInTemplate(key), fullContext(lang));
  if (!result.ok) throw new Error(result.missing.join());
  return result.letter;
}

/** The text runs of word/document.xml, joined, with XML entities decoded. */
function documentText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('letterToDocx', () => {
  it('builds a valid OOXML package with every section, the letterhead and the signature', async () => {
    const letter = rendered('reply', 'kk');
    const frame = letterFrame(settingsFixture(), 'kk', { number: '12-04/130', date: '2026-11-22' });
    const bytes = await letterToDocx(letter, { frame });
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']),
    );
    const text = documentText(strFromU8(files['word/document.xml'] ?? new Uint8Array()));
    for (const section of letter.sections) {
      for (const line of section.text.split('\n')) expect(text).toContain(line);
    }
    expect(text).toContain('Қарағанды қалалық мәслихаты');
    expect(text).toContain('№ 12-04/130');
    expect(text).toContain('2026 жылғы 22 қараша');
    expect(text).toContain('Серікбаев Асқар Болатұлы');
    const styles = strFromU8(files['word/styles.xml'] ?? new Uint8Array());
    expect(styles).toContain('Times New Roman');
  });

  it('writes a notice without letterhead, and a draft with blanks for the number', async () => {
    const letter = rendered('announcement', 'ru');
    const files = unzipSync(await letterToDocx(letter, { frame: null }));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    expect(documentText(xml)).toContain('ОБЪЯВЛЕНИЕ О ЛИЧНОМ ПРИЁМЕ ГРАЖДАН');
    expect(documentText(xml)).not.toContain('Карагандинский городской маслихат');
    expect(xml).toContain('Heading1');
    const draft = letterFrame(settingsFixture(), 'ru');
    expect(draft.outgoing).toEqual({ number: '№ ________', date: '«___» ____________ 20___' });
  });

  it('escapes text that looks like XML', async () => {
    const letter: RenderedLetter = {
      ...rendered('reply', 'ru'),
      sections: [{ key: 'answer', title: 'x', text: 'a < b & "c" <w:t>', layout: 'body' }],
    };
    const files = unzipSync(await letterToDocx(letter, { frame: null }));
    expect(documentText(strFromU8(files['word/document.xml'] ?? new Uint8Array()))).toContain(
      'a < b & "c" <w:t>',
    );
  });
});

describe('letterFrame', () => {
  it('leaves out empty letterhead lines and contacts', () => {
    const settings = settingsFixture();
    settings.maslikhat.name.ru = '';
    settings.receptionAddress.ru = '';
    settings.contacts.email = null;
    const frame = letterFrame(settings, 'ru', { number: '5', date: '2026-11-22' });
    expect(frame.letterhead).toEqual(['Депутат Карагандинского городского маслихата']);
    expect(frame.contacts).toBe('+7 7212 12 34 56');
    expect(frame.outgoing).toEqual({ number: '№ 5', date: '22 ноября 2026 г.' });
    expect(frame.signature.name).toBe('Серикбаев Аскар Болатович');
  });

  it('treats letters and notices apart', () => {
    expect(isLetterKind('reply')).toBe(true);
    expect(isLetterKind('inquiry')).toBe(true);
    expect(isLetterKind('announcement')).toBe(false);
    expect(isLetterKind('acknowledgement')).toBe(false);
  });
});
