import type { ComponentChildren } from 'preact';
import style from './style.module.css';

interface Props {
  title?: ComponentChildren;
  actions?: ComponentChildren;
  children: ComponentChildren;
  testId?: string;
  /** Content that brings its own padding (tables). */
  flush?: boolean;
}

/** A titled card that groups one part of a page. */
export function Panel({ title, actions, children, testId, flush }: Props) {
  return (
    <section class={style.panel} data-testid={testId}>
      {(title || actions) && (
        <header class={style.head}>
          {title && <h2>{title}</h2>}
          {actions && <div class={style.actions}>{actions}</div>}
        </header>
      )}
      {/* A flush panel holds a table that may scroll sideways: focusable, so a keyboard can scroll it (axe scrollable-region-focusable). */}
      <div class={flush ? style.flush : style.body} tabIndex={flush ? 0 : undefined}>{children}</div>
    </section>
  );
}
