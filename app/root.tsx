import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "../analytics/roles";
import { inboxOf, inboxView } from "./.server/inbox";
import { optionalUser, requestEnv } from "./.server/session";
import { useNonce } from "./components/nonce";
import { navigationFor } from "./navigation";
import styles from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Mutu — Bravo Bea Cukai 1500225" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await optionalUser(request, context);
  // What waits for the user: its count in the navigation, its lines on the home page (read from here, once).
  let inbox: ReturnType<typeof inboxView> | null = null;
  if (user && !user.mustChangePassword) {
    const env = await requestEnv(request, context);
    const access = {
      userId: user.id,
      roles: user.roles,
      scope: "own" as const,
      staffId: user.staffId,
      teamId: user.teamId,
      groupName: user.groupName,
    };
    inbox = inboxView(await inboxOf(env.db, access, env.settings));
  }
  return {
    user: user && { displayName: user.displayName, username: user.username, roles: user.roles },
    inbox,
  };
}

type HeaderUser = NonNullable<Awaited<ReturnType<typeof loader>>["user"]>;

function NavList({ user, waiting }: { user: HeaderUser; waiting: number }) {
  return (
    <ul>
      {navigationFor(user.roles).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.to === "/"}>
            {item.label}
          </NavLink>
          {/* Beside the link, not in it: the link keeps its name, the number is read right after it. */}
          {item.to === "/" && waiting > 0 && (
            <span className="nav-count">
              {waiting}
              <span className="visually-hidden"> pekerjaan menunggu</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function UserMenu({ user }: { user: HeaderUser }) {
  return (
    <div className="user-menu">
      <span>
        <Link to="/profil" title="Profil dan kata sandi">
          {user.displayName}
        </Link>
        <br />
        <small>{user.roles.map((r) => ROLE_LABELS[r]).join(", ")}</small>
      </span>
      <Form method="post" action="/keluar">
        <button type="submit" className="secondary">
          Keluar
        </button>
      </Form>
    </div>
  );
}

function Header({ user, waiting }: { user: Awaited<ReturnType<typeof loader>>["user"]; waiting: number }) {
  const { pathname } = useLocation();
  return (
    <header className="site-header">
      <div className="inner">
        <Link to="/" className="brand">
          <strong>Mutu</strong>
          <span>Contact Center Bravo Bea Cukai 1500225</span>
        </Link>
        {user && (
          <>
            <nav className="main-nav" aria-label="Navigasi utama">
              <NavList user={user} waiting={waiting} />
            </nav>
            <UserMenu user={user} />
            {/* On a phone (CSS shows one or the other) the links and the user menu fold into one disclosure that
                works without scripts; keyed by the path, it closes again after each navigation. */}
            <details className="phone-menu" key={pathname}>
              <summary>Menu</summary>
              <div className="phone-menu-panel">
                <nav aria-label="Navigasi utama">
                  <NavList user={user} waiting={waiting} />
                </nav>
                <UserMenu user={user} />
              </div>
            </details>
          </>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#konten">
          Lewati ke konten utama
        </a>
        <Header user={data?.user ?? null} waiting={data?.inbox?.reduce((sum, g) => sum + g.count, 0) ?? 0} />
        <main id="konten" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          Mutu · Sesuai KEP-165/BC/2014 tentang Standar Operasional Prosedur Contact Center Bea dan Cukai
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

const ERROR_TEXT: Record<number, { title: string; text: string }> = {
  400: {
    title: "Isian tidak dapat diterima",
    text: "Permintaan ini berisi isian yang tidak dapat diproses. Tidak ada yang disimpan; kembali dan periksa isian Anda.",
  },
  403: {
    title: "Akses ditolak",
    text: "Peran Anda tidak mencakup halaman ini. Bila Anda memerlukannya untuk tugas Anda, hubungi administrator Mutu.",
  },
  404: {
    title: "Tidak ditemukan",
    text: "Halaman atau data yang Anda cari tidak ada, atau tidak termasuk wewenang Anda.",
  },
  413: {
    title: "Kiriman terlalu besar",
    text: "Isian atau berkas yang dikirim melebihi batas Mutu. Tidak ada yang disimpan.",
  },
  429: {
    title: "Tunggu sebentar",
    text: "Terlalu banyak perubahan dikirim dalam waktu singkat. Tunggu sebentar, lalu kirim lagi.",
  },
  503: {
    title: "Layanan belum tersedia",
    text: "Basis data sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.",
  },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = ERROR_TEXT[status];
  const message =
    isRouteErrorResponse(error) && typeof error.data?.message === "string" ? (error.data.message as string) : null;
  return (
    <div className="page page-narrow">
      <h1>{known?.title ?? "Terjadi kesalahan"}</h1>
      <p className="lead">
        {message ?? known?.text ?? "Maaf, terjadi kesalahan pada server. Kesalahan ini telah dicatat; coba lagi nanti."}
      </p>
      <p className="muted">Kode: {status}</p>
      <p>
        <Link to="/" className="button">
          Kembali ke beranda
        </Link>
      </p>
    </div>
  );
}
