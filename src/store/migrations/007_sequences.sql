-- SARS-CoV-2 genomes with their analysis (alignment, mutations, clade, QC), replaced per run of
-- their connector. The genome itself is kept only where its terms allow serving it.
CREATE TABLE sequences (
  source          text NOT NULL REFERENCES sources (id),
  strain          text NOT NULL,
  location_key    text,
  date            date,
  date_precision  text NOT NULL,
  host            text,
  clade           text,
  qc_status       text,
  qc_score        double precision,
  record          jsonb NOT NULL,
  analysis        jsonb,
  analysis_failure text,
  genome          text,
  PRIMARY KEY (source, strain)
);
CREATE INDEX sequences_clade_idx ON sequences (clade);
CREATE INDEX sequences_location_idx ON sequences (location_key);
