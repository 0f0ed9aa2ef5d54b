CREATE TABLE "interval_stats" (
	"id" serial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"start_minute" smallint NOT NULL,
	"interval_minutes" smallint NOT NULL,
	"offered" integer NOT NULL,
	"answered" integer NOT NULL,
	"abandoned" integer NOT NULL,
	"aht_seconds" numeric(7, 1),
	"answered_within_target" integer,
	"batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interval_stats_channel" CHECK ("interval_stats"."channel" in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')),
	CONSTRAINT "interval_stats_interval" CHECK ("interval_stats"."interval_minutes" in (15, 30, 60)),
	CONSTRAINT "interval_stats_start" CHECK ("interval_stats"."start_minute" >= 0 and "interval_stats"."start_minute" < 1440 and "interval_stats"."start_minute" % "interval_stats"."interval_minutes" = 0),
	CONSTRAINT "interval_stats_counts" CHECK ("interval_stats"."offered" >= 0 and "interval_stats"."answered" >= 0 and "interval_stats"."abandoned" >= 0 and "interval_stats"."answered" + "interval_stats"."abandoned" <= "interval_stats"."offered"),
	CONSTRAINT "interval_stats_within_target" CHECK ("interval_stats"."answered_within_target" is null or ("interval_stats"."answered_within_target" >= 0 and "interval_stats"."answered_within_target" <= "interval_stats"."answered")),
	CONSTRAINT "interval_stats_aht" CHECK ("interval_stats"."aht_seconds" is null or ("interval_stats"."aht_seconds" >= 0 and "interval_stats"."aht_seconds" <= 14400))
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"batch_id" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shifts_channel" CHECK ("shifts"."channel" in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')),
	CONSTRAINT "shifts_length" CHECK ("shifts"."ends_at" > "shifts"."starts_at" and "shifts"."ends_at" <= "shifts"."starts_at" + interval '16 hours')
);
--> statement-breakpoint
ALTER TABLE "import_batches" DROP CONSTRAINT "import_batches_kind";--> statement-breakpoint
ALTER TABLE "interval_stats" ADD CONSTRAINT "interval_stats_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interval_stats_natural_key" ON "interval_stats" USING btree ("day","channel","start_minute");--> statement-breakpoint
CREATE INDEX "interval_stats_batch_idx" ON "interval_stats" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shifts_natural_key" ON "shifts" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "shifts_time_idx" ON "shifts" USING gist (tstzrange("starts_at", "ends_at"));--> statement-breakpoint
CREATE INDEX "shifts_batch_idx" ON "shifts" USING btree ("batch_id");--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_kind" CHECK ("import_batches"."kind" in ('training', 'calls', 'intervals', 'roster'));