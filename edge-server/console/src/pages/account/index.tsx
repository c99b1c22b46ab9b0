import { useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ChangePasswordForm } from '../../components/login/change-password-form';
import { roleLabel } from '../../lib/roles';
import { useAuth } from '../../lib/use-auth';
import style from './style.module.css';

/** The signed-in user's own password. Changing it signs out their other sessions (other PCs). */
export default function AccountPage() {
  const auth = useAuth();
  const [done, setDone] = useState(false);
  const user = auth.user;
  return (
    <>
      <PageHeader title="My password" description="Change the password you sign in with. Your sessions on other computers end when you do." />
      <Panel title={user ? `${user.displayName || user.username} · ${roleLabel(user.role)}` : undefined}>
        <div class={style.form}>
          {done && (
            <p class={style.done} role="status" data-testid="password-changed">
              Your password has been changed.
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
