import type { ComponentChildren } from 'preact';
import type { StaffUser } from '@vitrina/contracts';
import { visibleRoutes, type RouteDef } from '../../routes';
import { hrefFor } from '../../lib/router';
import { onLinkClick } from '../../lib/use-location';
import { ROLE_LABELS } from '../../lib/roles';
import style from './style.module.css';

interface Props {
  user: StaffUser;
  base: string;
  current: RouteDef | null;
  onSignOut: () => void;
  children: ComponentChildren;
}

/** Side navigation (only the pages the role may open), top bar with the user, and the page. */
export function AppShell({ user, base, current, onSignOut, children }: Props) {
  return (
    <div class={style.shell}>
      <a class={style.skip} href="#main">
        Skip to content
      </a>
      <aside class={style.side}>
        <div class={style.sideInner}>
        <div class={style.brand}>
          <span class={style.logo} aria-hidden="true">
            V
          </span>
          <span>
            Vitrina <span class={style.brandSub}>Console</span>
          </span>
        </div>
        <nav aria-label="Main" data-testid="nav">
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
                  {r.title}
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
                {ROLE_LABELS[user.role]}
              </span>
            </span>
          </div>
          <button type="button" class="btn btn-small" onClick={onSignOut} data-testid="sign-out">
            Sign out
          </button>
        </header>
        <main id="main" class={style.main}>
          {children}
        </main>
      </div>
    </div>
  );
}
