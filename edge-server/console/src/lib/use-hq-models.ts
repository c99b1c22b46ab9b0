import { ROUTES } from '@vitrina/contracts';
import { api } from './api';
import { useAction, useApi } from './use-api';

const REFRESH_MS = 10_000;

/** Head office's model page: training runs and decisions, the model publications, each store's gate outcome. */
export function useHqModels(canTrain: boolean) {
  const model = useApi(ROUTES.headOffice.model, { refreshMs: REFRESH_MS });
  const gates = useApi(ROUTES.headOffice.modelGates, { refreshMs: REFRESH_MS });
  const stores = useApi(ROUTES.headOffice.stores);
  const train = useAction(async () => {
    if (!canTrain) throw new Error('admins only');
    const started = await api.call(ROUTES.headOffice.trainModel);
    model.reload();
    return started;
  });
  return { model, gates, stores, train };
}
