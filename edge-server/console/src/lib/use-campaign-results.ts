import { useEffect, useState } from 'preact/hooks';
import type { Campaign, CampaignMeasurementView } from '@vitrina/contracts';
import { api } from './api';
import { ApiError } from './api-error';
import { campaignRow, type CampaignRow } from './analytics';
import { EP } from './endpoints';
import type { Query } from './use-api';

export interface CampaignResults {
  rows: CampaignRow[];
  /** Campaigns whose measurement failed, with the reason (one bad campaign never blanks the table). */
  failed: { id: string; name: string; message: string }[];
}

/**
 * The analytics API measures one campaign at a time, so the table is the campaign list joined
 * with one measurement request per campaign (a store runs a handful of campaigns at once).
 */
export function useCampaignResults(campaigns: Query<Campaign[]>): Query<CampaignResults> {
  const [data, setData] = useState<CampaignResults | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (campaigns.error && !campaigns.data) {
      setError(campaigns.error);
      setLoading(false);
      return;
    }
    const list = campaigns.data;
    if (!list) return;
    let live = true;
    setLoading(true);
    Promise.all(
      list.map((c) =>
        api.get<CampaignMeasurementView>(EP.analyticsCampaign(c.id)).then(
          (m) => ({ ok: true as const, row: campaignRow(m, c) }),
          (e: unknown) => ({ ok: false as const, id: c.id, name: c.name, error: e }),
        ),
      ),
    ).then((results) => {
      if (!live) return;
      // Every measurement 404-ing as a missing route means the server has no analytics at all.
      const routeMissing = results.length > 0 && results.every((r) => !r.ok && r.error instanceof ApiError && r.error.isNotAvailable);
      if (routeMissing) {
        setError((results[0] as { error: ApiError }).error);
      } else {
        setData({
          rows: results.flatMap((r) => (r.ok ? [r.row] : [])),
          failed: results.flatMap((r) => (r.ok ? [] : [{ id: r.id, name: r.name, message: r.error instanceof Error ? r.error.message : 'failed' }])),
        });
        setError(undefined);
      }
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [campaigns.data, campaigns.error, tick]);

  return { data, error, loading, reload: () => { campaigns.reload(); setTick((n) => n + 1); } };
}
