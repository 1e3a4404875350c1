import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "react-router";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "./components/layout";
import { FlashMessage } from "./components/flash-message";
import { NoticeChangedBanner } from "./components/auth/notice-banner";
import { RouteErrorBoundary } from "./components/error-boundary";
import { takeFlash } from "./utils/flash.server";
import { useShouldHydrate } from "./utils/hydration";
import { useNonce } from "./utils/nonce";
import { OfflineRegistration } from "./components/offline-registration";
import stylesHref from "./styles/app.css?url";
import { getUser } from "~/routes/helpers/session.server";
import { getOrganisation, siteShare } from "~/modules/organisation/index.server";
import { needsNoticeReread } from "~/modules/auth/index.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.organisation.name ?? "Steppingstone" },
  { name: "description", content: data?.organisation.tagline ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = getUser(request);
  const organisation = getOrganisation();
  const { flash, clearCookie } = takeFlash(request);
  return data(
    {
      user: user ? { name: user.name, roles: user.roles, emailVerified: user.emailVerified } : null,
      // A newer privacy notice than the one the person last read: a banner asks them to read it (ADR 0023).
      noticeChanged: user ? needsNoticeReread(user.id) : false,
      organisation: { name: organisation.name, tagline: organisation.tagline, contactEmail: organisation.contactEmail },
      share: siteShare(),
      flash,
    },
    clearCookie ? { headers: { "Set-Cookie": clearCookie } } : undefined,
  );
}

export type RootLoaderData = typeof loader;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  const hydrate = useShouldHydrate();
  return (
    <html lang="en-NG">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5e55" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader organisationName={root?.organisation.name ?? "Steppingstone"} user={root?.user ?? null} />
        <main id="main" className="page" tabIndex={-1}>
          {root?.flash ? <FlashMessage flash={root.flash} /> : null}
          {root?.noticeChanged ? <NoticeChangedBanner /> : null}
          {children}
        </main>
        <SiteFooter organisationName={root?.organisation.name ?? "Steppingstone"} contactEmail={root?.organisation.contactEmail ?? ""} />
        {root?.user ? <OfflineRegistration nonce={nonce} /> : null}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
