// The public answer about a certificate from its verification code (/verifikasi, no sign-in): valid, revoked or
// unknown, with only what a verifier needs to match the paper (number, name, role, dates). Never the NIP, the
// birth date or the reason for a revocation.
import { eq } from "drizzle-orm";
import { normalizeVerificationCode } from "../../analytics/verification-code";
import { certificates } from "../../db/schema";
import type { Database } from "./db";

export type VerificationAnswer =
  | { found: false; code: string }
  | {
      found: true;
      code: string;
      number: string;
      fullName: string;
      role: string;
      issuedOn: string;
      revokedOn: Date | null;
    };

export async function verifyCertificate(db: Database, typed: string): Promise<VerificationAnswer> {
  const code = normalizeVerificationCode(typed);
  if (!code) return { found: false, code: typed.slice(0, 40) };
  const [row] = await db
    .select({
      number: certificates.number,
      fullName: certificates.fullName,
      role: certificates.qualifiedRole,
      issuedOn: certificates.issuedOn,
      revokedOn: certificates.revokedAt,
    })
    .from(certificates)
    .where(eq(certificates.verificationCode, code));
  return row ? { found: true, code, ...row } : { found: false, code };
}
