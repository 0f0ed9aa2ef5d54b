// The training-record pages' edges: the list's filters read from the address (ids, a status, days: never a
// name or NIP), and the form values a stored record shows in the correction form.

import { parseFormDate } from "../../analytics/dates";
import { idParam } from "../list-params";
import type { RecordFilters } from "./training-records";
import { RECORD_STATUSES } from "./training-records";

const day = (v: string | null) => (v ? (parseFormDate(v) ?? undefined) : undefined);

export function recordFilters(url: URL): { filters: RecordFilters; page: number } {
  const q = url.searchParams;
  const status = RECORD_STATUSES.find((s) => s.code === q.get("status"))?.code;
  return {
    filters: {
      courseId: idParam(q.get("kursus")),
      teamId: idParam(q.get("tim")),
      staffId: idParam(q.get("orang")),
      status,
      from: day(q.get("dari")),
      to: day(q.get("sampai")),
    },
    page: idParam(q.get("halaman")) ?? 1,
  };
}

const dmy = (day: string | null) => (day ? day.split("-").reverse().join("/") : "");
const decimal = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));

/** A stored record as the correction form's values. */
export function recordValues(r: {
  staffId: number;
  courseId: number;
  startDate: string | null;
  endDate: string;
  hours: number | null;
  status: string;
  score: number | null;
  provider: string | null;
  certificateNumber: string | null;
}): Record<string, string> {
  return {
    staffId: String(r.staffId),
    courseId: String(r.courseId),
    startDate: dmy(r.startDate),
    endDate: dmy(r.endDate),
    hours: decimal(r.hours),
    status: r.status,
    score: decimal(r.score),
    provider: r.provider ?? "",
    certificateNumber: r.certificateNumber ?? "",
  };
}
