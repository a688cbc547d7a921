import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal } from '@renderer/db/repositories';
import { getPlatform } from '@renderer/platform';
import { getSyncService, readSyncSettings } from '@renderer/sync/service';
import { startSyncServer, type SyncServer } from '@test/sync/server';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';
import { ctxAt, kazakhAppeal } from '../../db/helpers';
import { AIGUL, serverDocs } from '../../sync/helpers';

/**
 * Settings › Sync against a CouchDB-protocol test server: the connection is checked before
 * anything is stored, a bad address or database name is refused with the settings unchanged,
 * and once saved the office's records reach the server.
 */
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({ persistent: false });
  await server.addUser(AIGUL);
  await server.createOffice('office-almaty-7', [AIGUL.name]);
});
afterAll(() => server.close());

afterEach(async () => {
  await getSyncService(getDb(), getPlatform()).save(
    { enabled: false, server: '', database: '' },
    null,
  );
  sessionStorage.clear();
  await resetDatabase();
});

describe('Settings › Sync', () => {
  it('checks the connection, refuses what is wrong, saves, and syncs the registry to the server', async () => {
    await seedOffice();
    await createAppeal(getDb(), kazakhAppeal({ subject: 'Көше шамдары жанбайды' }), ctxAt());
    const user = userEvent.setup();
    await openApp('/settings/sync');

    const form = (await screen.findByRole('group', { name: 'Сервермен синхрондау' })).closest(
      'form',
    )!;
    const address = within(form).getByLabelText(/^Сервер мекенжайы/);
    const database = within(form).getByLabelText(/^Кеңсе дерекқоры/);
    const name = within(form).getByLabelText('Пайдаланушы');
    const password = within(form).getByLabelText(/^Құпиясөз/);
    const check = within(form).getByRole('button', { name: 'Байланысты тексеру' });
    const save = within(form).getByRole('button', { name: 'Сақтау' });
    const answer = () => form.querySelector('.sync-answer')!;

    await user.click(within(form).getByLabelText('Синхрондау қосулы'));
    await user.type(address, server.url);
    await user.type(database, 'office-almaty-7');
    await user.click(save);
    await waitFor(() =>
      expect(answer()).toHaveTextContent('Пайдаланушы мен құпиясөзді енгізіңіз.'),
    );

    await user.type(name, AIGUL.name);
    await user.type(password, 'Aigul-2025?');
    await user.click(check);
    await waitFor(() =>
      expect(answer()).toHaveTextContent('Пайдаланушы аты немесе құпиясөз қате.'),
    );
    await user.clear(password);
    await user.type(password, AIGUL.password);
    await user.click(check);
    await waitFor(() =>
      expect(answer()).toHaveTextContent(
        'Байланыс бар: сервер, пайдаланушы және кеңсе дерекқоры дұрыс.',
      ),
    );

    // A database name the server could not have: refused, nothing stored.
    await user.clear(database);
    await user.type(database, 'Алматы кеңсесі');
    await user.click(save);
    await waitFor(() =>
      expect(answer()).toHaveTextContent(
        'Дерекқор атауы кіші латын әріптерінен, цифрлардан және «-», «_» белгілерінен тұрады және әріптен басталады.',
      ),
    );
    expect(await readSyncSettings(getDb())).toEqual({ enabled: false, server: '', database: '' });

    await user.clear(database);
    await user.type(database, 'office-almaty-7');
    await user.click(save);
    await waitFor(() => expect(answer()).toHaveTextContent(/^Сақталды\.$/));
    expect(await readSyncSettings(getDb())).toEqual({
      enabled: true,
      server: server.url.replace(/\/$/, ''),
      database: 'office-almaty-7',
    });
    // The password is not shown again; the field says one is kept.
    expect(password).toHaveValue('');
    expect(password).toHaveAttribute('placeholder', 'Сақталған (өзгерту үшін жаңасын енгізіңіз)');

    // The status panel follows the sync until the appeal is on the server.
    await waitFor(async () =>
      expect(JSON.stringify(await serverDocs(server, 'office-almaty-7'))).toContain(
        '"subject":"Көше шамдары жанбайды"',
      ),
    );
    await waitFor(() =>
      expect(document.querySelector('.sync-panel-status')).toHaveTextContent('Синхрондалды'),
    );
    expect(document.querySelector('.sync-panel')).toHaveTextContent(
      /Соңғы синхрондау: \d\d\.\d\d\.\d{4} \d\d:\d\d/,
    );
  });

  it('lists the documents from the server that were not applied, with the reason, in Russian', async () => {
    await seedOffice();
    await getDb().syncQuarantine.add({
      docId: 'appeals:019aa0d6-7c3b-7000-8000-00000000a001',
      rev: '3-5f1d',
      table: 'appeals',
      reason: 'invalid_record',
      issues: [{ path: 'receivedAt', code: 'invalid_format' }],
      receivedAt: '2026-11-20T06:30:00.000Z',
      body: '{"subject":"Ремонт крыши"}',
    });
    await openApp('/settings/sync', 'ru');
    const list = await screen.findByRole('region', { name: 'Непринятые документы' });
    const row = within(list).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent(
      'Обращение · appeals:019aa0d6-7c3b-7000-8000-00000000a001' +
        'Запись не соответствует правилам приложения' +
        '20.11.2026 11:30',
    );
    await screen.findByText('Синхронизация выключена');
  });
});
