-- Glacier schema v1. Runs on PostgreSQL 15 and PGlite alike.

CREATE TABLE sources (
  id          text PRIMARY KEY,
  manifest    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  key          text PRIMARY KEY,
  level        text NOT NULL CHECK (level IN ('country', 'subdivision', 'county')),
  parent       text,
  name         text NOT NULL,
  aliases      text[] NOT NULL DEFAULT '{}',
  iso_alpha2   text,
  iso_alpha3   text,
  iso_numeric  text,
  fips         text,
  jhu_uid      bigint,
  lat          double precision,
  lon          double precision,
  population   double precision,
  note         text,
  -- Folded (lower-case, accent-free) names, aliases and codes: what /v1/locations?q= searches.
  search       text NOT NULL
);
CREATE INDEX locations_parent_idx ON locations (parent);
CREATE INDEX locations_level_idx ON locations (level);

-- One row per ingest attempt; kept whether it succeeded or not.
CREATE TABLE ingest_runs (
  id              serial PRIMARY KEY,
  source_id       text NOT NULL REFERENCES sources (id),
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  status          text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  parser_version  integer NOT NULL,
  -- Digest of parser version, gazetteer and file contents: an identical re-run is skipped.
  fingerprint     text,
  rows_read       integer NOT NULL DEFAULT 0,
  values_read     integer NOT NULL DEFAULT 0,
  values_new      integer NOT NULL DEFAULT 0,
  values_changed  integer NOT NULL DEFAULT 0,
  error           text,
  -- Validation issues found in this run (unmatched locations, missing-value rules, ...).
  report          jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX ingest_runs_source_idx ON ingest_runs (source_id, id);

-- Every file a run read, with what it was and where it came from.
CREATE TABLE run_files (
  id              serial PRIMARY KEY,
  run_id          integer NOT NULL REFERENCES ingest_runs (id),
  file_id         text NOT NULL,
  origin          text NOT NULL CHECK (origin IN ('upstream', 'mirror')),
  location        text NOT NULL,
  url             text NOT NULL,
  issue           date NOT NULL,
  sha256          text NOT NULL,
  bytes           bigint NOT NULL,
  not_modified    boolean NOT NULL DEFAULT false,
  etag            text,
  last_modified   text,
  rows_read       integer NOT NULL DEFAULT 0,
  values_new      integer NOT NULL DEFAULT 0,
  values_changed  integer NOT NULL DEFAULT 0
);
CREATE INDEX run_files_run_idx ON run_files (run_id);

-- A series is one metric for one location from one source. `derived` series are totals
-- Glacier computed from the source's finer rows (docs/data-model.md).
CREATE TABLE series (
  id            serial PRIMARY KEY,
  source_id     text NOT NULL REFERENCES sources (id),
  location_key  text NOT NULL REFERENCES locations (key),
  metric        text NOT NULL,
  derived       boolean NOT NULL,
  UNIQUE (source_id, location_key, metric)
);
CREATE INDEX series_location_idx ON series (location_key, metric);

-- Values exactly as published, one row per change: a value is stored at the issue (vintage)
-- that first published it, and again only when a later issue publishes a different one.
-- No foreign keys here: this table takes millions of rows per load.
CREATE TABLE observations (
  series_id  integer NOT NULL,
  date       date NOT NULL,
  issue      date NOT NULL,
  value      double precision,
  file_id    integer NOT NULL,   -- run_files.id: the run and file the value came from
  PRIMARY KEY (series_id, date, issue)
);

-- How Glacier reads the values of a series at an issue: spans of dates stored as missing
-- with a reason (never edits of the values). A new row only when the spans change.
CREATE TABLE series_annotations (
  series_id  integer NOT NULL,
  issue      date NOT NULL,
  file_id    integer NOT NULL,
  spans      jsonb NOT NULL,
  PRIMARY KEY (series_id, issue)
);

-- Per series, as of the newest issue: coverage and the last reported value (for /v1/latest,
-- /v1/health). Rewritten for the series a run touches.
CREATE TABLE series_summary (
  series_id     integer PRIMARY KEY,
  first_date    date,
  last_date     date,
  latest_date   date,
  latest_value  double precision,
  latest_issue  date,
  value_count   integer NOT NULL
);

-- The series /v1 serves by default for each location and metric (precedence rule).
CREATE TABLE best_series (
  location_key  text NOT NULL,
  metric        text NOT NULL,
  series_id     integer NOT NULL,
  PRIMARY KEY (location_key, metric)
);

-- Bumped by every run that changes data; ETags and response caches hang off it.
CREATE TABLE data_version (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version     bigint NOT NULL,
  changed_at  timestamptz NOT NULL
);
INSERT INTO data_version VALUES (true, 1, now());
