CREATE TABLE "iku_targets" (
	"period_id" text NOT NULL,
	"indicator" text NOT NULL,
	"target" double precision NOT NULL,
	"set_by" integer NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iku_targets_period_id_indicator_pk" PRIMARY KEY("period_id","indicator"),
	CONSTRAINT "iku_targets_indicator" CHECK ("iku_targets"."indicator" in ('rata_nilai_qa', 'cakupan_evaluasi', 'staf_bersertifikat', 'capaian_cph', 'sanggahan_tepat_waktu')),
	CONSTRAINT "iku_targets_target" CHECK ("iku_targets"."target" > 0)
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period_id" text NOT NULL,
	"report_date" date NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"regulation" text NOT NULL,
	"analysis" text NOT NULL,
	"conclusion" text NOT NULL,
	"author_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_kind" CHECK ("reports"."kind" in ('layanan_informasi', 'manajemen_layanan', 'penjamin_kualitas')),
	CONSTRAINT "reports_period" CHECK ("reports"."period_id" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "iku_targets" ADD CONSTRAINT "iku_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_period_idx" ON "reports" USING btree ("period_id");