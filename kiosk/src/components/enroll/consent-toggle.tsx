import styles from './style.module.css';

interface Props {
  id: string;
  title: string;
  text: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A whole-row checkbox: easy to hit on a touch screen, the sentence is part of the label. */
export function ConsentToggle({ id, title, text, checked, onChange }: Props) {
  return (
    <label class={`${styles.consent} ${checked ? styles.on : ''}`} data-testid={`consent-${id}`}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class={styles.box} aria-hidden="true">
        <svg viewBox="0 0 24 24">
          <path fill="none" stroke="currentColor" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round" d="m5 12.5 4.5 4.5L19 7.5" />
        </svg>
      </span>
      <span class={styles.consentText}>
        <strong>{title}</strong>
        <span>{text}</span>
      </span>
    </label>
  );
}
