import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useContext } from 'react';
// Remix 2 does not re-export the router state; its action data tells whether a form came back with errors.
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { SkipLink } from './components/ui/skip-link';
import { currentUser } from './models/user.server';
import { getCsrfToken } from './utils/csrf.server';
import { getSession } from './utils/session.server';
import { i18next, localeCookie } from './utils/i18next.server';
import { useNonce } from './utils/nonce-provider';
import appStyles from './styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const handle = { i18n: ['common', 'ui'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await i18next.getLocale(request);
  const csrf = await getCsrfToken(request);
  const user = await currentUser(await getSession(request));
  const headers = new Headers();
  // `?lng=` (the language switch link) persists the choice for the next visits.
  if (new URL(request.url).searchParams.has('lng')) headers.append('Set-Cookie', await localeCookie.serialize(locale));
  if (csrf.setCookie) headers.append('Set-Cookie', csrf.setCookie);
  return json({ locale, csrfToken: csrf.token, user }, { headers });
}

export type RootLoader = typeof loader;

const hasFormErrors = (data: unknown) => {
  const errors = data && typeof data === 'object' && 'errors' in data ? (data as { errors: unknown }).errors : null;
  return Array.isArray(errors) ? errors.length > 0 : !!errors && typeof errors === 'object' && Object.values(errors).some(Boolean);
};

/**
 * The page title: the deepest route's loader `title`, with "Fel:" in front while a form shows
 * errors (GOV.UK). Rendered here rather than by each route's `meta` because `meta` never sees
 * action data — and without JavaScript the title must say it on the server-rendered page too.
 */
function usePageTitle(): string | undefined {
  const matches = useMatches();
  const state = useContext(DataRouterStateContext);
  const { t } = useTranslation('ui');
  const title = [...matches].reverse().map((m) => (m.data as { title?: unknown } | undefined)?.title).find((v): v is string => typeof v === 'string');
  if (!title) return undefined;
  return Object.values(state?.actionData ?? {}).some(hasFormErrors) ? `${t('errorSummary.titlePrefix')} ${title}` : title;
}

export function Document({ children, lang, title }: { children: React.ReactNode; lang: string; title?: string }) {
  const nonce = useNonce();
  const pageTitle = usePageTitle();
  const shown = title ?? pageTitle;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {shown ? <title>{shown}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Layout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <div className="page-width">
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <SiteFooter />
    </>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return (
    <Document lang={locale}>
      <Layout>
        <Outlet />
      </Layout>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  // When no route matched, the root loader did not run: the server's i18n instance knows the language.
  const { t, i18n } = useTranslation('common');
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!isRouteErrorResponse(error)) console.error(error);
  const key = notFound ? 'errors.notFound' : 'errors.server';
  return (
    <Document lang={data?.locale ?? i18n.language ?? 'sv'} title={`${t(`${key}.title`)} – ${t('service.name')}`}>
      <Layout>
        <h1 className="heading-xl">{t(`${key}.title`)}</h1>
        <p className="body">{t(`${key}.body`)}</p>
        <p className="body">
          <a href="/">{t('errors.backToStart')}</a>
        </p>
      </Layout>
    </Document>
  );
}
