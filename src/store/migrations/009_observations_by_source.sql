-- observations partitioned by source: one table per source (`observations_<id>`, hyphens as
-- underscores), each with the primary key (series_id, date, issue). A source's first load fills a
-- fresh table without that key and builds the key once at the end, then attaches it (versions.ts):
-- maintaining the key row by row was the largest part of a first load's COPY (jhu-us, 2.7 M rows,
-- psql: 5.9-6.5 s with the key against 3.8-4.1 s loading then building it). A series belongs to one
-- source, so each partition's key keeps (series_id, date, issue) unique over the whole table; the
-- parent has no key of its own (it would have to lead with source_id in every partition's index).
-- Queries name the source (`source_id = ...`) so that the planner reads one partition.
ALTER TABLE observations RENAME TO observations_unpartitioned;
ALTER TABLE observations_unpartitioned RENAME CONSTRAINT observations_pkey TO observations_unpartitioned_pkey;

-- The four int4 columns before the float8: no padding between them (24 bytes of data a row, was
-- 28 with 4 of padding), so a short source id fits in what the old row took.
CREATE TABLE observations (
  series_id  integer NOT NULL,
  date       date NOT NULL,
  issue      date NOT NULL,
  file_id    integer NOT NULL,   -- run_files.id: the run and file the value came from
  value      double precision,
  source_id  text NOT NULL       -- the series' source: the partition
) PARTITION BY LIST (source_id);

-- The name of a source's partition.
CREATE FUNCTION observations_partition(src text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  part text := 'observations_' || replace(src, '-', '_');
BEGIN
  IF src !~ '^[a-z0-9][a-z0-9-]*$' OR length(part) > 63 THEN
    RAISE EXCEPTION 'source id % cannot name a partition of observations', src;
  END IF;
  RETURN part;
END $$;

-- A new source's partition, without its key and not attached yet (see the next two):
-- rows go in by COPY without the source_id column, which defaults to the source.
CREATE FUNCTION observations_partition_create(src text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  part text := observations_partition(src);
BEGIN
  -- The CHECK is the partition's bound: ATTACH then needs no scan to prove it.
  EXECUTE format('CREATE TABLE %I (LIKE observations, CHECK (source_id = %L))', part, src);
  EXECUTE format('ALTER TABLE %I ALTER source_id SET DEFAULT %L', part, src);
  RETURN part;
END $$;

-- Builds the key of a partition made by observations_partition_create (locks only that table).
CREATE FUNCTION observations_partition_key(src text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (series_id, date, issue)', observations_partition(src));
END $$;

-- Attaches a partition made by observations_partition_create, once keyed. ATTACH takes a SHARE UPDATE
-- EXCLUSIVE lock on observations until the commit: readers go on, another ATTACH waits.
CREATE FUNCTION observations_partition_attach(src text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE observations ATTACH PARTITION %I FOR VALUES IN (%L)', observations_partition(src), src);
END $$;

-- The stored rows move into one partition per source, built as an ingest builds them.
DO $$
DECLARE
  src text;
BEGIN
  FOR src IN SELECT DISTINCT s.source_id FROM series s WHERE EXISTS (SELECT 1 FROM observations_unpartitioned o WHERE o.series_id = s.id) ORDER BY 1 LOOP
    EXECUTE format('INSERT INTO %I (series_id, date, issue, file_id, value) SELECT o.series_id, o.date, o.issue, o.file_id, o.value '
      'FROM observations_unpartitioned o JOIN series s ON s.id = o.series_id WHERE s.source_id = %L ORDER BY 1, 2, 3',
      observations_partition_create(src), src);
    PERFORM observations_partition_key(src);
    PERFORM observations_partition_attach(src);
  END LOOP;
END $$;

DROP TABLE observations_unpartitioned;
