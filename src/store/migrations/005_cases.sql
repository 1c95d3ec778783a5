-- Patient-level case records from line lists, versioned like every other source: a row per
-- case and vintage (issue) that first published this version of the record; a later copy that
-- no longer lists a case adds a withdrawn row. `as_of` reads the newest row on or before a date.
CREATE TABLE case_records (
  source        text NOT NULL REFERENCES sources (id),
  case_id       text NOT NULL,
  issue         date NOT NULL,
  withdrawn     boolean NOT NULL DEFAULT false,
  -- The deepest location key the gazetteer gave the case's country and province (null: none).
  location_key  text,
  -- The CaseRecord (src/domain/cases.ts); null when withdrawn.
  record        jsonb,
  file_id       integer NOT NULL,   -- run_files.id: the run and file this version came from
  PRIMARY KEY (source, case_id, issue)
);
