import type { Health } from '@vitrina/contracts';
import { StatusChip, type Tone } from '../status-chip';
import { formatCount, formatDuration } from '../../lib/format';
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
  const scannerTone: Tone = h.scanner.status === 'ok' ? 'ok' : h.scanner.status === 'disabled' ? 'neutral' : 'bad';
  const scannersUp = h.scanner.devices.filter((d) => d.connected).length;
  return [
    {
      key: 'database',
      label: 'Database',
      tone: h.database.ok ? 'ok' : 'bad',
      state: h.database.ok ? 'OK' : 'Failing',
      detail: `Schema v${h.database.migration} · ${formatCount(h.database.customers)} customers`,
    },
    {
      key: 'model',
      label: 'Offer model',
      tone: h.model.status === 'loaded' ? 'ok' : 'warn',
      state: h.model.status === 'loaded' ? 'Loaded' : 'Fallback scorer',
      detail: h.model.status === 'loaded' ? `Model ${h.model.version ?? '?'} · features ${h.model.featureVersion}` : (h.model.reason ?? 'No valid model loaded.'),
    },
    {
      key: 'scanner',
      label: 'Card scanners',
      tone: scannerTone,
      state: h.scanner.status === 'ok' ? 'OK' : h.scanner.status === 'disabled' ? 'Disabled' : 'Unavailable',
      detail: h.scanner.reason ?? `${scannersUp} of ${h.scanner.devices.length} bound scanner(s) connected`,
    },
    {
      key: 'devices',
      label: 'Devices online',
      tone: h.devices.kiosksConnected + h.devices.screensConnected > 0 ? 'ok' : 'warn',
      state: `${h.devices.kiosksConnected + h.devices.screensConnected} online`,
      detail: `${h.devices.kiosksConnected} kiosk(s), ${h.devices.screensConnected} screen(s) connected`,
    },
  ];
}

/** The server's health at a glance (GET /api/health). */
export function HealthPanel({ health }: { health: Health }) {
  return (
    <section class={style.panel} data-testid="health-panel" data-status={health.status} aria-labelledby="health-title">
      <header class={style.head}>
        <h2 id="health-title">Store server</h2>
        <StatusChip tone={health.status === 'ok' ? 'ok' : 'warn'} testId="health-status">
          {health.status === 'ok' ? 'All systems OK' : 'Degraded'}
        </StatusChip>
        <span class={style.meta}>
          v{health.version} · up {formatDuration(health.uptimeS)}
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
