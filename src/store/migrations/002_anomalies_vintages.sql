-- Anomaly flags beside the missing-value spans, erratum comments, per-vintage run counts.

ALTER TABLE series_annotations ADD COLUMN flags jsonb NOT NULL DEFAULT '[]';

-- Provenance text for a stored value (e.g. the comment of a JHU erratum).
CREATE TABLE observation_notes (
  series_id  integer NOT NULL,
  date       date NOT NULL,
  issue      date NOT NULL,
  note       text NOT NULL,
  file_id    integer NOT NULL,
  PRIMARY KEY (series_id, date, issue)
);

ALTER TABLE ingest_runs ADD COLUMN anomalies integer NOT NULL DEFAULT 0;
-- Per vintage read in the run: [{"issue": "2020-12-31", "values_new": n, "values_changed": n}]
ALTER TABLE ingest_runs ADD COLUMN vintages jsonb NOT NULL DEFAULT '[]';

ALTER TABLE series_summary ADD COLUMN anomaly_count integer NOT NULL DEFAULT 0;
