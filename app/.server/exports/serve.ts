// A list export as the answer to /unduh/<daftar>.<xlsx|csv>?<the page's filters>: checked against the
// permission of the page it is beside, limited to the Access that permission grants, streamed while it is
// written and recorded in the audit log once complete (or as cancelled).
import { downloadResponse, refuseDownload } from "../download";
import { forbidden, notFound, UserFacingError } from "../errors";
import { recordExport } from "../export-audit";
import type { Permitted } from "../session";
import { madeFor, workbookScope, workbookStream } from "../workbook/shell";
import { isListExportName } from "./labels";
import { type ExportFormat, exportFileName, writeExport } from "./list-export";
import { LIST_EXPORTS } from "./lists";

/** The export a file name of the address asks for ("evaluasi.xlsx"), or a 404. */
export function askedExport(file: string | undefined) {
  const [, name, format] = /^([a-z]+)\.(xlsx|csv)$/.exec(file ?? "") ?? [];
  const list = name && isListExportName(name) ? LIST_EXPORTS[name] : undefined;
  if (!list) notFound("Daftar yang diminta tidak dapat diunduh.");
  return { list, format: format as ExportFormat };
}

export async function exportResponse(
  auth: Permitted,
  asked: ReturnType<typeof askedExport>,
  request: Request,
): Promise<Response> {
  const { list, format } = asked;
  const { access, env, user, actor } = auth;
  if (!list.formats.includes(format)) {
    refuseDownload(`${list.label} tersedia sebagai ${list.formats.map((f) => `.${f}`).join(" atau ")}.`);
  }
  const scope = await workbookScope(env.db, access);
  if (access.scope === "team" && !scope) {
    forbidden("Akun Anda tidak terhubung ke tim, jadi tidak ada data tim untuk diunduh. Hubungi admin.");
  }
  if (access.scope === "group" && !scope) {
    forbidden(
      "Data staf Anda belum mencantumkan regu, jadi tidak ada data regu untuk diunduh. Hubungi SDM atau admin.",
    );
  }
  const now = new Date();
  const params = new URL(request.url).searchParams;
  let prepared: Awaited<ReturnType<typeof list.prepare>>;
  try {
    prepared = await list.prepare(
      { db: env.db, access, settings: env.settings, sessionId: auth.sessionId, now },
      params,
    );
  } catch (error) {
    if (error instanceof UserFacingError) refuseDownload(error.message);
    throw error;
  }
  const body = workbookStream(
    `export ${list.name}.${format}`,
    (output) => writeExport(prepared, format, { scope, actor: madeFor(user), now, output }),
    request.signal,
    (rows) =>
      recordExport(env.db, actor, {
        kind: `${list.name}.${format}`,
        filters: prepared.audit,
        scope: access.scope,
        rows,
      }),
  );
  return downloadResponse(body, exportFileName(prepared, scope, format), format);
}
