import type { ComponentChildren } from 'preact';
import style from './style.module.css';

interface Props {
  title: string;
  description?: ComponentChildren;
  actions?: ComponentChildren;
}

/** The page's h1 (focused on navigation so screen readers announce the new page). */
export function PageHeader({ title, description, actions }: Props) {
  return (
    <header class={style.header}>
      <div>
        <h1 tabIndex={-1} data-page-title>
          {title}
        </h1>
        {description && <p class={style.description}>{description}</p>}
      </div>
      {actions && <div class={style.actions}>{actions}</div>}
    </header>
  );
}
