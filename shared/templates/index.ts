/**
 * Letters from templates: placeholders filled from the appeal, applicant, inquiry, agency,
 * reception and the deputy's profile, dates written in the letter's language, and output
 * to Word. Pure: the renderer stores templates and drafts, this only computes.
 */
export * from './types';
export {
  PLACEHOLDERS,
  EXTRA_FIELDS,
  placeholderDef,
  isKnownPlaceholder,
  resolvePlaceholder,
} from './placeholders';
export { callName, dearWord } from './values';
export {
  renderTemplate,
  letterToPlainText,
  checkTemplatePlaceholders,
  templateExtraFields,
  scanTokens,
  parseToken,
} from './render';
export type { PlaceholderToken } from './render';
export { BUILT_IN_TEMPLATES, builtInTemplate, isBuiltInTemplateId } from './builtins';
export { letterFrame, isLetterKind } from './frame';
export type { LetterFrame, OutgoingRef } from './frame';
export { letterToDocx } from './docx';
export type { LetterDocxOptions } from './docx';
