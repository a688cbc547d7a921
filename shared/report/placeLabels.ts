// The report's places in its language (shared/map/placeNames.ts) and the names it could not
// render, for the report screen's list of missing translations.

import type { Lang } from '../i18n/lang';
import type { PlaceGlossary } from '../map/placeNames';
import { renderPlaceLabel } from '../map/placeNames';
import type { MissingTranslationItem } from './types';

/** Names the places of one report in its language; remembers the ones it could not. */
export class PlaceNamer {
  private readonly cache = new Map<string, string>();
  private readonly unrendered = new Set<string>();

  constructor(
    private readonly lang: Lang,
    private readonly glossary: PlaceGlossary,
  ) {}

  /** A place label («Астана, Сарыарқа ауданы, Абай даңғылы») in the report's language. */
  label(label: string): string {
    const known = this.cache.get(label);
    if (known !== undefined) return known;
    const { text, unrendered } = renderPlaceLabel(label, this.lang, this.glossary);
    for (const part of unrendered) this.unrendered.add(part);
    this.cache.set(label, text);
    return text;
  }

  /** One item per place name left as written, in the order of the language's alphabet. */
  missingTranslations(): MissingTranslationItem[] {
    return [...this.unrendered]
      .sort((a, b) => a.localeCompare(b, this.lang))
      .map((name) => ({
        source: 'place',
        id: `place:${name}`,
        regNo: '',
        fields: ['place'],
        lang: this.lang,
        title: name,
      }));
  }
}
