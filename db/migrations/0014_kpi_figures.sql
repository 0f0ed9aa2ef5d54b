CREATE TABLE "kpi_data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_data_version_one_row" CHECK ("kpi_data_version"."id" = 1)
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
INSERT INTO "kpi_data_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- Every committed change to what the KPI reads moves the version once (docs/decisions/029). The triggers are
-- deferred to the commit, so the version row is locked last, after every other lock of the transaction (no
-- deadlock through it), and only for an instant; the transaction-local setting makes it once per transaction.
CREATE FUNCTION "mutu_kpi_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('mutu.kpi_data_changed', true), '') <> 'yes' THEN
    PERFORM set_config('mutu.kpi_data_changed', 'yes', true);
    UPDATE "kpi_data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "evaluations_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "evaluations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_kpi_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "staff_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "staff" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_kpi_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "teams_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "teams" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_kpi_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "scorecard_versions_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "scorecard_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_kpi_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "certificates_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "certificates" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_kpi_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "settings_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_kpi_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "periods_kpi_data" AFTER INSERT OR UPDATE OR DELETE ON "periods" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mutu_kpi_data_changed"();--> statement-breakpoint
CREATE FUNCTION "mutu_kpi_data_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "kpi_data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "evaluations_kpi_truncate" AFTER TRUNCATE ON "evaluations" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_kpi_data_truncated"();--> statement-breakpoint
CREATE TRIGGER "staff_kpi_truncate" AFTER TRUNCATE ON "staff" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_kpi_data_truncated"();--> statement-breakpoint
CREATE TRIGGER "certificates_kpi_truncate" AFTER TRUNCATE ON "certificates" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_kpi_data_truncated"();--> statement-breakpoint
CREATE TRIGGER "settings_kpi_truncate" AFTER TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION "mutu_kpi_data_truncated"();
