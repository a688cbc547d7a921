import type { TFunction } from 'i18next';
import type { QuarterlyReport, SummaryGroup } from '@shared/report/types';

/**
 * Groups of public summaries: a heading with the group's count, its examples, and «and N
 * more» (sections 2 and 3); in the annex every text. A text printed from the other language
 * (the office's explicit choice) is in brackets and marked with its language.
 */
export function Summaries({
  groups,
  empty,
  t,
  lang,
}: {
  groups: SummaryGroup[];
  empty: string;
  t: TFunction;
  lang: QuarterlyReport['lang'];
}) {
  if (groups.length === 0) return <p className="rep-muted">{empty}</p>;
  const other = lang === 'kk' ? 'ru' : 'kk';
  return (
    <div className="rep-summaries">
      {groups.map((group) => (
        <section key={group.key} className="rep-summary-group" data-group={group.key}>
          <h4>
            {group.label}
            <span className="rep-group-count">
              {group.display.startsWith('<')
                ? group.display
                : t('report.doc.groupCount', { count: group.count })}
            </span>
          </h4>
          {group.items.length > 0 && (
            <ul>
              {group.items.map((item) => (
                <li key={item.id}>
                  {item.otherLanguage ? (
                    <span lang={other} className="rep-other-language">
                      ({item.text})
                    </span>
                  ) : (
                    item.text
                  )}
                  {/* The outcome sticks to the text's last word, never alone on a line. */}
                  {item.outcomeLabel && (
                    <span className="rep-outcome">{`\u00a0— ${item.outcomeLabel}`}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {/* «and N more» only after examples: a group with none is its heading and count. */}
          {group.more > 0 && group.items.length > 0 && (
            <p className="rep-more">{t('report.doc.more', { count: group.more })}</p>
          )}
        </section>
      ))}
    </div>
  );
}
