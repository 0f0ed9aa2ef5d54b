CREATE TABLE "coaching_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"description" text NOT NULL,
	"owner_user_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"outcome_by" integer,
	"outcome_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_actions_outcome" CHECK ("coaching_actions"."outcome" is null or "coaching_actions"."outcome" in ('tercapai', 'tidak_tercapai')),
	CONSTRAINT "coaching_actions_outcome_complete" CHECK (("coaching_actions"."outcome" is null) = ("coaching_actions"."outcome_at" is null))
);
--> statement-breakpoint
CREATE TABLE "coaching_session_evaluations" (
	"session_id" integer NOT NULL,
	"evaluation_id" integer NOT NULL,
	CONSTRAINT "coaching_session_evaluations_session_id_evaluation_id_pk" PRIMARY KEY("session_id","evaluation_id")
);
--> statement-breakpoint
CREATE TABLE "coaching_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"agent_staff_id" integer NOT NULL,
	"coach_user_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"kpi_period_id" text,
	"observation" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"agent_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_sessions_period" CHECK ("coaching_sessions"."kpi_period_id" is null or "coaching_sessions"."kpi_period_id" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_session_id_coaching_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."coaching_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_session_evaluations" ADD CONSTRAINT "coaching_session_evaluations_session_id_coaching_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."coaching_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_session_evaluations" ADD CONSTRAINT "coaching_session_evaluations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_agent_staff_id_staff_id_fk" FOREIGN KEY ("agent_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_coach_user_id_users_id_fk" FOREIGN KEY ("coach_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_actions_session_idx" ON "coaching_actions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "coaching_actions_open_idx" ON "coaching_actions" USING btree ("owner_user_id","due_on") WHERE "coaching_actions"."outcome" is null;--> statement-breakpoint
CREATE INDEX "coaching_sessions_agent_idx" ON "coaching_sessions" USING btree ("agent_staff_id","held_on");--> statement-breakpoint
CREATE INDEX "coaching_sessions_coach_idx" ON "coaching_sessions" USING btree ("coach_user_id");--> statement-breakpoint
CREATE INDEX "coaching_sessions_held_idx" ON "coaching_sessions" USING btree ("held_on");