import { createContext, useContext } from 'react';

/** The per-request CSP nonce (server/security.ts) for Remix's inline scripts. */
const NonceContext = createContext<string>('');
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
