import { useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ChangePasswordForm } from '../../components/login/change-password-form';
import { roleLabel } from '../../lib/roles';
import { useAuth } from '../../lib/use-auth';
import style from './style.module.css';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';

/** The signed-in user's own password. Changing it signs out their other sessions (other PCs). */
export default function AccountPage() {
  const { t } = useT();
  const auth = useAuth();
  const [done, setDone] = useState(false);
  const user = auth.user;
  return (
    <>
      <PageHeader title={routeTitle({ id: 'account', title: 'My password' }, t)} description={t('account.description')} />
      <Panel title={user ? `${user.displayName || user.username} · ${roleLabel(user.role)}` : undefined}>
        <div class={style.form}>
          {done && (
            <p class={style.done} role="status" data-testid="password-changed">
              {t('account.changed')}
            </p>
          )}
          <ChangePasswordForm
            onChange={async (current, next) => {
              setDone(false);
              await auth.changePassword(current, next);
            }}
            onDone={() => setDone(true)}
          />
        </div>
      </Panel>
    </>
  );
}
