import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type Campaign, type CampaignMeasurementView } from '@vitrina/contracts';
import { api } from './api';
import { ApiError } from './api-error';
import { campaignRow, type CampaignRow } from './analytics';
import type { Query } from './use-api';

export interface CampaignResults {
  rows: CampaignRow[];
  /** Campaigns whose measurement failed, with the reason (one bad campaign never blanks the table). */
  failed: { id: string; name: string; message: string }[];
}

export type Settled = { ok: true; campaign: Campaign; measurement: CampaignMeasurementView } | { ok: false; campaign: Campaign; error: unknown };

/**
 * Joins the campaign list with each campaign's measurement. Every measurement failing because
 * the route is missing means the server has no analytics: that is an error for the whole table.
 */
export function joinCampaignResults(settled: readonly Settled[]): { data: CampaignResults } | { error: ApiError } {
  const first = settled[0];
  if (first && !first.ok && settled.every((r) => !r.ok && r.error instanceof ApiError && r.error.isNotAvailable)) return { error: first.error as ApiError };
  return {
    data: {
      rows: settled.flatMap((r) => (r.ok ? [campaignRow(r.measurement, r.campaign)] : [])),
      failed: settled.flatMap((r) => (r.ok ? [] : [{ id: r.campaign.id, name: r.campaign.name, message: r.error instanceof Error ? r.error.message : 'failed' }])),
    },
  };
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
      list.map(
        (campaign): Promise<Settled> =>
          api.call(ROUTES.analytics.campaign, { params: { id: campaign.id } }).then(
            (measurement) => ({ ok: true, campaign, measurement }),
            (error: unknown) => ({ ok: false, campaign, error }),
          ),
      ),
    ).then((settled) => {
      if (!live) return;
      const joined = joinCampaignResults(settled);
      if ('error' in joined) {
        setError(joined.error);
      } else {
        setData(joined.data);
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
