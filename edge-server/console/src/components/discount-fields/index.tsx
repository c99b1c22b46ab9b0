import type { DiscountKind } from '@vitrina/contracts';
import { DISCOUNT_KIND_CHOICES, discountHint, discountKindLabel } from '../../lib/forms';

/**
 * A discount's kind (percent, amount, fixed price, points) and its value, the value field labelled
 * with what it holds for that kind ("Amount off (RUB)"). Two grid cells, for the offer, campaign
 * and promotion forms alike; each form keeps its own test ids.
 */
export function DiscountFields({ label, kind, value, onKind, onValue, testIds }: {
  label: string;
  kind: DiscountKind;
  value: string;
  onKind: (kind: DiscountKind) => void;
  onValue: (value: string) => void;
  testIds: { kind: string; value: string };
}) {
  return (
    <>
      <label class="field">
        <span>{label}</span>
        <select class="select" value={kind} onChange={(e) => onKind(e.currentTarget.value as DiscountKind)} data-testid={testIds.kind}>
          {DISCOUNT_KIND_CHOICES.map((k) => (
            <option key={k} value={k}>
              {discountKindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{discountHint(kind)}</span>
        <input class="input" inputMode="decimal" value={value} onInput={(e) => onValue(e.currentTarget.value)} data-testid={testIds.value} />
      </label>
    </>
  );
}
