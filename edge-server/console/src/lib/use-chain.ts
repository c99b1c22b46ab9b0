import { ROUTES, type RegisterStoreRequest } from '@vitrina/contracts';
import { api } from './api';
import { useAction, useApi } from './use-api';

/** The chain's stores refresh often: lag and health are what head office watches. */
const STORES_MS = 10_000;

/** Head office's chain page: stores (health, lag), publications, dead letters and the chain model. */
export function useChain(isAdmin: boolean) {
  const stores = useApi(ROUTES.headOffice.stores, { refreshMs: STORES_MS });
  const publications = useApi(ROUTES.headOffice.publications);
  const deadLetters = useApi(ROUTES.headOffice.deadLetters, { skip: !isAdmin });
  const model = useApi(ROUTES.headOffice.model, { refreshMs: STORES_MS });
  const register = useAction(async (body: RegisterStoreRequest) => {
    const saved = await api.call(ROUTES.headOffice.registerStore, { body });
    stores.reload();
    return saved;
  });
  const train = useAction(async () => {
    const started = await api.call(ROUTES.headOffice.trainModel);
    model.reload();
    return started;
  });
  return { stores, publications, deadLetters, model, register, train };
}
