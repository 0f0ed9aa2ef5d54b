ALTER TABLE "users" DROP CONSTRAINT "users_roles_known";--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "group_name" text;--> statement-breakpoint
CREATE INDEX "staff_team_group_idx" ON "staff" USING btree ("team_id","group_name");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_roles_known" CHECK ("users"."roles" <@ array['admin', 'kepala_seksi', 'koordinator_qa', 'penilai', 'supervisor', 'ketua_tim', 'penjadwal', 'petugas', 'hr']::text[]);--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_group_name" CHECK ("staff"."group_name" ~ '^[^[:space:]](.{0,38}[^[:space:]])?$');