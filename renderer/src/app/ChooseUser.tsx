import { useTranslation } from 'react-i18next';
import { labelOf, type StaffUser } from '@shared/domain';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { useLang } from '../ui/useLang';
import { DemoGateNote } from '@renderer/features/demo';

/** Who is at the keyboard: every change will carry this name. */
export function ChooseUser({
  users,
  onChoose,
}: {
  users: StaffUser[];
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="gate">
      <div className="gate-card">
        <div className="gate-lang">
          <LanguageSwitcher />
        </div>
        <h1>{t('session.chooseTitle')}</h1>
        <p className="lead">{t('session.chooseLead')}</p>
        <DemoGateNote />
        <ul className="user-list">
          {users.map((user, i) => (
            <li key={user.id}>
              <button
                type="button"
                className="button user-button"
                autoFocus={i === 0}
                onClick={() => onChoose(user.id)}
              >
                <strong>{user.fullName}</strong>
                <span>{labelOf('userRole', user.role, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
