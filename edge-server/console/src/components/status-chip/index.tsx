import type { ComponentChildren } from 'preact';
import type { Tone } from '../../lib/tone';
import style from './style.module.css';

export type { Tone };

interface Props {
  tone: Tone;
  children: ComponentChildren;
  title?: string;
  testId?: string;
}

/** A small coloured label; the text always says the state too, colour is never the only cue. */
export function StatusChip({ tone, children, title, testId }: Props) {
  return (
    <span class={`${style.chip} ${style[tone]}`} title={title} data-testid={testId} data-tone={tone}>
      <span class={style.dot} aria-hidden="true" />
      {children}
    </span>
  );
}
