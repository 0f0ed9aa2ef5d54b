import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { scopeGaps } from "~/.server/scope";
import { requirePermission } from "~/.server/session";
import { Inbox } from "~/components/inbox";
import { RoleTasks } from "~/components/role-tasks";
import type { loader as rootLoader } from "~/root";
import { periodOf } from "../../analytics/period";
import { ROLE_LABELS } from "../../analytics/roles";

export const meta: MetaFunction = () => [{ title: "Beranda — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read:home");
  // The inbox itself comes with the root loader, which also counts it for the navigation.
  return {
    displayName: user.displayName,
    roles: user.roles,
    period: periodOf(new Date()).label,
    gaps: scopeGaps(user),
  };
}

export default function Home() {
  const { displayName, roles, period, gaps } = useLoaderData<typeof loader>();
  const inbox = useRouteLoaderData<typeof rootLoader>("root")?.inbox ?? [];
  return (
    <div className="page">
      <h1>Selamat datang, {displayName}</h1>
      <p className="lead">
        Mutu membantu Tim Penjamin Kualitas Layanan menilai petugas secara objektif sesuai KEP-165/BC/2014.
      </p>
      <div className="period-banner">
        <strong>Periode berjalan:</strong> {period}
      </div>
      {gaps.map((gap) => (
        <p key={gap} className="alert alert-info">
          {gap}
        </p>
      ))}
      <Inbox groups={inbox} />
      {roles.map((role) => (
        <RoleTasks key={role} role={role} label={ROLE_LABELS[role]} />
      ))}
    </div>
  );
}
