import { Suspense } from 'preact/compat';
import { ACK_TIMEOUT_MS, APP_VERSION, IDLE_MS, WARNING_MS } from './config';
import { SCREENS, TIMED_SCREENS } from './screens';
import { useInactivity } from './lib/use-inactivity';
import { useKiosk } from './lib/use-kiosk';
import { useWedge } from './lib/use-wedge';
import { useFleetStatus, useRemoteScreenshot, type KioskSocket } from '@vitrina/contracts/client';
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
  // Fleet: the screen's name only (never who is at the kiosk), and a remote screenshot only of
  // the attract screen — a shopper's session, card or enrollment never goes to the console.
  useFleetStatus(socket, APP_VERSION, ACK_TIMEOUT_MS, { itemId: state.screen, itemName: state.screen, itemKind: 'kiosk-screen' }, null);
  useRemoteScreenshot(socket, ACK_TIMEOUT_MS, '#f6f4ef', () => (state.screen === 'attract' ? null : 'a shopper is using the kiosk'));

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
