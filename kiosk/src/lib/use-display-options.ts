import { useSyncExternalStore } from 'preact/compat';
import { displayOptions, type DisplayOptions } from './display-options';

/** The current display options (large text, high contrast); re-renders when they change. */
export function useDisplayOptions(): DisplayOptions {
  return useSyncExternalStore(displayOptions.subscribe, displayOptions.current);
}
