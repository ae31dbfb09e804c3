import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
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

export function Document({ children, lang, title }: { children: React.ReactNode; lang: string; title?: string }) {
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {title ? <title>{title}</title> : null}
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
