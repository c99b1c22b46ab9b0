import { ROUTES, type PublishCampaignRequest, type PublishPromotionRequest } from '@vitrina/contracts';
import { api } from './api';
import { useAction, useApi } from './use-api';

/** What head office published, newest first (both pages show it under their list). */
function useHistory() {
  return useApi(ROUTES.headOffice.publications);
}

/**
 * Head office's campaigns page: every campaign at its last publication (what an edit starts
 * from), the publication history, and publishing (a new campaign or its next version).
 */
export function useHqCampaigns() {
  const published = useApi(ROUTES.headOffice.publishedCampaigns);
  const history = useHistory();
  const publish = useAction(async (body: PublishCampaignRequest) => {
    const p = await api.call(ROUTES.headOffice.publishCampaign, { body });
    published.reload();
    history.reload();
    return p;
  });
  return { published, history, publish };
}

/** Head office's promotions page: the same for promotions. */
export function useHqPromotions() {
  const published = useApi(ROUTES.headOffice.publishedPromotions);
  const history = useHistory();
  const publish = useAction(async (body: PublishPromotionRequest) => {
    const p = await api.call(ROUTES.headOffice.publishPromotion, { body });
    published.reload();
    history.reload();
    return p;
  });
  return { published, history, publish };
}
