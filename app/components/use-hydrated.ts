import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/** False on the server and while hydrating, true once scripts run: for what only works with scripts. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
