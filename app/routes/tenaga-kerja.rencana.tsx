import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/.server/session";
import { staffingPage } from "~/.server/workforce-page";
import { DownloadLink } from "~/components/download-link";
import { FormError, SelectField, TextField } from "~/components/field";
import { ImportHint } from "~/components/import-hint";
import { ModelNotice, ModelTotalsTable, PlanHeadline } from "~/components/staffing-models";
import { DayTable, WeekGrid } from "~/components/staffing-tables";
import { WhatIfForm, WhatIfNotice } from "~/components/staffing-what-if";
import { can } from "~/permissions";
import { formatDay, weekdayName } from "../../analytics/dates";
import { CHANNELS } from "../../analytics/organization";

export const meta: MetaFunction = () => [{ title: "Rencana kebutuhan staf — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, user } = await requirePermission(request, context, "read:workforce");
  const page = await staffingPage(env.db, env.settings, new URL(request.url).searchParams);
  return {
    ...page,
    canExport: can(user.roles, "export:staffing"),
    canImport: can(user.roles, "import:intervals"),
    canSetTargets: can(user.roles, "update:settings"),
  };
}

export default function StaffingPlan() {
  const d = useLoaderData<typeof loader>();
  const c = d.channel;
  const simulated = d.whatIf.query ? `&${d.whatIf.query}` : "";
  const link = (week: string, day?: string) =>
    `/tenaga-kerja/rencana?minggu=${week}&kanal=${c.channel}${simulated}${day ? `&hari=${day}#hari` : ""}`;
  const t = c.targets;
  const dayIndex = d.week.days.indexOf(d.day);
  return (
    <div className="page">
      <h1>Rencana kebutuhan staf</h1>
      <p className="lead">
        {c.label}, {d.week.label}. Perkiraan dari rata-rata hari dan interval yang sama selama {d.basis.label}. Target:{" "}
        {Math.round(t.serviceLevel * 100)} % dijawab dalam {t.answerSeconds} detik, okupansi paling tinggi{" "}
        {Math.round(t.maxOccupancy * 100)} %, waktu tidak tersedia (<i lang="en">shrinkage</i>){" "}
        {Math.round(t.shrinkage * 100)} % (
        {simulated ? (
          "simulasi, tidak disimpan"
        ) : d.canSetTargets ? (
          <Link to="/admin/pengaturan">Pengaturan</Link>
        ) : (
          "diatur Administrator di Pengaturan"
        )}
        ).
      </p>
      <FormError message={d.error ?? undefined} />
      <div className="toolbar">
        <Form method="get" className="filters">
          <TextField name="minggu" label="Minggu" type="week" defaultValue={d.week.id} hint="Format 2026-W49" />
          <SelectField
            name="kanal"
            label="Saluran"
            defaultValue={c.channel}
            options={CHANNELS.map((ch) => ({ value: ch.code, label: ch.short }))}
          />
          <button type="submit">Tampilkan</button>
        </Form>
        {d.canExport && (
          <DownloadLink
            className="button secondary"
            href={`/tenaga-kerja/unduh?minggu=${d.week.id}${simulated ? `&kanal=${c.channel}${simulated}` : ""}`}
          >
            {simulated ? "Unduh rencana dengan simulasi (.xlsx)" : "Unduh rencana minggu ini (.xlsx)"}
          </DownloadLink>
        )}
      </div>
      <WhatIfNotice label={c.label} whatIf={d.whatIf} />
      <WhatIfForm
        label={c.label}
        whatIf={d.whatIf}
        targets={d.settingsTargets}
        keep={{ minggu: d.week.id, kanal: c.channel, hari: d.day }}
        plain={link(d.week.id).replace(simulated, "")}
      />
      <nav className="pager" aria-label="Minggu">
        <Link to={link(d.week.previous)} rel="prev">
          ← Minggu sebelumnya
        </Link>
        <Link to={`/tenaga-kerja/rencana?kanal=${c.channel}`}>Minggu ini</Link>
        <Link to={link(d.week.next)} rel="next">
          Minggu berikutnya →
        </Link>
        <Link to={`/tenaga-kerja/jadwal?minggu=${d.week.id}`}>Jadwal dinas minggu ini</Link>
      </nav>
      {!c.hasHistory && (
        <p className="alert alert-info">
          Belum ada statistik interval {c.label} pada {d.basis.label}: perkiraan 0 kontak.{" "}
          <ImportHint kind="intervals" what="statistik interval" canImport={d.canImport} />
        </p>
      )}
      <ModelNotice model={c.model} patience={c.patience} basisLabel={d.basis.label} canSetTargets={d.canSetTargets} />
      <PlanHeadline week={c.week} model={c.model} />
      <h2>Minggu sekilas</h2>
      <p className="legend">
        <span className="status-kurang">Kurang</span> dijadwalkan lebih sedikit dari posisi yang dibutuhkan ·{" "}
        <span className="status-cukup">Cukup</span> · <span className="status-lebih">Lebih</span> kelebihan lebih dari
        satu orang atau 20 % dari posisi. Pilih hari untuk rinciannya.
      </p>
      <WeekGrid intervals={d.weekCells} days={d.week.days} dayLink={(day) => link(d.week.id, day)} model={c.model} />
      <h2 id="hari">
        {weekdayName(dayIndex + 1)}, {formatDay(d.day)}
      </h2>
      <nav className="tabs" aria-label="Hari">
        <ul>
          {d.week.days.map((day, i) => (
            <li key={day}>
              <Link to={link(d.week.id, day)} aria-current={day === d.day ? "page" : undefined}>
                {weekdayName(i + 1)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ModelTotalsTable
        totals={c.days[dayIndex]?.byModel ?? c.week.byModel}
        model={c.model}
        caption={`Erlang C dan Erlang A, ${weekdayName(dayIndex + 1)} ${formatDay(d.day)}`}
      />
      <DayTable
        intervals={d.dayIntervals}
        model={c.model}
        caption={`${c.label}, ${weekdayName(dayIndex + 1)} ${formatDay(d.day)}`}
      />
    </div>
  );
}
