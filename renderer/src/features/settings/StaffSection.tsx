import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import {
  labelOf,
  staffUserSchema,
  USER_ROLES,
  type StaffUser,
  type UserRole,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { useSession } from '@renderer/app/session';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { fieldError } from './saveHelpers';
import {
  SettingsAddForm,
  SettingsEditDialog,
  SettingsNotice,
  useSettingsChange,
} from './SettingsList';

const staffFormSchema = staffUserSchema.pick({ fullName: true, role: true });
type StaffForm = { fullName: string; role: UserRole };

function StaffFields({
  form,
  autoFocus,
}: {
  form: ReturnType<typeof useStaffForm>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { register, formState } = form;
  return (
    <>
      <Field
        label={t('settings.staff.fullName')}
        required
        error={fieldError(formState.errors, 'fullName', lang)}
      >
        <input autoComplete="off" autoFocus={autoFocus} {...register('fullName')} />
      </Field>
      <Field label={t('settings.staff.role')} error={fieldError(formState.errors, 'role', lang)}>
        <select {...register('role')}>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {labelOf('userRole', role, lang)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

function useStaffForm(defaults: StaffForm) {
  return useForm<StaffForm>({ resolver: zodResolver(staffFormSchema), defaultValues: defaults });
}

/** Rename a staff member or change their role. */
function EditStaffDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useStaffForm({ fullName: user.fullName, role: user.role });
  return (
    <SettingsEditDialog
      title={t('settings.staff.editTitle')}
      formId="staff-edit"
      form={form}
      onClose={onClose}
      change={({ fullName, role }) =>
        (current) => ({
          ...current,
          users: current.users.map((u) => (u.id === user.id ? { ...u, fullName, role } : u)),
        })}
    >
      <StaffFields form={form} autoFocus />
    </SettingsEditDialog>
  );
}

/**
 * The office's staff. Nobody is ever deleted: every event in an appeal's history names who
 * did it, so former staff are deactivated and stay listed.
 */
export function StaffSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const { settings, user: me } = useSession();
  const addForm = useStaffForm({ fullName: '', role: 'assistant' });
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const { notice, run } = useSettingsChange();

  const activeCount = settings.users.filter((u) => u.active).length;
  const users = [...settings.users].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName, lang),
  );

  const add = addForm.handleSubmit(async ({ fullName, role }) => {
    const ok = await run(
      (current) => ({
        ...current,
        users: [...current.users, { id: newId(), fullName, role, active: true }],
      }),
      t('settings.staff.added', { name: fullName }),
    );
    if (ok) addForm.reset({ fullName: '', role });
  });

  const setActive = (target: StaffUser, active: boolean) =>
    run(
      (current) => ({
        ...current,
        users: current.users.map((u) => (u.id === target.id ? { ...u, active } : u)),
      }),
      t(active ? 'settings.staff.restored' : 'settings.staff.deactivated', {
        name: target.fullName,
      }),
    );

  return (
    <div className="settings-section">
      <p className="settings-lead">{t('settings.staff.lead')}</p>

      <table className="settings-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.staff.fullName')}</th>
            <th scope="col">{t('settings.staff.role')}</th>
            <th scope="col">{t('settings.staff.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const isMe = u.id === me.id;
            const lastActive = u.active && activeCount === 1;
            return (
              <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                <td>
                  <strong>{u.fullName}</strong>
                  {isMe && <span className="settings-tag">{t('settings.staff.you')}</span>}
                </td>
                <td>{labelOf('userRole', u.role, lang)}</td>
                <td>{u.active ? t('settings.staff.active') : t('settings.staff.inactive')}</td>
                <td className="settings-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('settings.staff.editOf', { name: u.fullName })}
                    onClick={() => setEditing(u)}
                  >
                    {t('common.actions.edit')}
                  </button>
                  {u.active ? (
                    <button
                      type="button"
                      className="button small"
                      disabled={isMe || lastActive}
                      title={isMe ? t('settings.staff.cannotDeactivateSelf') : undefined}
                      aria-label={t('settings.staff.deactivateOf', { name: u.fullName })}
                      onClick={() => void setActive(u, false)}
                    >
                      {t('settings.staff.deactivate')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('settings.staff.restoreOf', { name: u.fullName })}
                      onClick={() => void setActive(u, true)}
                    >
                      {t('settings.staff.restore')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SettingsNotice notice={notice} />

      <SettingsAddForm
        title={t('settings.staff.addTitle')}
        submitLabel={t('settings.staff.add')}
        onSubmit={add}
      >
        <StaffFields form={addForm} />
      </SettingsAddForm>
      <p className="settings-hint">{t('settings.staff.switchHint')}</p>

      {editing && <EditStaffDialog user={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
