import type { Lang } from '../i18n/lang';
import type {
  Agency,
  Appeal,
  Applicant,
  Inquiry,
  Reception,
  SectionLayout,
  Settings,
  Template,
  TemplateKind,
} from '../domain';

/** Everything a letter may draw on. Only what the letter's placeholders use must be given. */
export interface TemplateContext {
  lang: Lang;
  /** The letter's date, YYYY-MM-DD (Kazakhstan local). */
  today: string;
  /** deputy.*, maslikhat.*, okrug, office contacts. */
  settings: Settings;
  appeal?: Appeal;
  applicant?: Applicant | null;
  /** Several appeals of one inquiry (a collective problem); `appeal` alone counts as one. */
  appeals?: Appeal[];
  inquiry?: Inquiry;
  /** The inquiry a repeat inquiry repeats (its number, date, answer and missing parts). */
  previousInquiry?: Inquiry;
  agency?: Agency | null;
  reception?: Reception;
  /** Text the user types for a letter (answer, questions...), by name without `extra.`. */
  extra?: Record<string, string>;
  /**
   * For previews only: a value the context lacks is shown as the placeholder's example (or
   * the extra field's name) in square brackets instead of being reported missing.
   */
  sample?: boolean;
}

export interface RenderedSection {
  key: string;
  title: string;
  text: string;
  layout: SectionLayout;
}

export interface RenderedLetter {
  templateId: string | null;
  templateKey: string | null;
  kind: TemplateKind;
  lang: Lang;
  title: string;
  sections: RenderedSection[];
}

export type RenderResult = { ok: true; letter: RenderedLetter } | { ok: false; missing: string[] };

export type TemplateLike = Pick<Template, 'id' | 'key' | 'kind' | 'name' | 'sections'>;

export type PlaceholderGroup =
  | 'appeal'
  | 'applicant'
  | 'appeals'
  | 'deputy'
  | 'maslikhat'
  | 'okrug'
  | 'inquiry'
  | 'previous'
  | 'agency'
  | 'reception'
  | 'date'
  | 'extra';

/** `date` values take the forms of `DATE_FORMS`; `text` values may be `numbered`. */
export type PlaceholderType = 'text' | 'date' | 'multiline';

export interface PlaceholderDef {
  /** As written between braces: 'appeal.regNo'. */
  key: string;
  group: PlaceholderGroup;
  type: PlaceholderType;
  label: { kk: string; ru: string };
  /** What it looks like in a letter, per language. */
  example: { kk: string; ru: string };
}

export const BUILT_IN_TEMPLATE_KEYS = [
  'inquiry',
  'inquiry-repeat',
  'reply',
  'forwarding',
  'extension',
  'acknowledgement',
  'announcement',
  'announcement-short',
] as const;
export type BuiltInTemplateKey = (typeof BUILT_IN_TEMPLATE_KEYS)[number];
