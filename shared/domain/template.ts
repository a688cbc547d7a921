import { z } from 'zod';

import { TEMPLATE_KINDS } from './enums';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  err,
  idSchema,
  localizedTextSchema,
  nullableText,
} from './common';

/**
 * How a section is laid out in a letter: `body` paragraphs, the `addressee` block (top
 * right) or a centred `heading` (the letter's title). Chat messages use `body` only.
 */
export const SECTION_LAYOUTS = ['body', 'addressee', 'heading'] as const;
export type SectionLayout = (typeof SECTION_LAYOUTS)[number];

/**
 * A named part of a letter ({key, title, body}) in both languages. A reply follows the
 * seed's five-part structure as five sections (reference, receipt, answer, further actions,
 * conclusion), so a user can see which part they are editing. Placeholders in bodies are
 * filled by shared/templates.
 */
export const templateSectionSchema = z.object({
  key: z
    .string(err('required'))
    .trim()
    .min(1, err('required'))
    .max(64, err('too_long'))
    .regex(/^[a-zA-Z][\w-]*$/, err('section_key_invalid')),
  title: localizedTextSchema,
  body: localizedTextSchema,
  /**
   * An optional part (further actions, accessibility notes...) is left out of the letter when
   * any of its placeholders has no value, instead of failing the whole letter.
   */
  optional: z.boolean().default(false),
  layout: enumSchema(SECTION_LAYOUTS).default('body'),
});
export type TemplateSection = z.output<typeof templateSectionSchema>;

const templateFieldsShape = {
  /** Identifies a built-in template across databases; null for the office's own. */
  key: nullableText(64).default(null),
  kind: enumSchema(TEMPLATE_KINDS),
  name: localizedTextSchema,
  sections: z.array(templateSectionSchema).min(1, err('sections_required')),
  /** Built-in templates are read-only: users copy and edit the copy. */
  builtIn: z.boolean().default(false),
  copiedFromId: idSchema.nullable().default(null),
};

function checkSectionKeys(
  template: { sections: readonly TemplateSection[] },
  ctx: z.RefinementCtx,
): void {
  const keys = new Set<string>();
  template.sections.forEach((section, i) => {
    if (keys.has(section.key)) {
      addIssue(ctx, ['sections', i, 'key'], 'duplicate_key');
    }
    keys.add(section.key);
  });
}

export const templateInputObjectSchema = z.object(templateFieldsShape);
export const templateInputSchema = templateInputObjectSchema.superRefine(checkSectionKeys);

export const templateObjectSchema = z.object({ ...baseRecordShape, ...templateFieldsShape });
export const templateSchema = templateObjectSchema.superRefine(checkSectionKeys);

export type TemplateInput = z.input<typeof templateInputSchema>;
export type Template = z.output<typeof templateSchema>;
