import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NameIndex, findPersonalData } from '@shared/report/pii';

const NO_NAMES = new NameIndex();

/**
 * Warns while the text is typed if it looks like personal data (a phone, an IIN, an e-mail,
 * a house or flat number): the public report would refuse it later. Names are checked when
 * the report is built, against the applicants in the database.
 */
export function PiiWarning({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  const kinds = useMemo(() => findPersonalData(text ?? '', NO_NAMES), [text]);
  if (kinds.length === 0) return null;
  return (
    <p className="notice warning pii-warning" role="status">
      {t('initiatives.pii.warning', {
        kinds: kinds.map((kind) => t(`initiatives.pii.${kind}`)).join(', '),
      })}
    </p>
  );
}
