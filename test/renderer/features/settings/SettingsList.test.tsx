import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '@renderer/app/session';
import {
  SettingsAddForm,
  SettingsEditDialog,
  SettingsNotice,
  useSettingsChange,
} from '@renderer/features/settings/SettingsList';
import { initI18n } from '@renderer/i18n';
import { newId } from '@shared/ids';
import { ASSISTANT, polyfillDialog, resetDatabase, seedOffice, storedSettings } from './officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  polyfillDialog();
});
afterEach(resetDatabase);

/** A staff list in miniature: its add card, the notice, and a dialog renaming the first member. */
function StaffHarness() {
  const { notice, run } = useSettingsChange();
  const addForm = useForm<{ fullName: string }>({ defaultValues: { fullName: '' } });
  const renameForm = useForm<{ fullName: string }>({ defaultValues: { fullName: ASSISTANT } });
  const [renaming, setRenaming] = useState(false);
  const add = addForm.handleSubmit(async ({ fullName }) => {
    const ok = await run(
      (current) => ({
        ...current,
        users: [...current.users, { id: newId(), fullName, role: 'staff', active: true }],
      }),
      `${fullName} тізімге қосылды`,
    );
    if (ok) addForm.reset();
  });
  return (
    <>
      <button type="button" onClick={() => setRenaming(true)}>
        Атын өзгерту
      </button>
      <SettingsNotice notice={notice} />
      <SettingsAddForm title="Қызметкер қосу" submitLabel="Қосу" onSubmit={add}>
        <label>
          Аты-жөні
          <input {...addForm.register('fullName')} />
        </label>
      </SettingsAddForm>
      {renaming && (
        <SettingsEditDialog
          title="Изменить данные сотрудника"
          formId="harness-rename"
          form={renameForm}
          onClose={() => setRenaming(false)}
          change={({ fullName }) =>
            (current) => ({
              ...current,
              users: current.users.map((u, i) => (i === 0 ? { ...u, fullName } : u)),
            })}
        >
          <label>
            ФИО
            <input {...renameForm.register('fullName')} />
          </label>
        </SettingsEditDialog>
      )}
    </>
  );
}

async function renderHarness(lang: 'kk' | 'ru') {
  await seedOffice();
  const i18n = await initI18n(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <StaffHarness />
      </SessionProvider>
    </I18nextProvider>,
  );
  return userEvent.setup();
}

describe('settings list pieces', { timeout: 30_000 }, () => {
  it('adds a row from the add card and says so; a refused change says why and stores nothing', async () => {
    const user = await renderHarness('kk');
    const card = (await screen.findByRole('heading', { name: 'Қызметкер қосу' })).closest('form')!;
    expect(card).toHaveClass('settings-add', 'card');
    expect(card).not.toHaveClass('top');

    await user.type(within(card).getByLabelText('Аты-жөні'), 'Дәурен Сапарұлы');
    await user.click(within(card).getByRole('button', { name: 'Қосу' }));
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Дәурен Сапарұлы тізімге қосылды');
    expect(done).toHaveClass('settings-notice', 'ok');
    expect((await storedSettings()).users.map((u) => u.fullName)).toEqual([
      ASSISTANT,
      'Дәурен Сапарұлы',
    ]);
    expect(within(card).getByLabelText('Аты-жөні')).toHaveValue('');

    // An empty name fails the settings schema: the notice turns into the reason.
    await user.click(within(card).getByRole('button', { name: 'Қосу' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveClass('error'));
    expect(screen.getByRole('status')).not.toHaveTextContent('қосылды');
    expect((await storedSettings()).users).toHaveLength(2);
  });

  it('saves an edit and closes; a refused edit keeps the dialog open with the reason in Russian', async () => {
    const user = await renderHarness('ru');
    await user.click(await screen.findByRole('button', { name: 'Атын өзгерту' }));
    let dialog = await screen.findByRole('dialog', { name: 'Изменить данные сотрудника' });
    await user.clear(within(dialog).getByLabelText('ФИО'));
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/[А-Яа-яЁё]/);
    expect((await storedSettings()).users[0]!.fullName).toBe(ASSISTANT);

    await user.type(within(dialog).getByLabelText('ФИО'), 'Айгерім Нұрланқызы Серікова');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await storedSettings()).users[0]!.fullName).toBe('Айгерім Нұрланқызы Серікова');

    await user.click(screen.getByRole('button', { name: 'Атын өзгерту' }));
    dialog = await screen.findByRole('dialog', { name: 'Изменить данные сотрудника' });
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
