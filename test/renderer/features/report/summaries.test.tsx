import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SummaryGroup } from '@shared/report/types';
import { Summaries } from '@renderer/features/report/print/Summaries';
import { initI18n } from '@renderer/i18n';

const group = (over: Partial<SummaryGroup>): SummaryGroup => ({
  key: 'overdue',
  label: 'Қаралуда, мерзімі өткен',
  count: 236,
  display: '236',
  items: [],
  more: 236,
  ...over,
});

describe('report summaries', () => {
  it('says «and N more» only after examples: a group without any is its heading and count', async () => {
    const i18n = await initI18n('kk');
    const t = i18n.getFixedT('kk');
    const { container } = render(
      <Summaries
        groups={[
          group({}),
          group({
            key: 'budget',
            label: 'Бюджет қаражаты қажет',
            count: 53,
            display: '53',
            more: 50,
            items: ['1', '2', '3'].map((n) => ({
              id: n,
              regNo: `2026-000${n}`,
              text: 'Ыстық сумен жабдықтау мәселесін шешу үшін бюджет қаражаты қажет.',
              otherLanguage: false,
              outcomeLabel: 'Шешілмеді',
              solved: false,
            })),
          }),
        ]}
        empty="—"
        t={t}
        lang="kk"
      />,
    );
    const [withoutExamples, withExamples] = [...container.querySelectorAll('.rep-summary-group')];
    expect(withoutExamples!.querySelector('h4')!.textContent).toContain('236');
    expect(withoutExamples!.querySelector('.rep-more')).toBeNull();
    expect(withExamples!.querySelectorAll('li')).toHaveLength(3);
    expect(withExamples!.querySelector('.rep-more')!.textContent).toBe('және тағы 50 өтініш');
  });
});
