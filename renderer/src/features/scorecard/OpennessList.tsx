import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One of the openness page's record lists (the report's publications, the feedback rounds):
 * a heading, the button that adds a record, a line when there is none, and each record with
 * Edit and Delete.
 */
export function OpennessList<T extends { id: string }>({
  titleId,
  title,
  addLabel,
  onAdd,
  emptyText,
  items,
  testId,
  render,
  onEdit,
  onDelete,
}: {
  titleId: string;
  title: string;
  addLabel: string;
  onAdd: () => void;
  emptyText: string;
  /** undefined while loading: neither records nor the empty line. */
  items: readonly T[] | undefined;
  testId: string;
  /** The record's line before its buttons: its date in bold, then the rest. */
  render: (item: T) => ReactNode;
  onEdit: (item: T) => void;
  onDelete: (item: T) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="openness-list card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="button" onClick={onAdd}>
        {addLabel}
      </button>
      {items?.length === 0 && <p className="muted">{emptyText}</p>}
      <ul>
        {(items ?? []).map((item) => (
          <li key={item.id} data-testid={testId}>
            {render(item)}
            <button type="button" className="link" onClick={() => onEdit(item)}>
              {t('scorecard.page.edit')}
            </button>
            <button type="button" className="link danger" onClick={() => onDelete(item)}>
              {t('scorecard.page.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
