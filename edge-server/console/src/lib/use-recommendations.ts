import { ROUTES } from '@vitrina/contracts';
import { api } from './api';
import { useAction, useApi } from './use-api';

/** Polls fast while a training run is in progress (its phase changes), slowly otherwise. */
const WHILE_TRAINING_MS = 2_000;
const IDLE_MS = 30_000;

/** The store's ranker state (GET /api/v1/recommendations) and the "Train now" action. */
export function useRecommendations() {
  const state = useApi(ROUTES.recommendations.state, { refreshMs: IDLE_MS });
  const running = state.data?.training.running ?? false;
  const fast = useApi(ROUTES.recommendations.state, { refreshMs: WHILE_TRAINING_MS, skip: !running });
  const train = useAction(async () => {
    const started = await api.call(ROUTES.recommendations.train);
    state.reload();
    return started;
  });
  // While training, the fast poll's answer is the fresher one; when it ends, reload the slow one.
  const data = running && fast.data ? fast.data : state.data;
  if (running && fast.data && !fast.data.training.running) state.reload();
  return { state: { ...state, data }, train };
}
