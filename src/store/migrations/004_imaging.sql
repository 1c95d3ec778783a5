-- The imaging index: one row per image (or video) an imaging dataset publishes, replaced as a
-- whole by each successful run of its connector (src/ingest/run-imaging.ts).
CREATE TABLE imaging_images (
  dataset               text NOT NULL REFERENCES sources (id),
  image_id              text NOT NULL,
  -- 1 for the first listing of a file name; 2, 3, … when the metadata lists the same file again
  -- (covid-chestxray files some Eurorad images under two patient ids): every listing is kept.
  listing               smallint NOT NULL DEFAULT 1,
  patient               text,
  finding               text,
  also_findings         text[] NOT NULL DEFAULT '{}',
  finding_raw           text,
  modality              text NOT NULL CHECK (modality IN ('x-ray', 'ct', 'ultrasound')),
  view                  text,
  view_raw              text,
  sex                   text CHECK (sex IN ('M', 'F')),
  age                   double precision,
  clinical              jsonb NOT NULL DEFAULT '{}',
  offset_days           integer,
  study_date            date,
  study_date_precision  text NOT NULL CHECK (study_date_precision IN ('day', 'month', 'year', 'unknown')),
  study_date_raw        text,
  license               text,
  commercial_use        boolean,
  source_url            text,
  doi                   text,
  severity              jsonb,
  lung_boxes            jsonb,
  file                  text NOT NULL,
  line                  integer NOT NULL,
  -- The image file, when it is here: where it was read (never served to clients), its hash and size.
  local_path            text,
  sha256                text,
  bytes                 integer,
  width                 integer,
  height                integer,
  run_id                integer NOT NULL REFERENCES ingest_runs (id),
  PRIMARY KEY (dataset, image_id, listing)
);
CREATE INDEX imaging_images_finding_idx ON imaging_images (finding);
CREATE INDEX imaging_images_sha256_idx ON imaging_images (sha256) WHERE sha256 IS NOT NULL;

-- Splits a dataset's authors published (COVID-CT's train/val/test lists), as listed.
CREATE TABLE imaging_published_splits (
  dataset   text NOT NULL REFERENCES sources (id),
  image_id  text NOT NULL,
  split     text NOT NULL CHECK (split IN ('train', 'val', 'test')),
  list      text NOT NULL,
  PRIMARY KEY (dataset, list, split, image_id)
);
