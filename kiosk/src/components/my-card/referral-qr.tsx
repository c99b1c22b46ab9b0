import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import type { MyCard } from '@vitrina/contracts';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/**
 * The shopper's referral QR, drawn here on the kiosk (nothing leaves the store), with the short
 * code beside it for a friend to type. A friend scans it at a kiosk while joining.
 */
export function ReferralQr({ referral }: { referral: MyCard['referral'] }) {
  const { t, fmt } = useT();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(referral.qrPayload, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [referral.qrPayload]);
  return (
    <section class={styles.panel} aria-labelledby="card-referral-title" data-testid="card-referral">
      <h2 id="card-referral-title">{t('card.referralTitle')}</h2>
      <div class={styles.referral}>
        {svg && (
          // The SVG comes from the QR library, drawn from our own payload: no shopper text in it.
          <div class={styles.qr} role="img" aria-label={t('card.referralQr')} data-testid="card-referral-qr" dangerouslySetInnerHTML={{ __html: svg }} />
        )}
        <div>
          <p class={styles.code} data-testid="card-referral-code">{referral.code}</p>
          <p>{t('card.referralText', { friend: fmt.points(referral.refereePoints), you: fmt.points(referral.referrerPoints) })}</p>
        </div>
      </div>
    </section>
  );
}
