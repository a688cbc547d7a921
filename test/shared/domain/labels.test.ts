import { describe, expect, it } from 'vitest';

import * as enums from '@shared/domain/enums';
import { enumLabels, labelOf } from '@shared/domain/labels';
import { LANGS } from '@shared/i18n/lang';

const groups: [keyof typeof enumLabels, readonly string[]][] = [
  ['channel', enums.APPEAL_CHANNELS],
  ['kind', enums.APPEAL_KINDS],
  ['status', enums.APPEAL_STATUSES],
  ['outcome', enums.OUTCOMES],
  ['notResolvedReason', enums.NOT_RESOLVED_REASONS],
  ['proposedAction', enums.PROPOSED_ACTIONS],
  ['vulnerableCategory', enums.VULNERABLE_CATEGORIES],
  ['contactChannel', enums.CONTACT_CHANNELS],
  ['informChannel', enums.INFORM_CHANNELS],
  ['eventType', enums.EVENT_TYPES],
  ['workflowAction', enums.WORKFLOW_ACTIONS],
  ['inquiryStatus', enums.INQUIRY_STATUSES],
  ['responsePart', enums.RESPONSE_PARTS],
  ['agencyKind', enums.AGENCY_KINDS],
  ['receptionFormat', enums.RECEPTION_FORMATS],
  ['receptionStatus', enums.RECEPTION_STATUSES],
  ['queueStatus', enums.QUEUE_STATUSES],
  ['checklistPurpose', enums.CHECKLIST_PURPOSES],
  ['templateKind', enums.TEMPLATE_KINDS],
  ['consentForm', enums.RECORDED_CONSENT_FORMS],
  ['initiativeTarget', enums.INITIATIVE_TARGETS],
  ['initiativeStatus', enums.INITIATIVE_STATUSES],
  ['planStatus', enums.PLAN_STATUSES],
  ['maslikhatLevel', enums.MASLIKHAT_LEVELS],
  ['userRole', enums.USER_ROLES],
  ['reportPlaceLevel', enums.REPORT_PLACE_LEVELS],
  ['language', LANGS],
];

describe('enum labels', () => {
  it('cover every label group', () => {
    expect(groups.map(([g]) => g).sort()).toEqual(Object.keys(enumLabels).sort());
  });

  it.each(groups)(
    '%s: every value has a Kazakh and a Russian label, and nothing else',
    (group, values) => {
      const labels = enumLabels[group] as Record<string, { kk: string; ru: string }>;
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        expect(labels[value]?.kk.trim()).not.toBe('');
        expect(labels[value]?.ru.trim()).not.toBe('');
      }
    },
  );

  it('are looked up with labelOf, unknown values shown as is', () => {
    expect(enumLabels.channel.telegram.kk).toBe('Telegram');
    expect(labelOf('status', 'waiting_agency', 'kk')).toBe('Органның жауабын күтуде');
    expect(labelOf('status', 'waiting_agency', 'ru')).toBe('Ожидает ответа органа');
    expect(labelOf('outcome', 'archived', 'ru')).toBe('archived');
  });

  it('the Kazakh ones are in Kazakh', () => {
    // Every group has at least one label with a letter that only Kazakh uses.
    const kazakhOnly = /[әғқңөұүһі]/i;
    for (const [group] of groups) {
      if (group === 'language') continue;
      const labels = Object.values(enumLabels[group] as Record<string, { kk: string }>);
      expect(
        labels.some((l) => kazakhOnly.test(l.kk)),
        group,
      ).toBe(true);
    }
  });
});
