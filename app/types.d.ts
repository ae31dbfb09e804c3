import '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's IP address as Express resolved it under TRUST_PROXY. */
    clientIp: string;
  }
}
