import { useEffect, useRef } from 'preact/hooks';
import JsBarcode from 'jsbarcode';
import { groupDigits } from '../../lib/card-number';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  /** The 13-digit EAN-13 the store issued at this enrollment (from the enroll ack, session state only). */
  number: string;
}

/**
 * The card number a shopper who joined with a phone number was just given: large grouped digits
 * to copy, and an EAN-13 barcode (what the tills' scanners read) to photograph. Shown once, on
 * this kiosk in this session; the server keeps only its HMAC.
 */
export function VirtualCard({ number }: Props) {
  const { t } = useT();
  const barcode = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!barcode.current) return;
    // JsBarcode draws into the SVG (bars + the human-readable digits GS1 prints under them).
    JsBarcode(barcode.current, number, { format: 'EAN13', width: 4, height: 120, fontSize: 26, margin: 16, background: '#ffffff', lineColor: '#111111' });
  }, [number]);
  const grouped = groupDigits(number);
  return (
    <section class={styles.card} data-testid="virtual-card" aria-labelledby="virtual-card-title">
      <div class={styles.text}>
        <h2 id="virtual-card-title">{t('virtualCard.title')}</h2>
        <p class={styles.number} data-testid="virtual-card-number" aria-label={t('virtualCard.numberLabel', { number: [...number].join(' ') })}>
          {grouped}
        </p>
        <p class={styles.explain}>{t('virtualCard.explain')}</p>
        <p class={styles.photo}>{t('virtualCard.photo')}</p>
      </div>
      <svg ref={barcode} class={styles.barcode} data-testid="virtual-card-barcode" role="img" aria-label={t('virtualCard.barcodeLabel')} />
    </section>
  );
}
