import type { Health } from '@vitrina/contracts';
import { StatusChip, type Tone } from '../status-chip';
import { formatCount, formatDuration } from '../../lib/format';
import { consoleI18n } from '../../lib/i18n';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

interface Row {
  key: string;
  label: string;
  tone: Tone;
  state: string;
  detail: string;
}

/** Turns the Health contract into one row per part a technician checks. */
export function healthRows(h: Health): Row[] {
  const { t } = consoleI18n.current();
  const scannerTone: Tone = h.scanner.status === 'ok' ? 'ok' : h.scanner.status === 'disabled' ? 'neutral' : 'bad';
  const scannersUp = h.scanner.devices.filter((d) => d.connected).length;
  return [
    {
      key: 'database',
      label: t('health.database'),
      tone: h.database.ok ? 'ok' : 'bad',
      state: h.database.ok ? t('health.ok') : t('health.failing'),
      detail: t('health.databaseDetail', { migration: h.database.migration, count: h.database.customers, n: formatCount(h.database.customers) }),
    },
    {
      key: 'model',
      label: t('health.model'),
      // A baseline chosen by the store's last decision is a healthy state, not a fallback.
      tone: h.model.status === 'fallback' ? 'warn' : 'ok',
      state: h.model.status === 'loaded' ? t('health.loaded') : h.model.status === 'baseline' ? t('health.ok') : t('health.fallback'),
      detail: h.model.status === 'loaded'
        ? t('health.modelDetail', { version: h.model.version ?? '?', features: h.model.featureVersion })
        : h.model.status === 'baseline' ? (h.model.version ?? '') : (h.model.reason ?? t('health.noModel')),
    },
    {
      key: 'scanner',
      label: t('health.scanners'),
      tone: scannerTone,
      state: h.scanner.status === 'ok' ? t('health.ok') : h.scanner.status === 'disabled' ? t('health.disabled') : t('health.unavailable'),
      detail: h.scanner.reason ?? t('health.scannersDetail', { up: scannersUp, total: h.scanner.devices.length }),
    },
    {
      key: 'devices',
      label: t('health.devices'),
      tone: h.devices.kiosksConnected + h.devices.screensConnected > 0 ? 'ok' : 'warn',
      state: t('health.devicesOnline', { n: h.devices.kiosksConnected + h.devices.screensConnected }),
      detail: t('health.devicesDetail', { kiosks: h.devices.kiosksConnected, screens: h.devices.screensConnected }),
    },
  ];
}

/** The server's health at a glance (GET /api/health). */
export function HealthPanel({ health }: { health: Health }) {
  const { t } = useT();
  return (
    <section class={style.panel} data-testid="health-panel" data-status={health.status} aria-labelledby="health-title">
      <header class={style.head}>
        <h2 id="health-title">{t('health.title')}</h2>
        <StatusChip tone={health.status === 'ok' ? 'ok' : 'warn'} testId="health-status">
          {health.status === 'ok' ? t('health.allOk') : t('health.degraded')}
        </StatusChip>
        <span class={style.meta}>
          {t('health.meta', { version: health.version, uptime: formatDuration(health.uptimeS) })}
        </span>
      </header>
      <dl class={style.rows}>
        {healthRows(health).map((r) => (
          <div class={style.row} key={r.key} data-testid={`health-${r.key}`}>
            <dt>{r.label}</dt>
            <dd>
              <StatusChip tone={r.tone}>{r.state}</StatusChip>
              <span class={style.detail}>{r.detail}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
