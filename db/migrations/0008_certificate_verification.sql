-- Public verification code and the capability decision (E.4.c) of each certificate. Certificates issued before
-- this migration get a code now (their stored PDF, issued without a QR code, is not changed) and the decision
-- that was in force on their issue day, when there was one.
ALTER TABLE "certificates" ADD COLUMN "verification_code" text;--> statement-breakpoint
UPDATE "certificates" SET "verification_code" = (
  SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + floor(random() * 31)::int, 1), '')
  FROM generate_series(1, 10 + 0 * "certificates"."id")
);--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "verification_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "decision_id" integer;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "decision_letter_number" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "decision_letter_date" date;--> statement-breakpoint
UPDATE "certificates" c SET "decision_id" = d."id", "decided_by" = d."decided_by",
  "decision_letter_number" = d."letter_number", "decision_letter_date" = d."letter_date"
FROM (
  SELECT DISTINCT ON (c2."id") c2."id" AS certificate_id, cd.*
  FROM "certificates" c2
  JOIN "capability_decisions" cd ON cd."staff_id" = c2."staff_id" AND cd."role" = c2."qualified_role"
    AND cd."letter_date" <= c2."issued_on"
  ORDER BY c2."id", cd."letter_date" DESC, cd."id" DESC
) d
WHERE c."id" = d.certificate_id;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_decision_id_capability_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."capability_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_verificationCode_unique" UNIQUE("verification_code");
