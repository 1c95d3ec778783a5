-- The default (best) reading of a location and metric takes each date from the first ranked
-- series that has a value: all series are ranked, not only the first.
DROP TABLE best_series;
CREATE TABLE series_rank (
  location_key  text NOT NULL,
  metric        text NOT NULL,
  rank          integer NOT NULL,
  series_id     integer NOT NULL,
  PRIMARY KEY (location_key, metric, rank)
);
CREATE INDEX series_rank_series_idx ON series_rank (series_id);
