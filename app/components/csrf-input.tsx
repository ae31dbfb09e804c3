import { useRouteLoaderData } from '@remix-run/react';
import type { RootLoader } from '~/root';

/** The hidden CSRF token every POST form carries (app/utils/csrf.server.ts, layer 2). */
export function CsrfInput() {
  const data = useRouteLoaderData<RootLoader>('root');
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ''} />;
}
