CREATE TABLE "kept_searches" (
	"session_id" text NOT NULL,
	"page" text NOT NULL,
	"text" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kept_searches_session_id_page_pk" PRIMARY KEY("session_id","page")
);
--> statement-breakpoint
ALTER TABLE "kept_searches" ADD CONSTRAINT "kept_searches_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;