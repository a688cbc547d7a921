import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  appealInputSchema,
  asBilingual,
  type BilingualText,
  PROPOSED_ACTIONS,
  type Appeal,
  type AppealChannel,
  type AppealInput,
  type AppealKind,
  type ProposedAction,
} from '@shared/domain';
import { EDITABLE_APPEAL_FIELDS, type AppealPatch } from '@renderer/db/repositories';

/**
 * What the form holds. Field names are those of AppealInput, so the schema's issue paths
 * land on the right inputs; values are what inputs hold (strings, '' for "not chosen"), and
 * `formToInput` turns them into an AppealInput. `anonymous` is the form's own: an appeal
 * without an applicant must be marked so on purpose, never by forgetting to pick one.
 */
export interface AppealFormValues {
  receivedAt: string;
  channel: AppealChannel | '';
  kind: AppealKind;
  applicantId: string | null;
  anonymous: boolean;
  coApplicantIds: string[];
  collective: boolean;
  /** As typed; a whole number ≥ 2 when the appeal is collective. */
  signatories: string;
  subject: string;
  text: string;
  expectation: string;
  topic: string;
  location: { locality: string; district: string; street: string; building: string };
  priority: boolean;
  priorityReason: string;
  proposedAction: ProposedAction | '';
  assignee: string;
  tags: string[];
  firstContactAt: string;
  publicSummary: BilingualText;
  inReport: boolean;
}

export function emptyFormValues(receivedAt: string, assignee: string): AppealFormValues {
  return {
    receivedAt,
    channel: '',
    kind: 'application',
    applicantId: null,
    anonymous: false,
    coApplicantIds: [],
    collective: false,
    signatories: '',
    subject: '',
    text: '',
    expectation: '',
    topic: '',
    location: { locality: '', district: '', street: '', building: '' },
    priority: false,
    priorityReason: '',
    proposedAction: '',
    assignee,
    tags: [],
    firstContactAt: '',
    publicSummary: { kk: '', ru: '' },
    inReport: false,
  };
}

/** A stored appeal as the form shows it. */
export function appealToFormValues(appeal: Appeal): AppealFormValues {
  return {
    receivedAt: appeal.receivedAt.slice(0, 16),
    channel: appeal.channel,
    kind: appeal.kind,
    applicantId: appeal.applicantId,
    anonymous: appeal.applicantId === null,
    coApplicantIds: [...appeal.coApplicantIds],
    collective: appeal.collective,
    signatories: appeal.signatories === null ? '' : String(appeal.signatories),
    subject: appeal.subject,
    text: appeal.text,
    expectation: appeal.expectation,
    topic: appeal.topic,
    location: { ...appeal.location },
    priority: appeal.priority,
    priorityReason: appeal.priorityReason ?? '',
    proposedAction: appeal.proposedAction ?? '',
    assignee: appeal.assignee ?? '',
    tags: [...appeal.tags],
    firstContactAt: appeal.firstContactAt?.slice(0, 16) ?? '',
    publicSummary: { ...appeal.publicSummary },
    inReport: appeal.inReport,
  };
}

/** '12' → 12, '' → null, anything else → NaN (which the schema reports). */
function toCount(value: string): number | null {
  const s = value.trim();
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function formToInput(v: AppealFormValues): AppealInput {
  const applicantId = v.anonymous ? null : v.applicantId;
  return {
    receivedAt: v.receivedAt,
    // '' is not a channel: the schema reports "choose from the list".
    channel: v.channel as AppealChannel,
    kind: v.kind,
    collective: v.collective,
    signatories: v.collective ? toCount(v.signatories) : null,
    applicantId,
    coApplicantIds: v.anonymous ? [] : v.coApplicantIds.filter((id) => id !== applicantId),
    subject: v.subject,
    text: v.text,
    expectation: v.expectation,
    topic: v.topic,
    location: { ...v.location },
    priority: v.priority,
    priorityReason: v.priority ? v.priorityReason : null,
    proposedAction: v.proposedAction === '' ? null : v.proposedAction,
    assignee: v.assignee === '' ? null : v.assignee,
    tags: v.tags,
    firstContactAt: v.firstContactAt === '' ? null : v.firstContactAt,
    publicSummary: { ...v.publicSummary },
    inReport: v.inReport,
  };
}

/** The fields an edit sends: only those a plain edit may change. */
export function formToPatch(v: AppealFormValues): AppealPatch {
  const input = formToInput(v);
  const patch: Record<string, unknown> = {};
  for (const field of EDITABLE_APPEAL_FIELDS) {
    if (field in input) patch[field] = input[field];
  }
  return patch as AppealPatch;
}

/** Codes of the form's own rules (texts in appealForm.errors.*). */
export const FORM_ERROR_CODES = ['applicant_required', 'file_too_large', 'file_empty'] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

export function isFormErrorCode(code: string): code is FormErrorCode {
  return (FORM_ERROR_CODES as readonly string[]).includes(code);
}

const schemaResolver = zodResolver(appealInputSchema);

/**
 * Validates with the domain's appealInputSchema (through @hookform/resolvers/zod). Errors
 * keep the schema's message CODES; the form shows `messageFor(code, lang)` when rendering,
 * so switching the language mid-way translates the errors already on screen.
 */
export const appealFormResolver: Resolver<AppealFormValues> = async (values, context, options) => {
  const result = await schemaResolver(
    formToInput(values),
    context,
    options as unknown as Parameters<typeof schemaResolver>[2],
  );
  const errors: FieldErrors<AppealFormValues> = {
    ...(result.errors as FieldErrors<AppealFormValues>),
  };
  if (!values.anonymous && !values.applicantId) {
    errors.applicantId = { type: 'required', message: 'applicant_required' };
  }
  // The schema's cross-field rules run only once every field is valid; the signatories
  // rule is repeated here so the assistant sees it together with the rest, not after.
  const signatories = formToInput(values).signatories;
  if (
    values.collective &&
    !errors.signatories &&
    (signatories === null || signatories === undefined || !(signatories >= 2))
  ) {
    errors.signatories = { type: 'custom', message: 'signatories_required' };
  }
  return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
};

/** A comparable snapshot of form state, to tell whether anything was typed. */
export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * Form values read back from a draft, which may come from an older version of the form:
 * known fields of the right type are taken, everything else keeps its default.
 */
export function valuesFromDraft(data: unknown, defaults: AppealFormValues): AppealFormValues {
  if (typeof data !== 'object' || data === null) return defaults;
  const d = data as Record<string, unknown>;
  const str = (key: keyof AppealFormValues) => (isString(d[key]) ? d[key] : defaults[key]);
  const bool = (key: keyof AppealFormValues) =>
    typeof d[key] === 'boolean' ? d[key] : defaults[key];
  const strings = (v: unknown, fallback: string[]) =>
    Array.isArray(v) && v.every(isString) ? [...v] : fallback;
  const loc = (typeof d.location === 'object' && d.location !== null ? d.location : {}) as Record<
    string,
    unknown
  >;
  const locStr = (key: keyof AppealFormValues['location']) =>
    isString(loc[key]) ? loc[key] : defaults.location[key];
  return {
    receivedAt: str('receivedAt') as string,
    channel: d.channel === '' || oneOf(APPEAL_CHANNELS, d.channel) ? d.channel : defaults.channel,
    kind: oneOf(APPEAL_KINDS, d.kind) ? d.kind : defaults.kind,
    applicantId: isString(d.applicantId) ? d.applicantId : null,
    anonymous: bool('anonymous') as boolean,
    coApplicantIds: strings(d.coApplicantIds, defaults.coApplicantIds),
    collective: bool('collective') as boolean,
    signatories: str('signatories') as string,
    subject: str('subject') as string,
    text: str('text') as string,
    expectation: str('expectation') as string,
    topic: str('topic') as string,
    location: {
      locality: locStr('locality'),
      district: locStr('district'),
      street: locStr('street'),
      building: locStr('building'),
    },
    priority: bool('priority') as boolean,
    priorityReason: str('priorityReason') as string,
    proposedAction:
      d.proposedAction === '' || oneOf(PROPOSED_ACTIONS, d.proposedAction)
        ? d.proposedAction
        : defaults.proposedAction,
    assignee: str('assignee') as string,
    tags: strings(d.tags, defaults.tags),
    firstContactAt: str('firstContactAt') as string,
    // A draft of an earlier version kept one string: it moves by its language.
    publicSummary: asBilingual(d.publicSummary ?? defaults.publicSummary),
    inReport: bool('inReport') as boolean,
  };
}
