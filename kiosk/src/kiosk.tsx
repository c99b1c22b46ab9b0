import { Suspense } from 'preact/compat';
import { IDLE_MS, WARNING_MS } from './config';
import { SCREENS, TIMED_SCREENS } from './screens';
import { useInactivity } from './lib/use-inactivity';
import { useKiosk } from './lib/use-kiosk';
import { useWedge } from './lib/use-wedge';
import type { KioskSocket } from '@vitrina/contracts/client';
import { InactivityWarning } from './components/inactivity-warning';
import { ProblemToast } from './components/problem-toast';

interface Props {
  socket: KioskSocket | null;
  online: boolean;
}

/** The shopper-facing kiosk once paired: the current screen plus its overlays. */
export function Kiosk({ socket, online }: Props) {
  const [state, actions] = useKiosk(socket, online);
  useWedge((code) => actions.identify(code, 'wedge'));
  const idle = useInactivity(TIMED_SCREENS.has(state.screen), IDLE_MS, WARNING_MS, () => actions.finish('timeout'));
  const ScreenComponent = SCREENS[state.screen];

  return (
    <>
      <Suspense fallback={<div class="screen-loading" />}>
        <ScreenComponent state={state} actions={actions} />
      </Suspense>
      {idle.phase === 'warning' && (
        <InactivityWarning secondsLeft={idle.secondsLeft} onExtend={idle.extend} onFinish={() => actions.finish('done')} />
      )}
      {state.problem && <ProblemToast key={state.problem.seq} problemKey={state.problem.key} onDismiss={actions.dismissProblem} />}
    </>
  );
}
