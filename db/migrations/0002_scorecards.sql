CREATE TABLE "calibration_participants" (
	"session_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"benchmark" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "calibration_participants_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "calibration_scores" (
	"session_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"value" integer,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "calibration_scores_session_id_user_id_item_id_pk" PRIMARY KEY("session_id","user_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "calibration_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"version_id" integer NOT NULL,
	"agent_staff_id" integer,
	"channel" text NOT NULL,
	"interaction_ref" text NOT NULL,
	"interaction_at" timestamp with time zone NOT NULL,
	"period_id" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "calibration_sessions_state" CHECK ("calibration_sessions"."state" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"evaluation_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"value" integer,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "evaluation_scores_evaluation_id_item_id_pk" PRIMARY KEY("evaluation_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"version_id" integer NOT NULL,
	"agent_staff_id" integer NOT NULL,
	"assessor_user_id" integer NOT NULL,
	"period_id" text NOT NULL,
	"channel" text,
	"interaction_ref" text,
	"interaction_at" timestamp with time zone,
	"state" text DEFAULT 'draft' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"hardskill" double precision,
	"softskill" double precision,
	"kedisiplinan" double precision,
	"total" double precision,
	"critical_failed" boolean DEFAULT false NOT NULL,
	"cph_actual" double precision,
	"cph_target" double precision,
	"cph_score" double precision,
	"cph_source" text,
	"cph_source_note" text,
	"cph_imported" double precision,
	"cph_override_reason" text,
	"submitted_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"disputed_at" timestamp with time zone,
	"dispute_reason" text,
	"settled_at" timestamp with time zone,
	"settled_by" integer,
	"settlement" text,
	"settlement_note" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_kind" CHECK ("evaluations"."kind" in ('interaction', 'period_review')),
	CONSTRAINT "evaluations_state" CHECK ("evaluations"."state" in ('draft', 'submitted', 'acknowledged', 'disputed', 'final')),
	CONSTRAINT "evaluations_period" CHECK ("evaluations"."period_id" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "evaluations_interaction_fields" CHECK ("evaluations"."kind" <> 'interaction' or ("evaluations"."channel" is not null and "evaluations"."interaction_at" is not null)),
	CONSTRAINT "evaluations_settlement" CHECK ("evaluations"."settlement" is null or "evaluations"."settlement" in ('upheld', 'adjusted'))
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"reopened_by" integer,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	CONSTRAINT "periods_status" CHECK ("periods"."status" in ('open', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "scorecard_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"section" text NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"clause" text DEFAULT '' NOT NULL,
	"scale" text NOT NULL,
	"weight" integer NOT NULL,
	"allow_na" boolean DEFAULT false NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "scorecard_items_section" CHECK ("scorecard_items"."section" in ('hardskill', 'softskill', 'kedisiplinan')),
	CONSTRAINT "scorecard_items_scale" CHECK ("scorecard_items"."scale" in ('1-5', 'ya_tidak')),
	CONSTRAINT "scorecard_items_weight" CHECK ("scorecard_items"."weight" >= 0),
	CONSTRAINT "scorecard_items_critical" CHECK (not "scorecard_items"."critical" or ("scorecard_items"."scale" = 'ya_tidak' and "scorecard_items"."weight" = 0))
);
--> statement-breakpoint
CREATE TABLE "scorecard_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"team_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"template_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight_hardskill" integer NOT NULL,
	"weight_softskill" integer NOT NULL,
	"weight_kedisiplinan" integer NOT NULL,
	"weight_cph" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scorecard_versions_status" CHECK ("scorecard_versions"."status" in ('draft', 'published', 'retired')),
	CONSTRAINT "scorecard_versions_weights" CHECK ("scorecard_versions"."weight_hardskill" + "scorecard_versions"."weight_softskill" + "scorecard_versions"."weight_kedisiplinan" + "scorecard_versions"."weight_cph" = 100)
);
--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_session_id_calibration_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."calibration_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_session_id_calibration_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."calibration_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_item_id_scorecard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."scorecard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_version_id_scorecard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."scorecard_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_agent_staff_id_staff_id_fk" FOREIGN KEY ("agent_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_revisions" ADD CONSTRAINT "evaluation_revisions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_revisions" ADD CONSTRAINT "evaluation_revisions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_item_id_scorecard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."scorecard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_version_id_scorecard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."scorecard_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_agent_staff_id_staff_id_fk" FOREIGN KEY ("agent_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_items" ADD CONSTRAINT "scorecard_items_version_id_scorecard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."scorecard_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_templates" ADD CONSTRAINT "scorecard_templates_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_template_id_scorecard_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."scorecard_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_revisions_number" ON "evaluation_revisions" USING btree ("evaluation_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_one_review_per_period" ON "evaluations" USING btree ("agent_staff_id","period_id") WHERE "evaluations"."kind" = 'period_review';--> statement-breakpoint
CREATE INDEX "evaluations_period_idx" ON "evaluations" USING btree ("period_id","kind");--> statement-breakpoint
CREATE INDEX "evaluations_agent_idx" ON "evaluations" USING btree ("agent_staff_id","period_id");--> statement-breakpoint
CREATE INDEX "evaluations_assessor_idx" ON "evaluations" USING btree ("assessor_user_id","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_items_version_code" ON "scorecard_items" USING btree ("version_id","code");--> statement-breakpoint
CREATE INDEX "scorecard_items_version_idx" ON "scorecard_items" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_versions_template_version" ON "scorecard_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_versions_one_draft" ON "scorecard_versions" USING btree ("template_id") WHERE "scorecard_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_versions_one_published" ON "scorecard_versions" USING btree ("template_id") WHERE "scorecard_versions"."status" = 'published';