import type { ComponentChildren } from 'preact';
import style from './style.module.css';

interface Props {
  /** Test id becomes `kpi-<name>`. */
  name: string;
  label: string;
  value: string;
  hint?: ComponentChildren;
}

/** One headline number with its label and an optional explanation underneath. */
export function KpiCard({ name, label, value, hint }: Props) {
  return (
    <div class={style.card} data-testid={`kpi-${name}`}>
      <div class={style.label}>{label}</div>
      <div class={style.value} data-testid={`kpi-${name}-value`}>
        {value}
      </div>
      {hint && <div class={style.hint}>{hint}</div>}
    </div>
  );
}

export function KpiGrid({ children }: { children: ComponentChildren }) {
  return <div class={style.grid}>{children}</div>;
}
