import { z } from 'zod';

import type { KzCalendarOverrides } from '../calendar';
import {
  DEFAULT_DEADLINE_RULES,
  DEFAULT_WORK_HOURS,
  deadlineRulesSchema,
} from '../workflow/deadlines';
import { LANGS } from '../i18n/lang';
import { MASLIKHAT_LEVELS, REPORT_PLACE_LEVELS, USER_ROLES } from './enums';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  err,
  isoDateTimeSchema,
  langSchema,
  localDateSchema,
  localTimeSchema,
  localizedTextSchema,
  nullableEmailSchema,
  nullableText,
  plainText,
  positiveIntSchema,
  requiredText,
  userIdSchema,
} from './common';
import { nullablePhoneInputSchema } from './applicant';
import { DEFAULT_TOPICS, topicSchema } from './topics';
import type { Topic } from './topics';

/** Settings are one record per database, under this id. */
export const SETTINGS_ID = 'settings';

const EMPTY_LOCALIZED = { kk: '', ru: '' };

export const staffUserSchema = z.object({
  id: userIdSchema,
  fullName: requiredText(200),
  role: enumSchema(USER_ROLES),
  /** Former staff stay listed so history still shows who did what. */
  active: z.boolean().default(true),
});
export type StaffUser = z.output<typeof staffUserSchema>;

/** Corrections of one year's working-day calendar (government transfer orders). */
export const calendarYearOverridesSchema = z.object({
  extraDaysOff: z.array(localDateSchema).default([]),
  extraWorkingDays: z.array(localDateSchema).default([]),
  /** Lunar religious days off (Kurban Ait) when they differ from the built-in dates. */
  religiousDaysOff: z.array(localDateSchema).default([]),
});
export type CalendarYearOverrides = z.output<typeof calendarYearOverridesSchema>;

export const calendarOverridesSchema = z
  .record(z.string().regex(/^\d{4}$/), calendarYearOverridesSchema, {
    // zod reports a bad key as one 'invalid_key' issue of the record, not with the key's message.
    error: (issue) => (issue.code === 'invalid_key' ? 'year_invalid' : 'invalid_value'),
  })
  .superRefine((byYear, ctx) => {
    for (const [year, overrides] of Object.entries(byYear)) {
      for (const key of ['extraDaysOff', 'extraWorkingDays', 'religiousDaysOff'] as const) {
        overrides[key].forEach((day, i) => {
          if (!day.startsWith(`${year}-`)) {
            addIssue(ctx, [year, key, i], 'date_outside_year');
          }
        });
      }
      const off = new Set(overrides.extraDaysOff);
      overrides.extraWorkingDays.forEach((day, i) => {
        if (off.has(day)) {
          addIssue(ctx, [year, 'extraWorkingDays', i], 'day_both_off_and_working');
        }
      });
    }
  });
export type CalendarOverrides = z.output<typeof calendarOverridesSchema>;

/** The per-year settings in the shape `createKzCalendar` takes. */
export function toCalendarOverrides(byYear: CalendarOverrides): KzCalendarOverrides {
  const extraDaysOff: string[] = [];
  const extraWorkingDays: string[] = [];
  const religiousDaysOff: Record<number, string[]> = {};
  const years = Object.entries(byYear).sort(([a], [b]) => a.localeCompare(b));
  for (const [year, overrides] of years) {
    extraDaysOff.push(...overrides.extraDaysOff);
    extraWorkingDays.push(...overrides.extraWorkingDays);
    if (overrides.religiousDaysOff.length > 0) {
      religiousDaysOff[Number(year)] = [...overrides.religiousDaysOff];
    }
  }
  return { extraDaysOff, extraWorkingDays, religiousDaysOff };
}

/** One glossary entry: the same place name in Kazakh and in Russian, both given. */
export const placeGlossaryEntrySchema = z.object({
  kk: requiredText(200),
  ru: requiredText(200),
});
export type PlaceGlossaryEntryInput = z.output<typeof placeGlossaryEntrySchema>;

export const reportOptionsSchema = z.object({
  /** Languages the public report is produced in. */
  languages: z
    .array(langSchema)
    .min(1, err('report_language_required'))
    .default([...LANGS]),
  includeCharts: z.boolean().default(true),
  /** The finest place level shown in the report (never houses: that is personal data). */
  placeLevel: enumSchema(REPORT_PLACE_LEVELS).default('street'),
  /**
   * Places with fewer appeals than this are folded into "other places", so a lone appeal
   * cannot point at one household.
   */
  minPlaceCount: positiveIntSchema.default(3),
  /** Who signs the report, if not the deputy (e.g. "Депутаттың көмекшісі"). */
  signedBy: plainText(200).default(''),
  /**
   * The office's place-name glossary: proper names (or whole names) in both languages, for
   * the report in each language (shared/map/placeNames.ts). Generic words («даңғылы» ↔
   * «проспект») come from the built-in table and need no entry.
   */
  placeNames: z.array(placeGlossaryEntrySchema).max(1_000).default([]),
});
export type ReportOptions = z.output<typeof reportOptionsSchema>;

export const workHoursSchema = z
  .object({ start: localTimeSchema, end: localTimeSchema })
  .refine((hours) => hours.start < hours.end, { path: ['end'], error: 'end_before_start' });

const settingsFieldsShape = {
  deputy: z
    .object({
      /** As it appears on letters in each language (patronymics differ: -ұлы / -ович). */
      fullName: localizedTextSchema.default(EMPTY_LOCALIZED),
      /** e.g. «Алматы қалалық мәслихатының депутаты» / «Депутат маслихата города Алматы». */
      position: localizedTextSchema.default(EMPTY_LOCALIZED),
    })
    .default({ fullName: EMPTY_LOCALIZED, position: EMPTY_LOCALIZED }),
  maslikhat: z
    .object({
      level: enumSchema(MASLIKHAT_LEVELS).default('district'),
      name: localizedTextSchema.default(EMPTY_LOCALIZED),
    })
    .default({ level: 'district', name: EMPTY_LOCALIZED }),
  /** Electoral district (округ) number; null for deputies elected on party lists. */
  okrugNumber: positiveIntSchema.nullable().default(null),
  /** Where the okrug is (streets, villages), as the deputy describes it. */
  okrugDescription: localizedTextSchema.default(EMPTY_LOCALIZED),
  receptionAddress: localizedTextSchema.default(EMPTY_LOCALIZED),
  contacts: z
    .object({
      phone: nullablePhoneInputSchema.default(null),
      email: nullableEmailSchema.default(null),
      telegram: plainText(200).default(''),
      website: plainText(300).default(''),
      other: plainText(1_000).default(''),
    })
    .default({ phone: null, email: null, telegram: '', website: '', other: '' }),
  users: z.array(staffUserSchema).default([]),
  workHours: workHoursSchema.default({ ...DEFAULT_WORK_HOURS }),
  /** Calendar corrections per year, keyed 'YYYY'. */
  calendar: calendarOverridesSchema.default({}),
  deadlines: deadlineRulesSchema.default({ ...DEFAULT_DEADLINE_RULES }),
  topics: z
    .array(topicSchema)
    .min(1, err('topics_required'))
    .default(DEFAULT_TOPICS.map((topic): Topic => ({ ...topic }))),
  report: reportOptionsSchema.default({
    languages: [...LANGS],
    includeCharts: true,
    placeLevel: 'street',
    minPlaceCount: 3,
    signedBy: '',
    placeNames: [],
  }),
  backupFolder: nullableText(1_000).default(null),
  /** When the last backup was written (ISO UTC), to remind the office when it is old. */
  lastBackupAt: isoDateTimeSchema.nullable().default(null),
  /** Interface language. */
  language: langSchema.default('kk'),
};

function checkSettingsRules(
  settings: { users: readonly StaffUser[]; topics: readonly Topic[] },
  ctx: z.RefinementCtx,
): void {
  const userIds = new Set<string>();
  settings.users.forEach((user, i) => {
    if (userIds.has(user.id)) {
      addIssue(ctx, ['users', i, 'id'], 'duplicate_key');
    }
    userIds.add(user.id);
  });
  const topicIds = new Set<string>();
  settings.topics.forEach((topic, i) => {
    if (topicIds.has(topic.id)) {
      addIssue(ctx, ['topics', i, 'id'], 'duplicate_key');
    }
    topicIds.add(topic.id);
  });
}

/** The settings form: every field has a sensible default, so `{}` parses. */
export const settingsInputObjectSchema = z.object(settingsFieldsShape);
export const settingsInputSchema = settingsInputObjectSchema.superRefine(checkSettingsRules);

/**
 * Fields of the office's laptops working together (docs/merge.md). Not part of the settings
 * form (`settingsInputSchema`), so saving the form keeps them.
 */
const exchangeFieldsShape = {
  /**
   * Which office this database belongs to: packages of another office are refused. Absent in
   * databases from before exchange packages; `officeIdOf` (shared/merge) then derives one.
   */
  officeId: z.string().trim().min(1).max(100).nullable().optional(),
  /**
   * The laptop that keeps the office's number series and hands blocks of it to the others;
   * absent or null: every laptop numbers on its own, as before (merges renumber collisions).
   */
  numberIssuerDeviceId: z.string().trim().min(1).max(100).nullable().optional(),
};

export const settingsObjectSchema = z.object({
  ...baseRecordShape,
  ...settingsFieldsShape,
  ...exchangeFieldsShape,
  id: z.literal(SETTINGS_ID, err('invalid_id')),
});
export const settingsSchema = settingsObjectSchema.superRefine(checkSettingsRules);

export type SettingsInput = z.input<typeof settingsInputSchema>;
export type SettingsInputData = z.output<typeof settingsInputSchema>;
export type Settings = z.output<typeof settingsSchema>;

/** Settings of a fresh database. */
export function defaultSettingsData(): SettingsInputData {
  return settingsInputSchema.parse({});
}
