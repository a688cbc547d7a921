import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { BUILT_IN_CHECKLIST_IDS } from '@shared/domain';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(async () => {
  await resetDatabase();
});

function item(name: string) {
  const found = screen
    .getAllByTestId('checklist-item')
    .find((li) => li.querySelector('.checklists-name')?.textContent === name);
  if (!found) throw new Error(`no checklist ${name}`);
  return found;
}

describe('Settings › checklists', { timeout: 40_000 }, () => {
  it('shows the built-ins read-only; a copy is edited, reordered and saved', async () => {
    await seedOffice();
    await openApp('/settings/checklists');
    const user = userEvent.setup();
    const builtIns = await screen.findByTestId('builtin-checklists');
    expect(
      within(builtIns)
        .getAllByTestId('checklist-item')
        .map((li) => li.querySelector('.checklists-name')?.textContent),
    ).toEqual(['Қабылдауға дайындық', 'Депутаттың азаматпен кездесуі', 'Қоғамдық тыңдау құрылымы']);
    expect(item('Депутаттың азаматпен кездесуі')).toHaveTextContent('7 қадам');
    // Which lists are in use is read separately, a moment after the lists themselves.
    await waitFor(() =>
      expect(item('Депутаттың азаматпен кездесуі')).toHaveTextContent('Қолданыста'),
    );
    expect(await screen.findByText(/Өз тізімдеріңіз әлі жоқ/)).toBeInTheDocument();

    await user.click(
      within(item('Депутаттың азаматпен кездесуі')).getByRole('button', { name: 'Қарау' }),
    );
    const view = await screen.findByRole('dialog', { name: 'Депутаттың азаматпен кездесуі' });
    const steps = within(view).getByTestId('checklist-steps');
    expect(steps).toHaveTextContent('Сұраңыз: «Депутат ретінде менен не күтесіз?»');
    expect(steps).toHaveTextContent('Спросите: «Чего вы ждёте от меня как от депутата?»');
    expect(steps).toHaveTextContent('Қабылдау формасында: депутаттан не күтеді');
    expect(within(view).getByText(/оны өзгертуге болмайды/)).toBeInTheDocument();
    expect(within(view).queryByRole('textbox')).toBeNull();
    await user.click(within(view).getByRole('button', { name: 'Жабу' }));

    await user.click(
      within(item('Қоғамдық тыңдау құрылымы')).getByRole('button', { name: 'Көшірме жасау' }),
    );
    const edit = await screen.findByRole('dialog', { name: 'Тізімді өңдеу' });
    expect(within(edit).getByLabelText('Атауы (қазақша)')).toHaveValue(
      'Қоғамдық тыңдау құрылымы (көшірме)',
    );
    expect(within(edit).getAllByTestId('checklist-edit-step')).toHaveLength(5);
    const nameKk = within(edit).getByLabelText('Атауы (қазақша)');
    await user.clear(nameKk);
    await user.type(nameKk, 'Жер пайдалану бойынша тыңдау');
    // The last step moves up; a new step is added; the first is removed.
    await user.click(within(edit).getByRole('button', { name: 'Жоғары көтеру: 5' }));
    await user.click(within(edit).getByRole('button', { name: '+ Қадам қосу' }));
    await user.type(
      within(edit).getByLabelText('6-қадам, қазақша'),
      'Жер учаскелерінің картасын көрсету',
    );
    await user.type(
      within(edit).getByLabelText('6-қадам, орысша'),
      'Показать карту земельных участков',
    );
    await user.click(within(edit).getByRole('button', { name: 'Қадамды алып тастау: 1' }));
    await user.click(within(edit).getByRole('button', { name: /Сақтау/ }));
    expect(await screen.findByText('Тізім сақталды.')).toBeInTheDocument();

    const own = (await getDb().checklistTemplates.toArray()).filter((x) => !x.builtIn);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      name: { kk: 'Жер пайдалану бойынша тыңдау', ru: 'Порядок публичных слушаний (копия)' },
      purpose: 'public_hearing',
      version: 2,
    });
    expect(own[0]!.steps.map((s) => s.id).slice(0, 4)).toEqual([
      'citizens_speak',
      'answers',
      'next_steps',
      'summary',
    ]);
    expect(own[0]!.steps[4]?.text).toEqual({
      kk: 'Жер учаскелерінің картасын көрсету',
      ru: 'Показать карту земельных участков',
    });
    // The built-in is untouched, and the copy is now the one in use for hearings.
    expect(
      await getDb().checklistTemplates.get(BUILT_IN_CHECKLIST_IDS.public_hearing),
    ).toMatchObject({
      name: { kk: 'Қоғамдық тыңдау құрылымы' },
    });
    await waitFor(() =>
      expect(item('Жер пайдалану бойынша тыңдау')).toHaveTextContent('Қолданыста'),
    );
    expect(item('Қоғамдық тыңдау құрылымы')).not.toHaveTextContent('Қолданыста');
  });

  it('refuses a step without text, keeps the stored list, archives and deletes', async () => {
    await seedOffice();
    await openApp('/settings/checklists', 'ru');
    const user = userEvent.setup();
    await screen.findByTestId('builtin-checklists');
    await user.click(
      within(item('Подготовка к приёму')).getByRole('button', { name: 'Сделать копию' }),
    );
    const edit = await screen.findByRole('dialog', { name: 'Изменение списка' });
    await user.clear(within(edit).getByLabelText('Пункт 2 на казахском'));
    await user.clear(within(edit).getByLabelText('Пункт 2 на русском'));
    await user.click(within(edit).getByRole('button', { name: /Сохранить/ }));
    expect(await within(edit).findAllByText('Заполните это поле')).not.toHaveLength(0);
    const stored = (await getDb().checklistTemplates.toArray()).find((x) => !x.builtIn)!;
    expect(stored.version).toBe(1);
    expect(stored.steps[1]?.text.ru).toBe('Проверьте доступность помещения (пандус, первый этаж)');
    await user.click(within(edit).getByRole('button', { name: 'Отмена' }));

    const copy = await waitFor(() => item('Подготовка к приёму (копия)'));
    await user.click(within(copy).getByRole('button', { name: 'В архив' }));
    await waitFor(() => expect(item('Подготовка к приёму (копия)')).toHaveTextContent('В архиве'));
    await user.click(
      within(item('Подготовка к приёму (копия)')).getByRole('button', { name: 'Удалить' }),
    );
    const confirm = await screen.findByRole('dialog', { name: 'Удалить' });
    expect(confirm).toHaveTextContent('Удалить список «Подготовка к приёму (копия)»?');
    await user.click(within(confirm).getByRole('button', { name: 'Удалить' }));
    expect(await screen.findByText('Список удалён.')).toBeInTheDocument();
    expect(await screen.findByText(/Своих списков пока нет/)).toBeInTheDocument();
    expect((await getDb().checklistTemplates.get(stored.id))?.deletedAt).not.toBeNull();
  });
});
