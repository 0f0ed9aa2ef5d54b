// The request's Content-Security-Policy nonce, for the few inline scripts Remix writes into a page. The
// server renders with it; in the browser it is undefined (browsers hide a nonce from scripts), which is fine
// because scripts added after the first render are files from our own origin.
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
