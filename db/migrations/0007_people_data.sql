ALTER TABLE "import_batches" DROP CONSTRAINT "import_batches_kind";--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "batch_id" integer;--> statement-breakpoint
ALTER TABLE "import_uploads" ADD COLUMN "format" text DEFAULT 'csv' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_uploads" ADD COLUMN "sheet" text;--> statement-breakpoint
ALTER TABLE "training_courses" ADD COLUMN "refresh_months" integer;--> statement-breakpoint
ALTER TABLE "training_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_kind" CHECK ("import_batches"."kind" in ('staff', 'training', 'calls', 'intervals', 'roster'));--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_refresh" CHECK ("training_courses"."refresh_months" is null or "training_courses"."refresh_months" > 0);