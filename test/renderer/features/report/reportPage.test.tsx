import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal, updateAppeal } from '@renderer/db/repositories';
import { setPlatform, type Platform } from '@renderer/platform';
import { ctx, renderAt, seededOfficeEachTest } from '../appeal/setup';
import { decidedAppeal } from './decidedAppeal';

/**
 * The report screen on real data: appeals written by the repositories into the test
 * database, the model built by buildQuarterlyReport, the preview rendered by the print
 * components. The quarter is fixed (2026-Q3), so the numbers do not depend on today.
 */
async function seedQuarter() {
  const db = getDb();
  // Three appeals in July–September 2026, one in the previous quarter.
  await createAppeal(db, decidedAppeal('2026-05-12'), ctx);
  await createAppeal(db, decidedAppeal('2026-07-14'), ctx);
  await createAppeal(db, decidedAppeal('2026-08-11', { topic: 'roads_transport' }), ctx);
  return createAppeal(
    db,
    decidedAppeal('2026-09-08', {
      publicSummary:
        'Аулаға 12 шам орнатылды, сұрақтар бойынша 8 701 234 56 78 нөміріне хабарласыңыз.',
      inReport: true,
    }),
    ctx,
  );
}

seededOfficeEachTest();

describe('report screen', () => {
  it('blocks export with fix-it links while a public summary holds a phone, and unblocks once it is fixed', async () => {
    const appeal = await seedQuarter();
    const saveFile = vi.fn<Platform['saveFile']>().mockResolvedValue({ saved: true });
    const printToPdf = vi.fn<Platform['printToPdf']>().mockResolvedValue({ saved: true });
    setPlatform({ kind: 'electron', saveFile, printToPdf });
    await renderAt('/reports?quarter=2026-Q3&lang=kk');

    const alert = await screen.findByRole(
      'alert',
      { name: 'Есепті жариялауға болмайды: жеке деректерге ұқсас мәтін табылды' },
      { timeout: 10_000 },
    );
    const link = within(alert).getByRole('link', { name: `Өтініш ${appeal.regNo}` });
    expect(link).toHaveAttribute('href', `#/appeals/${appeal.id}`);
    expect(alert).toHaveTextContent('Табылғаны: телефон нөмірі. Өріс: жария сипаттама.');
    expect(screen.getByRole('button', { name: 'PDF' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Excel кестелері (.xlsx)' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Көшіру' })).toBeDisabled();
    expect(screen.getByText('Түзетілмейінше экспорт қолжетімсіз.')).toBeInTheDocument();
    // The preview is there, without the blocked text.
    const preview = screen.getByRole('region', { name: /Басып шығарылатын нұсқа/ });
    expect(preview).toHaveTextContent('Депутаттың жария есебі');
    expect(preview).not.toHaveTextContent('701 234');

    await updateAppeal(
      getDb(),
      appeal.id,
      { publicSummary: 'Аулаға 12 шам орнатылды, кешкі жарық қалпына келтірілді.' },
      ctx,
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'PDF' })).toBeEnabled());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(preview).toHaveTextContent('Аулаға 12 шам орнатылды, кешкі жарық қалпына келтірілді.');

    await userEvent.click(screen.getByRole('button', { name: 'PDF' }));
    expect(printToPdf).toHaveBeenCalledWith({
      route: '/print/report?quarter=2026-Q3&lang=kk',
      fileName: 'Жария есеп 2026-Q3 kk.pdf',
    });
    expect(await screen.findByText('PDF дайын.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Excel кестелері (.xlsx)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const request = saveFile.mock.calls[0]![0];
    expect(request.fileName).toBe('Жария есеп 2026-Q3 kk.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(request.data.buffer);
    const facts = workbook.getWorksheet('Негізгі сандар')!;
    expect(facts.getRow(4).values).toEqual([undefined, 'Тоқсанда тіркелген өтініштер', 3]);
    expect(facts.getRow(5).values).toEqual([undefined, 'Алдыңғы тоқсанда тіркелген өтініштер', 1]);
  });

  it('shows the headline numbers in the preview and the short text, in Russian too', async () => {
    const appeal = await seedQuarter();
    await updateAppeal(
      getDb(),
      appeal.id,
      { publicSummary: 'Во дворе установлено 12 фонарей.' },
      ctx,
    );
    await renderAt('/reports?quarter=2026-Q3&lang=ru', 'ru');
    const preview = await screen.findByRole(
      'region',
      { name: /Версия для печати/ },
      { timeout: 10_000 },
    );
    expect(preview).toHaveTextContent('Публичный отчёт депутата');
    expect(preview).toHaveTextContent('III квартал 2026 года');
    expect(preview).toHaveTextContent('Зарегистрировано обращений за период');
    const text = screen.getByRole<HTMLTextAreaElement>('textbox', {
      name: 'Короткий текст для Telegram и сайта',
    });
    await waitFor(() =>
      expect(text.value).toContain('• Поступило обращений: 3 (в прошлом квартале: 1, +2'),
    );
    expect(text.value).toContain('• Приняты решения: 3, из них решено: 3');
    expect(text.value.replaceAll('\u00a0', ' ')).toContain('• Решено в срок: 100 %');
    expect(screen.getByRole('button', { name: 'PDF' })).toBeEnabled();
  });

  it('defaults to the last finished quarter, notes its due date and switches language', async () => {
    await renderAt('/reports');
    const select = await screen.findByRole('combobox', { name: 'Тоқсан' });
    expect(select).toHaveValue(
      (() => {
        const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
        const y = Number(today.slice(0, 4));
        const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
        return q === 1 ? `${String(y - 1)}-Q4` : `${String(y)}-Q${String(q - 1)}`;
      })(),
    );
    expect(screen.getByText(/^Жариялау мерзімі: \d{4} жылғы \d+ \S+ дейін/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: /Екі тілде/ }));
    await waitFor(() =>
      expect(document.querySelectorAll('.report-preview .report-doc')).toHaveLength(2),
    );
    const docs = document.querySelectorAll('.report-preview .report-doc');
    expect(docs[0]).toHaveAttribute('lang', 'kk');
    expect(docs[1]).toHaveAttribute('lang', 'ru');
    expect(window.location.hash).toContain('lang=both');
  });
});
