CREATE TABLE "certificate_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_sequence" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"nip" text NOT NULL,
	"birth_place" text NOT NULL,
	"birth_date" date NOT NULL,
	"golongan" text NOT NULL,
	"qualified_role" text NOT NULL,
	"assigned_role" text NOT NULL,
	"issued_on" date NOT NULL,
	"place" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_nip" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	"revoke_reason" text,
	CONSTRAINT "certificates_number_unique" UNIQUE("number"),
	CONSTRAINT "certificates_roles" CHECK ("certificates"."qualified_role" in ('supervisor', 'ketua_tim', 'petugas_layanan') and "certificates"."assigned_role" in ('supervisor', 'ketua_tim', 'petugas_layanan'))
);
--> statement-breakpoint
CREATE TABLE "call_stats" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"calls_handled" integer NOT NULL,
	"logged_in_seconds" integer NOT NULL,
	"talk_seconds" integer,
	"batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_stats_channel" CHECK ("call_stats"."channel" in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')),
	CONSTRAINT "call_stats_numbers" CHECK ("call_stats"."calls_handled" >= 0 and "call_stats"."logged_in_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "capability_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"role" text NOT NULL,
	"decided_by" text NOT NULL,
	"letter_number" text NOT NULL,
	"letter_date" date NOT NULL,
	"basis" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" integer,
	"withdraw_reason" text,
	CONSTRAINT "capability_decisions_role" CHECK ("capability_decisions"."role" in ('supervisor', 'ketua_tim', 'petugas_layanan'))
);
--> statement-breakpoint
CREATE TABLE "import_batch_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"row_id" integer NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	CONSTRAINT "import_batch_changes_action" CHECK ("import_batch_changes"."action" in ('insert', 'update'))
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"valid" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"errors" integer NOT NULL,
	"warnings" integer NOT NULL,
	"valid_only" boolean NOT NULL,
	"report" jsonb NOT NULL,
	"created_by" integer,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" integer,
	CONSTRAINT "import_batches_kind" CHECK ("import_batches"."kind" in ('training', 'calls'))
);
--> statement-breakpoint
CREATE TABLE "import_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"batch_id" integer
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"hours" numeric(6, 1),
	"validity_months" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_code_unique" UNIQUE("code"),
	CONSTRAINT "training_courses_category" CHECK ("training_courses"."category" in ('teknis_layanan_informasi', 'soft_skills_komunikasi', 'penyegaran', 'lainnya')),
	CONSTRAINT "training_courses_validity" CHECK ("training_courses"."validity_months" is null or "training_courses"."validity_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"start_date" date,
	"end_date" date NOT NULL,
	"hours" numeric(6, 1),
	"status" text NOT NULL,
	"score" numeric(5, 2),
	"provider" text,
	"certificate_number" text,
	"batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_records_status" CHECK ("training_records"."status" in ('lulus', 'tidak_lulus', 'selesai')),
	CONSTRAINT "training_records_dates" CHECK ("training_records"."start_date" is null or "training_records"."start_date" <= "training_records"."end_date")
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_stats" ADD CONSTRAINT "call_stats_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_stats" ADD CONSTRAINT "call_stats_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_decisions" ADD CONSTRAINT "capability_decisions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_decisions" ADD CONSTRAINT "capability_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_decisions" ADD CONSTRAINT "capability_decisions_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch_changes" ADD CONSTRAINT "import_batch_changes_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_year_sequence" ON "certificates" USING btree ("year","sequence");--> statement-breakpoint
CREATE INDEX "certificates_staff_idx" ON "certificates" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_active" ON "certificates" USING btree ("staff_id","qualified_role") WHERE "certificates"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "call_stats_natural_key" ON "call_stats" USING btree ("staff_id","day","channel");--> statement-breakpoint
CREATE INDEX "call_stats_day_idx" ON "call_stats" USING btree ("day");--> statement-breakpoint
CREATE INDEX "call_stats_batch_idx" ON "call_stats" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "capability_decisions_staff_idx" ON "capability_decisions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "import_batch_changes_batch_idx" ON "import_batch_changes" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_records_natural_key" ON "training_records" USING btree ("staff_id","course_id","end_date");--> statement-breakpoint
CREATE INDEX "training_records_batch_idx" ON "training_records" USING btree ("batch_id");