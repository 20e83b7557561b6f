import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => {};

/** True in the browser once hydrated, false on the server and during hydration. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
