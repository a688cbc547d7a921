import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { topicIdSchema, topicSchema, type Topic } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import type { TizilimDb } from '@renderer/db/database';
import { Field } from '@renderer/ui/Field';
import { formatNumber } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { fieldError } from './saveHelpers';
import {
  SettingsAddForm,
  SettingsEditDialog,
  SettingsNotice,
  useSettingsChange,
} from './SettingsList';
import { isBuiltInTopic, suggestTopicId, topicIdFor } from './topicId';

const namesSchema = topicSchema.pick({ kk: true, ru: true });
type NamesForm = { kk: string; ru: string };
type NewTopicForm = NamesForm & { id: string };

function newTopicSchema(existing: readonly Topic[]) {
  return namesSchema.extend({ id: z.string().trim() }).superRefine((value, ctx) => {
    if (value.id === '') return;
    const parsed = topicIdSchema.safeParse(value.id);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: parsed.error.issues[0]?.message });
    } else if (existing.some((t) => t.id === value.id)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'duplicate_key' });
    }
  });
}

/** Appeals (deleted ones too: their history still names the topic) per topic id. */
export async function appealsByTopic(
  db: TizilimDb,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(
    ids.map(async (id) => [id, await db.appeals.where('topic').equals(id).count()] as const),
  );
  return new Map(counts);
}

function NameFields({
  form,
  autoFocus,
}: {
  form: ReturnType<typeof useForm<NamesForm>> | ReturnType<typeof useForm<NewTopicForm>>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { register, formState } = form as ReturnType<typeof useForm<NamesForm>>;
  return (
    <>
      <Field
        label={t('settings.topics.nameKk')}
        required
        error={fieldError(formState.errors, 'kk', lang)}
      >
        <input autoComplete="off" autoFocus={autoFocus} {...register('kk')} />
      </Field>
      <Field
        label={t('settings.topics.nameRu')}
        required
        error={fieldError(formState.errors, 'ru', lang)}
      >
        <input autoComplete="off" {...register('ru')} />
      </Field>
    </>
  );
}

function RenameTopicDialog({ topic, onClose }: { topic: Topic; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<NamesForm>({
    resolver: zodResolver(namesSchema),
    defaultValues: { kk: topic.kk, ru: topic.ru },
  });
  return (
    <SettingsEditDialog
      title={t('settings.topics.renameTitle')}
      formId="topic-rename"
      form={form}
      onClose={onClose}
      change={({ kk, ru }) =>
        (current) => ({
          ...current,
          topics: current.topics.map((x) => (x.id === topic.id ? { ...x, kk, ru } : x)),
        })}
    >
      <NameFields form={form} autoFocus />
      <p className="settings-hint">{t('settings.topics.idKept', { id: topic.id })}</p>
    </SettingsEditDialog>
  );
}

/**
 * The topic taxonomy. A topic that appeals use can only be retired (it stays on those
 * appeals and in reports, and is no longer offered); only an unused topic the office added
 * itself can be deleted.
 */
export function TopicsSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { settings } = useSession();
  const { topics } = settings;
  const idsKey = topics.map((x) => x.id).join(' ');
  const usage = useLiveQuery(() => appealsByTopic(db, idsKey.split(' ')), [db, idsKey]);
  const [renaming, setRenaming] = useState<Topic | null>(null);
  const { notice, setNotice, run } = useSettingsChange();

  const addForm = useForm<NewTopicForm>({
    resolver: zodResolver(newTopicSchema(topics)),
    defaultValues: { kk: '', ru: '', id: '' },
  });
  const [kkName, ruName] = addForm.watch(['kk', 'ru']);
  const suggestedId = suggestTopicId({ kk: kkName ?? '', ru: ruName ?? '' }, topics) ?? '';
  const activeCount = topics.filter((x) => !x.retired).length;

  const add = addForm.handleSubmit(async ({ kk, ru, id }) => {
    const ok = await run(
      (current) => ({
        ...current,
        topics: [
          ...current.topics,
          { id: id || topicIdFor({ kk, ru }, current.topics), kk, ru, retired: false },
        ],
      }),
      t('settings.topics.added', { name: lang === 'kk' ? kk : ru }),
    );
    if (ok) addForm.reset({ kk: '', ru: '', id: '' });
  });

  const setRetired = (topic: Topic, retired: boolean) =>
    run(
      (current) => ({
        ...current,
        topics: current.topics.map((x) => (x.id === topic.id ? { ...x, retired } : x)),
      }),
      t(retired ? 'settings.topics.retiredDone' : 'settings.topics.restoredDone', {
        name: topic[lang],
      }),
    );

  const remove = async (topic: Topic) => {
    // Checked again right before deleting: an appeal may have been registered meanwhile.
    const used = await db.appeals.where('topic').equals(topic.id).count();
    if (used > 0 || isBuiltInTopic(topic.id)) {
      setNotice({
        tone: 'error',
        text: used > 0 ? t('settings.topics.inUse', { count: used }) : t('settings.topics.builtIn'),
      });
      return;
    }
    await run(
      (current) => ({ ...current, topics: current.topics.filter((x) => x.id !== topic.id) }),
      t('settings.topics.deleted', { name: topic[lang] }),
    );
  };

  return (
    <div className="settings-section">
      <p className="settings-lead">{t('settings.topics.lead')}</p>
      <SettingsAddForm
        title={t('settings.topics.addTitle')}
        submitLabel={t('settings.topics.add')}
        onSubmit={add}
        top
      >
        <NameFields form={addForm} />
        <Field
          label={t('settings.topics.id')}
          error={fieldError(addForm.formState.errors, 'id', lang)}
          hint={t('settings.topics.idHint')}
        >
          <input
            autoComplete="off"
            placeholder={suggestedId}
            className="settings-code"
            {...addForm.register('id')}
          />
        </Field>
      </SettingsAddForm>
      <SettingsNotice notice={notice} />
      <table className="settings-table topics">
        <thead>
          <tr>
            <th scope="col">{t('settings.topics.nameKk')}</th>
            <th scope="col">{t('settings.topics.nameRu')}</th>
            <th scope="col">{t('settings.topics.id')}</th>
            <th scope="col" className="num">
              {t('settings.topics.appeals')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.topics.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => {
            const used = usage?.get(topic.id);
            const deletable = used === 0 && !isBuiltInTopic(topic.id);
            const name = topic[lang];
            return (
              <tr key={topic.id} className={topic.retired ? 'inactive' : undefined}>
                <td>
                  {topic.kk}
                  {topic.retired && (
                    <span className="settings-tag muted">{t('settings.topics.retired')}</span>
                  )}
                </td>
                <td>{topic.ru}</td>
                <td>
                  <code>{topic.id}</code>
                </td>
                <td className="num">{used === undefined ? '…' : formatNumber(used)}</td>
                <td className="settings-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('settings.topics.renameOf', { name })}
                    onClick={() => setRenaming(topic)}
                  >
                    {t('settings.topics.rename')}
                  </button>
                  {topic.retired ? (
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('settings.topics.restoreOf', { name })}
                      onClick={() => void setRetired(topic, false)}
                    >
                      {t('settings.topics.restore')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button small"
                      disabled={activeCount <= 1}
                      aria-label={t('settings.topics.retireOf', { name })}
                      onClick={() => void setRetired(topic, true)}
                    >
                      {t('settings.topics.retire')}
                    </button>
                  )}
                  {!isBuiltInTopic(topic.id) && (
                    <button
                      type="button"
                      className="button small danger"
                      disabled={!deletable}
                      title={
                        deletable ? undefined : t('settings.topics.inUse', { count: used ?? 0 })
                      }
                      aria-label={t('settings.topics.deleteOf', { name })}
                      onClick={() => void remove(topic)}
                    >
                      {t('common.actions.delete')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {renaming && <RenameTopicDialog topic={renaming} onClose={() => setRenaming(null)} />}
    </div>
  );
}
