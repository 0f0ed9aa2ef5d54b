CREATE TABLE "agent_states" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_states_channel" CHECK ("agent_states"."channel" in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')),
	CONSTRAINT "agent_states_state" CHECK ("agent_states"."state" in ('login', 'siap', 'sibuk', 'istirahat', 'logout')),
	CONSTRAINT "agent_states_length" CHECK ("agent_states"."ends_at" > "agent_states"."starts_at" and "agent_states"."ends_at" <= "agent_states"."starts_at" + interval '24 hours')
);
--> statement-breakpoint
ALTER TABLE "import_batches" DROP CONSTRAINT "import_batches_kind";--> statement-breakpoint
ALTER TABLE "agent_states" ADD CONSTRAINT "agent_states_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_states" ADD CONSTRAINT "agent_states_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agent_states_natural_key" ON "agent_states" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "agent_states_time_idx" ON "agent_states" USING gist (tstzrange("starts_at", "ends_at"));--> statement-breakpoint
CREATE INDEX "agent_states_batch_idx" ON "agent_states" USING btree ("batch_id");--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_kind" CHECK ("import_batches"."kind" in ('staff', 'training', 'calls', 'intervals', 'roster', 'states'));