-- Literature: one row per paper (CORD-19 cord_uid) and per preprint, replaced per run of their
-- connector; full-text search over title and abstract in the database (weights: title A, abstract B).
CREATE TABLE papers (
  source        text NOT NULL REFERENCES sources (id),
  id            text NOT NULL,
  title         text,
  abstract      text,
  doi           text,
  published     date,
  precision     text CHECK (precision IN ('day', 'month', 'year')),
  placeholder   boolean NOT NULL DEFAULT false,
  journal       text,
  sources       text[] NOT NULL DEFAULT '{}',
  record        jsonb NOT NULL,
  search        tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(abstract, '')), 'B')) STORED,
  PRIMARY KEY (source, id)
);
CREATE INDEX papers_search_idx ON papers USING gin (search);
CREATE INDEX papers_doi_idx ON papers (doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_published_idx ON papers (published);

CREATE TABLE preprints (
  source        text NOT NULL REFERENCES sources (id),
  id            text NOT NULL,
  server        text NOT NULL,
  doi           text,
  posted        date,
  title         text,
  record        jsonb NOT NULL,
  PRIMARY KEY (source, id)
);
CREATE INDEX preprints_doi_idx ON preprints (doi) WHERE doi IS NOT NULL;

-- Chatter: daily n-gram counts as published (token kept as written, NFC).
CREATE TABLE chatter_ngrams (
  source  text NOT NULL REFERENCES sources (id),
  date    date NOT NULL,
  kind    text NOT NULL CHECK (kind IN ('terms', 'bigrams', 'trigrams')),
  rank    integer NOT NULL,
  token   text NOT NULL,
  count   integer NOT NULL,
  PRIMARY KEY (source, date, kind, rank)
);
CREATE INDEX chatter_token_idx ON chatter_ngrams (kind, token);
