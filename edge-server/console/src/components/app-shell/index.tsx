import type { ComponentChildren } from 'preact';
import type { StaffUser } from '@vitrina/contracts';
import { visibleRoutes, type RouteDef } from '../../routes';
import { hrefFor } from '../../lib/router';
import { onLinkClick } from '../../lib/use-location';
import { chooseLanguage } from '../../lib/i18n';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import { LANGUAGES, isLanguage, type StaffRole } from '@vitrina/contracts';
import type { TFunction } from 'i18next';
import style from './style.module.css';

interface Props {
  user: StaffUser;
  base: string;
  current: RouteDef | null;
  onSignOut: () => void;
  children: ComponentChildren;
}

/** The role's name; literal keys so the catalogue test sees them. */
function roleLabel(role: StaffRole, t: TFunction): string {
  switch (role) {
    case 'admin':
      return t('roles.admin');
    case 'marketer':
      return t('roles.marketer');
    case 'staff':
      return t('roles.staff');
  }
}

/**
 * Side navigation (only the pages the role may open), top bar with the user, the language switch
 * (remembered in this browser) and the page.
 */
export function AppShell({ user, base, current, onSignOut, children }: Props) {
  const { t, language } = useT();
  return (
    <div class={style.shell}>
      <a class={style.skip} href="#main">
        {t('shell.skip')}
      </a>
      <aside class={style.side}>
        <div class={style.sideInner}>
        <div class={style.brand}>
          <span class={style.logo} aria-hidden="true">
            V
          </span>
          <span>
            Vitrina <span class={style.brandSub}>{t('shell.brandSub')}</span>
          </span>
        </div>
        <nav aria-label={t('shell.mainNav')} data-testid="nav">
          <ul class={style.nav}>
            {visibleRoutes(user.role).map((r) => (
              <li key={r.id}>
                <a
                  href={hrefFor(base, r.path)}
                  onClick={onLinkClick}
                  class={current?.id === r.id ? style.active : undefined}
                  aria-current={current?.id === r.id ? 'page' : undefined}
                  data-testid={`nav-${r.id}`}
                >
                  {routeTitle(r, t)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        </div>
      </aside>
      <div class={style.column}>
        <header class={style.top}>
          <div class={style.user} data-testid="current-user">
            <span class={style.avatar} aria-hidden="true">
              {user.username.slice(0, 1).toUpperCase()}
            </span>
            <span>
              <span class={style.username}>{user.username}</span>
              <span class={style.role} data-testid="current-role">
                {roleLabel(user.role, t)}
              </span>
            </span>
          </div>
          <label class={style.language}>
            <span class="visually-hidden">{t('shell.language')}</span>
            <select
              class="select"
              value={language}
              data-testid="language-select"
              onChange={(e) => isLanguage(e.currentTarget.value) && chooseLanguage(e.currentTarget.value)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {l === 'en' ? t('languages.en') : t('languages.ru')}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="btn btn-small" onClick={onSignOut} data-testid="sign-out">
            {t('shell.signOut')}
          </button>
        </header>
        <main id="main" class={style.main}>
          {children}
        </main>
      </div>
    </div>
  );
}
