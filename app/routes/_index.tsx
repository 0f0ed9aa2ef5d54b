import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { refresherSummary } from "~/.server/refreshers";
import { requirePermission } from "~/.server/session";
import { RefresherCard } from "~/components/refresher-card";
import { RoleTasks } from "~/components/role-tasks";
import { can } from "~/permissions";
import { periodOf } from "../../analytics/period";
import { ROLE_LABELS } from "../../analytics/roles";

export const meta: MetaFunction = () => [{ title: "Beranda — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "read:home");
  // HR and the QA coordinator, who hold training, see who is due for a refresher.
  const refreshers = can(user.roles, "manage:training_record") ? await refresherSummary(env.db) : null;
  return { displayName: user.displayName, roles: user.roles, period: periodOf(new Date()).label, refreshers };
}

export default function Home() {
  const { displayName, roles, period, refreshers } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Selamat datang, {displayName}</h1>
      <p className="lead">
        Mutu membantu Tim Penjamin Kualitas Layanan menilai petugas secara objektif sesuai KEP-165/BC/2014.
      </p>
      <div className="period-banner">
        <strong>Periode berjalan:</strong> {period}
      </div>
      {refreshers && <RefresherCard summary={refreshers} />}
      {roles.map((role) => (
        <RoleTasks key={role} role={role} label={ROLE_LABELS[role]} />
      ))}
    </div>
  );
}
