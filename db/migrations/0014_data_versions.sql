CREATE TABLE "data_versions" (
	"topic" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_versions_topic" CHECK ("data_versions"."topic" in ('kpi', 'certification'))
);
--> statement-breakpoint
CREATE TABLE "kpi_snapshots" (
	"period_id" text PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"format" integer NOT NULL,
	"figures" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_snapshots" ADD CONSTRAINT "kpi_snapshots_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_open_work_idx" ON "evaluations" USING btree ("period_id","state") WHERE "evaluations"."state" in ('draft', 'disputed');--> statement-breakpoint
INSERT INTO "data_versions" ("topic", "version") VALUES ('kpi', 0), ('certification', 0);--> statement-breakpoint
-- Every committed change to what a topic's readers read moves its version once (docs/decisions/029). The
-- triggers are deferred to the commit, so a version row is locked last, after every other lock of the
-- transaction (no deadlock through it), and only for an instant; a transaction-local setting per topic makes it
-- once per transaction however many rows were written. A rolled-back transaction moves nothing.
CREATE FUNCTION "mutu_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('mutu.data_changed_' || TG_ARGV[0], true), '') <> 'yes' THEN
    PERFORM set_config('mutu.data_changed_' || TG_ARGV[0], 'yes', true);
    UPDATE "data_versions" SET "version" = "version" + 1 WHERE "topic" = TG_ARGV[0];
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "mutu_data_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1 WHERE "topic" = TG_ARGV[0];
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "evaluations_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "evaluations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('kpi');--> statement-breakpoint
CREATE TRIGGER "evaluations_kpi_truncate" AFTER TRUNCATE ON "evaluations" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('kpi');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "staff_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "staff" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('kpi');--> statement-breakpoint
CREATE TRIGGER "staff_kpi_truncate" AFTER TRUNCATE ON "staff" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('kpi');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "teams_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "teams" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('kpi');--> statement-breakpoint
CREATE TRIGGER "teams_kpi_truncate" AFTER TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('kpi');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "scorecard_versions_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "scorecard_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('kpi');--> statement-breakpoint
CREATE TRIGGER "scorecard_versions_kpi_truncate" AFTER TRUNCATE ON "scorecard_versions" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('kpi');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "certificates_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "certificates" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('kpi');--> statement-breakpoint
CREATE TRIGGER "certificates_kpi_truncate" AFTER TRUNCATE ON "certificates" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('kpi');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "settings_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('kpi');--> statement-breakpoint
CREATE TRIGGER "settings_kpi_truncate" AFTER TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('kpi');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "periods_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "periods" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('kpi');--> statement-breakpoint
CREATE TRIGGER "periods_kpi_truncate" AFTER TRUNCATE ON "periods" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('kpi');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "staff_certification_data" AFTER INSERT OR UPDATE OR DELETE ON "staff" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('certification');--> statement-breakpoint
CREATE TRIGGER "staff_certification_truncate" AFTER TRUNCATE ON "staff" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('certification');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "teams_certification_data" AFTER INSERT OR UPDATE OR DELETE ON "teams" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('certification');--> statement-breakpoint
CREATE TRIGGER "teams_certification_truncate" AFTER TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('certification');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "training_records_certification_data" AFTER INSERT OR UPDATE OR DELETE ON "training_records" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('certification');--> statement-breakpoint
CREATE TRIGGER "training_records_certification_truncate" AFTER TRUNCATE ON "training_records" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('certification');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "training_courses_certification_data" AFTER INSERT OR UPDATE OR DELETE ON "training_courses" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('certification');--> statement-breakpoint
CREATE TRIGGER "training_courses_certification_truncate" AFTER TRUNCATE ON "training_courses" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('certification');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "capability_decisions_certification_data" AFTER INSERT OR UPDATE OR DELETE ON "capability_decisions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('certification');--> statement-breakpoint
CREATE TRIGGER "capability_decisions_certification_truncate" AFTER TRUNCATE ON "capability_decisions" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('certification');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "certificates_certification_data" AFTER INSERT OR UPDATE OR DELETE ON "certificates" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('certification');--> statement-breakpoint
CREATE TRIGGER "certificates_certification_truncate" AFTER TRUNCATE ON "certificates" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('certification');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "settings_certification_data" AFTER INSERT OR UPDATE OR DELETE ON "settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_data_changed"('certification');--> statement-breakpoint
CREATE TRIGGER "settings_certification_truncate" AFTER TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_data_truncated"('certification');
