import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OtherLanguageItem } from '@shared/report/types';

/** A record the report screen points at: a blocked text, or one in the other language. */
type ReportRecord =
  | Pick<OtherLanguageItem, 'source' | 'id' | 'regNo' | 'title'>
  | { source: 'place'; id: string; regNo: string | null; title: string | null };

function target(record: ReportRecord): string {
  if (record.source === 'appeal') return `/appeals/${record.id}`;
  if (record.source === 'settings') return '/settings/profile';
  if (record.source === 'place') return '/settings/places';
  return '/initiatives';
}

/** A link to where the record's text is fixed, named as the office knows it. */
export function RecordLink({ record }: { record: ReportRecord }) {
  const { t } = useTranslation();
  let label: string;
  if (record.source === 'appeal') label = t('report.blocked.appeal', { regNo: record.regNo ?? '' });
  else if (record.source === 'settings') label = t('report.otherLanguage.settings');
  else if (record.source === 'place') label = t('placeNames.missing', { name: record.title ?? '' });
  else {
    const kind = t(
      record.source === 'initiative' ? 'report.blocked.initiative' : 'report.blocked.planItem',
    );
    label = record.title ? `${kind}: ${record.title}` : kind;
  }
  return <Link to={target(record)}>{label}</Link>;
}
