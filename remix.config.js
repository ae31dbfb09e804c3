/**
 * Remix classic compiler (ADR 001). Future flags the classic compiler supports are on so that
 * the later move to Vite / React Router 7 is a small step; single fetch and route config are
 * explicitly off because they change data loading semantics we rely on.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // Server-only packages that must not be bundled (native/WASM assets, fs access).
  serverDependenciesToBundle: [],
  browserNodeBuiltinsPolyfill: { modules: {} },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
    v3_routeConfig: false,
  },
};
