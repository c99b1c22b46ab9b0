import { ROUTES } from '@vitrina/contracts';
import { useApi } from './use-api';

/** Chain KPIs over a window, and the lift of one published campaign (null: none chosen). */
export function useChainAnalytics(window: { from?: string; to?: string }, campaignId: string | null) {
  const kpis = useApi(ROUTES.headOffice.kpis, { query: window });
  const publications = useApi(ROUTES.headOffice.publications);
  const lift = useApi(ROUTES.headOffice.campaignLift, { params: { id: campaignId ?? '-' }, skip: !campaignId });
  const campaigns = [...new Map((publications.data ?? []).filter((p) => p.kind === 'campaigns').map((p) => [p.entityId, p])).values()];
  return { kpis, lift, campaigns };
}
