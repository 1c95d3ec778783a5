// Generated from openapi.json by scripts/write-web-types.ts (npm run web:types). Do not edit.

export interface paths {
    "/v1/admin/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a refresh (ingest) in the background
         * @description Needs `Authorization: Bearer <GLACIER_ADMIN_TOKEN>`; the route exists only when that variable is set. 202 once the refresh has started (follow it at /v1/health and /v1/sources); 409 ERR_BUSY while one is running in this process. On PostgreSQL, when another process holds the ingest lock, the refresh is skipped (and logged).
         */
        post: operations["postAdminIngest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Anomalies flagged in the data (negative changes, backlog dumps, cadence changes, stale values, …)
         * @description Flags of the newest reading of every series; the values themselves are never edited. Filter by location, metric, code, source and dates; paged.
         */
        get: operations["listAnomalies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bulk files of the current data version: every table as Parquet and gzip CSV, with a Frictionless datapackage.json
         * @description Built once per data version in the background after an ingest. `status` is `building` while the files listed (if any) are of an older version. Each file has its rows, bytes and SHA-256; download it from `url` (byte ranges supported).
         */
        get: operations["listBulkFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bulk/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One bulk file (Parquet, gzip CSV or datapackage.json), with ETag, Last-Modified and byte ranges */
        get: operations["getBulkFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Patient-level case records from public line lists, normalised, with the raw text kept
         * @description One row per case: location key, age as a range, sex, every event date as a range with its precision (onset, admission, confirmation, outcome, exposure window, travel, report), outcome, symptoms, travel history, link to Wuhan, sources and notes. `as_of` answers what the lists said on a date. Columns: /v1/cases/dictionary.
         */
        get: operations["listCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{source}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case record (as of a date), with the list of its versions */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/dictionary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The data dictionary of a case row: every column, its type and meaning */
        get: operations["getCasesDictionary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts over the case records: age band × sex, outcome, cases per day of each event, travel history */
        get: operations["getCasesSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chatter/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One term’s daily count, rank and share of the day’s chatter (a series) */
        get: operations["getChatterTerm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chatter/top": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day’s top terms, bigrams or trigrams of COVID-19 Twitter chatter (Panacea Lab), optionally without noise */
        get: operations["getChatterTop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All sources side by side for one location and metric, with agreement statistics
         * @description Every source’s values (as published, missing days null) on a shared date range, and for each source its agreement with the reference source (default: the first in precedence order): days compared, days differing, largest absolute and relative difference. `as_of` compares the data as it was known on a date.
         */
        get: operations["compareSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalog of COVID-19 research datasets: licences, counts, citations, what Glacier holds
         * @description One entry per dataset (case counts, imaging, literature, sequences, social media, line lists), whether Glacier ingests it or not: licence, redistribution class, whether commercial use is allowed, access, counts as the publisher states them, citation, coverage, status, and `local`: the tables and rows Glacier holds of it here.
         */
        get: operations["listDatasets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dataset of the catalog; format=jsonld gives it as a schema.org Dataset */
        get: operations["getDataset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/citation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How to cite a dataset: its describing paper as BibTeX or RIS */
        get: operations["getDatasetCitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/discrepancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Locations ranked by how much their sources disagree
         * @description For every location with two or more sources of the metric: each source is compared with the first in precedence order over the date range; the location scores the mean relative difference of its worst source. Sources sharing fewer than `min_days` days with the reference are left out.
         */
        get: operations["listDiscrepancies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Database reachable; per source: last attempt, last success, data end, ages, staleness
         * @description 200 with status ok, or degraded when a required source (the first choice of a precedence rule) is failing or stale; a source is stale when its last success is older than its cadence allows (daily 48 h, weekly 9 days, irregular 31 days; archived sources with frozen_on never are). 503 with status unavailable when the database cannot be reached. Never cached.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imaging/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Images filed twice: under two patients, or in two datasets */
        get: operations["listImageDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imaging/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The imaging index: one row per image, with normalised finding, view, patient and clinical fields
         * @description Images of the medical-imaging datasets Glacier indexes, filtered and paged. `finding` matches a hierarchy prefix. Raw strings are kept beside normalised values; `local` images have a hash, size and thumbnail.
         */
        get: operations["listImages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imaging/images/{dataset}/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A JPEG thumbnail of an image whose file is held here */
        get: operations["getImageThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imaging/splits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient-level train/val/test split, stratified by finding, reproducible for a seed
         * @description Whole patients go to one split, and images that are the same image under two patient ids (same file name and source, or identical content) go with them: no patient and no image is in two splits. Per finding, the number of groups (a patient with any patient it shares an image with) in each split is the ratio’s share rounded down or up. Same seed, same split. See docs/models/splits.md.
         */
        get: operations["getImagingSplits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imaging/splits/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit the split a dataset’s authors published (COVID-CT’s train/val/test lists) */
        get: operations["getPublishedSplitAudit"];
        put?: never;
        /**
         * Audit a split: patients and duplicate images in more than one split, findings per split
         * @description The body is `{"rows": [{"dataset", "image_id", "split"}]}` as JSON, or CSV (Content-Type: text/csv) with a header naming dataset, image_id and split.
         */
        post: operations["postImagingSplitAudit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imaging/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Images and patients by dataset × finding × modality × view */
        get: operations["getImagingSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest reported value per location (for maps)
         * @description One row per location that has data for the metric: its default series’ last reported (non-missing) value and date.
         */
        get: operations["listLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/literature/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One paper (every source id kept, the preprints sharing its DOI); format=bibtex|ris to cite it */
        get: operations["getPaper"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/literature/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Papers per week or month of publication, optionally matching a query (a series beside the case counts) */
        get: operations["getLiteratureCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/literature/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-text search of the COVID-19 literature (CORD-19), ranked, with highlights
         * @description PostgreSQL text search over title (weighted higher) and abstract, in the database itself (PGlite runs the same). Filters: publication dates, CORD-19 source, preprint server, has DOI.
         */
        get: operations["searchLiterature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search locations by name, alias or code
         * @description English or Chinese names ("Hubei", "湖北"); case and accents do not matter ("cote d’ivoire", "CÔTE D’IVOIRE"). Exact name or code matches come first. Paginated with limit and offset.
         */
        get: operations["listLocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One location with its parent, children and available series */
        get: operations["getLocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every location’s value on one day (map snapshots)
         * @description One row per location of a level (or children of a parent) with its value of the metric and transform on `date` — the same value /v1/series gives — or, when it has none that day, its newest value within `tolerance` days before. `meta` gives the first and last day with data, for a timeline. The first request for a metric, transform and level reads every series of that level; later days are served from memory until the data changes.
         */
        get: operations["getMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metric definitions and units, missing-value reasons, transforms */
        get: operations["listMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/delays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delay between two events of the case records: empirical distribution and gamma, lognormal, Weibull fits
         * @description For the cases (filtered as /v1/cases) with both dates: the empirical distribution of the delays known to the day, and maximum-likelihood fits that treat each date as a day (or the range the list gives), with AIC and bootstrap 95 % intervals; `interval=week` adds one estimate per week. See docs/models/delays.md.
         */
        get: operations["getDelays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backtest: forecasts at every Saturday of a range, each from the data as then known, scored against the latest data
         * @description For each reference date (Saturday) in `from`..`to` (at most 60), the models forecast from the data as known on that date (`versioned=false`: from the latest data cut at that date); every forecast whose target week the latest data knows is scored: weighted interval score (WIS), absolute error of the median, 50 % and 95 % interval coverage. The summary gives per model and horizon the mean WIS, coverage and relative WIS (mean WIS / the baseline’s over the same targets). See docs/models/forecast.md.
         */
        get: operations["getForecastEvaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Quantile forecasts of weekly incident cases or deaths, 1–4 weeks ahead, in the hubverse format
         * @description Forecasts made at `reference_date` (a Saturday) from the data as it was known on that date (`as_of` changes the vintage): the Forecast Hub’s baseline, a log-linear growth model and their quantile-median ensemble. One row per model, horizon and quantile level (7 levels for cases, 23 for deaths). See docs/models/forecast.md.
         */
        get: operations["getForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/incubation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The incubation period from cases with an exposure window and an onset date (doubly interval-censored fits)
         * @description Infection uniform over each case’s exposure window, onset within its day (Backer, Klinkenberg & Wallinga 2020): gamma, lognormal and Weibull fits with mean, median, 95th and 99th percentiles and bootstrap 95 % intervals, the cases used and the rule that selected them. See docs/models/delays.md.
         */
        get: operations["getIncubation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/rt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reproduction number Rt over sliding windows (Cori et al. 2013, as EpiEstim computes it)
         * @description Posterior of the instantaneous reproduction number for each window of `window` days, from the daily incidence of a stored cumulative series as known at `as_of`: mean, sd, median, the quantiles EpiEstim reports, P(R < 1) and EpiNow2’s trend label. Serial interval: 1 day + a gamma delay of mean `mean_si` and sd `std_si`, discretised as EpiEstim’s discr_si, or `si_distr`. Unknown days are interpolated across gaps of up to 7 days and counted in `imputed_days`; windows too early in the epidemic are left out unless `include_early`. See docs/models/rt.md.
         */
        get: operations["getRt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/seir/fit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fit SIR/SEIR to daily cases (and deaths) by maximum likelihood, with scenarios
         * @description Fits each transmission segment’s R (split at `change_dates`) and the day-0 seed — and gamma, reporting or ifr if asked — to an explicit series (`observed`) or a stored one (`location`, `from`, `to`, `as_of`), by negative-binomial (default) or Poisson likelihood with several Nelder–Mead starts. Reports R0 = β/γ and every R with 95 % profile-likelihood intervals, the log-likelihood and AIC, the fitted curve, and `scenarios` (transmission changed from a date) projected `horizon` days on. A fit stops with ERR_MODEL_TIMEOUT after 20 s. See docs/models/seir.md.
         */
        post: operations["postSeirFit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/seir/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a deterministic SIR/SEIR model (or a metapopulation of linked patches)
         * @description Solves the compartment model (Dormand–Prince 5(4), relative tolerance 1e-7) for `days` days from the day-0 state, with a piecewise-constant transmission rate β and a deaths compartment. With `patches` and `mobility` it runs one model per patch, linked by daily travel. At most 1500 days and 50 patches. See docs/models/seir.md.
         */
        post: operations["postSeirSimulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every published value of one cell, by vintage
         * @description All values each source published for a location, metric and date, oldest issue first, with the run and file each came from.
         */
        get: operations["listRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SARS-CoV-2 genomes: metadata, clade, QC and mutations (aligned to the reference at ingest) */
        get: operations["listSequences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{strain}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sequence with its mutations, clade and QC */
        get: operations["getSequence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/clades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sequences of each clade per week or month, with frequencies (a series) */
        get: operations["getCladeFrequencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/fasta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The selected genomes as FASTA, only where their terms allow serving them */
        get: operations["getSequencesFasta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/mutations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many sequences carry each nucleotide and amino-acid substitution */
        get: operations["getMutationCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily time series for locations and metrics
         * @description JSON: one object per location and metric with a dense array of daily values from `start` to `end` (null where missing), the missing reasons, issues (vintages) and supplying sources as runs of dates, and the anomaly flags. CSV and JSON Lines: long format, one row per location, metric and date, with `missing_reason`, `source`, `derived`, `issue` and `flags` on every row. A missing value is null with its reason, never a fake 0. `source=best` (default) takes each date from the first source in precedence order whose series covers it; `as_of` returns the data as known on a past date.
         */
        get: operations["getSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every source: licence, coverage, freshness, last run */
        get: operations["listSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One source: licence, files with upstream URLs, recent runs */
        get: operations["getSource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{id}/runs/{run}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ingest run: files read (URL, sha256, bytes), counts and its validation report */
        get: operations["getSourceRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Error
         * @description Every error has this shape; codes are listed in docs/api.md
         */
        "def-0": {
            error: {
                /** @enum {string} */
                code: "ERR_BAD_PARAMETER" | "ERR_UNKNOWN_LOCATION" | "ERR_UNKNOWN_METRIC" | "ERR_UNKNOWN_SOURCE" | "ERR_BAD_DATE" | "ERR_DATE_RANGE" | "ERR_TOO_MANY_LOCATIONS" | "ERR_NOT_SATURDAY" | "ERR_TOO_MANY_DATES" | "ERR_SERIES_TOO_SHORT" | "ERR_MODEL_INPUT" | "ERR_MODEL_TIMEOUT" | "ERR_NO_DATA" | "ERR_BAD_BODY" | "ERR_PAYLOAD_TOO_LARGE" | "ERR_URI_TOO_LONG" | "ERR_UNSUPPORTED_MEDIA_TYPE" | "ERR_NOT_FOUND" | "ERR_LOCATION_NOT_FOUND" | "ERR_SOURCE_NOT_FOUND" | "ERR_RUN_NOT_FOUND" | "ERR_DATASET_NOT_FOUND" | "ERR_NO_CITATION" | "ERR_IMAGE_NOT_FOUND" | "ERR_NO_LOCAL_FILE" | "ERR_CASE_NOT_FOUND" | "ERR_PAPER_NOT_FOUND" | "ERR_SEQUENCE_NOT_FOUND" | "ERR_BULK_FILE_NOT_FOUND" | "ERR_BULK_NOT_READY" | "ERR_NOT_REDISTRIBUTABLE" | "ERR_UNAUTHORIZED" | "ERR_BUSY" | "ERR_RATE_LIMITED" | "ERR_OVERLOADED" | "ERR_TIMEOUT" | "ERR_UNAVAILABLE" | "ERR_INTERNAL";
                message: string;
                /** @description The query parameter at fault, when there is one */
                parameter?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAdminIngest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Only these sources (ids of /v1/sources); all when left out */
                    source?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        refresh: {
                            /** @description Numbered per server process, from 1 */
                            id: number;
                            /** @description Empty: every source */
                            sources: string[];
                            started_at: string;
                            trigger: string;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The route needs a bearer token (Authorization header) and did not get the right one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Busy with the same work (e.g. a refresh is already running) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listAnomalies: {
        parameters: {
            query?: {
                /** @description Only this anomaly code */
                code?: "negative_change" | "backlog_dump" | "cadence_change" | "stale_values" | "discontinued" | "duplicate_row";
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                from?: string;
                limit?: number;
                /** @description Location keys, comma-separated */
                location?: string;
                metric?: string;
                offset?: number;
                source?: string;
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @enum {string} */
                            code: "negative_change" | "backlog_dump" | "cadence_change" | "stale_values" | "discontinued" | "duplicate_row";
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            date: string;
                            derived: boolean;
                            detail: {
                                [key: string]: string | number | null;
                            } | null;
                            location: string;
                            metric: string;
                            source: string;
                        }[];
                        meta: {
                            codes: {
                                [key: string]: string;
                            };
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                    "application/x-ndjson": {
                        /** @enum {string} */
                        code: "negative_change" | "backlog_dump" | "cadence_change" | "stale_values" | "discontinued" | "duplicate_row";
                        /**
                         * Format: date
                         * @description ISO date, YYYY-MM-DD
                         * @example 2021-01-01
                         */
                        date: string;
                        derived: boolean;
                        detail: {
                            [key: string]: string | number | null;
                        } | null;
                        location: string;
                        metric: string;
                        source: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listBulkFiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: string | null;
                        /** @description The data version served now */
                        data_version: number;
                        datapackage: string | null;
                        files: {
                            bytes: number;
                            /** @description parquet or csv (gzip CSV) */
                            format: string;
                            media_type: string;
                            /** @description File name, e.g. series.parquet */
                            name: string;
                            rows: number;
                            /** @description Hex SHA-256 of the file as served */
                            sha256: string;
                            /** @description The table it holds (series, series-by-source, locations, sources, anomalies, cases, papers, sequences, images) */
                            table: string;
                            url: string;
                        }[];
                        files_version: number | null;
                        /**
                         * @description ready: the files are of the current data version; building: they are of an older one (or none is built yet) and a build is due
                         * @enum {string}
                         */
                        status: "ready" | "building";
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getBulkFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A file name from the listing, or datapackage.json
                 * @example sources.csv.gz
                 */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested byte range of the file */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not modified (If-None-Match / If-Modified-Since) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                /**
                 * @description Only cases whose admission date starts on or after this day
                 * @example 2021-01-01
                 */
                admission_from?: string;
                /**
                 * @description Only cases whose admission date starts on or before this day
                 * @example 2021-01-01
                 */
                admission_to?: string;
                /** @description Cases whose whole age range is at most this (an open-ended "80+" never is) */
                age_max?: number;
                /** @description Cases whose whole age range is at least this */
                age_min?: number;
                /**
                 * @description The records as the lists said on this date
                 * @example 2021-01-01
                 */
                as_of?: string;
                /**
                 * @description Only cases whose confirmation date starts on or after this day
                 * @example 2021-01-01
                 */
                confirmation_from?: string;
                /**
                 * @description Only cases whose confirmation date starts on or before this day
                 * @example 2021-01-01
                 */
                confirmation_to?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_end_from?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_end_to?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_start_from?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_start_to?: string;
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /** @description Events whose date must be known, comma-separated (onset, admission, confirmation, outcome, exposure_start, exposure_end, travel, report) */
                has?: string;
                limit?: number;
                /** @description A location key: cases there or in any place under it (CN includes CN_HB) */
                location?: string;
                offset?: number;
                /**
                 * @description Only cases whose onset date starts on or after this day
                 * @example 2021-01-01
                 */
                onset_from?: string;
                /**
                 * @description Only cases whose onset date starts on or before this day
                 * @example 2021-01-01
                 */
                onset_to?: string;
                /** @description Normalised outcome */
                outcome?: "recovered" | "died" | "hospitalized" | "stable" | "unknown";
                /**
                 * @description Only cases whose outcome date starts on or after this day
                 * @example 2021-01-01
                 */
                outcome_from?: string;
                /**
                 * @description Only cases whose outcome date starts on or before this day
                 * @example 2021-01-01
                 */
                outcome_to?: string;
                /**
                 * @description Only cases whose report date starts on or after this day
                 * @example 2021-01-01
                 */
                report_from?: string;
                /**
                 * @description Only cases whose report date starts on or before this day
                 * @example 2021-01-01
                 */
                report_to?: string;
                /** @description female, male or unknown */
                sex?: "female" | "male" | "unknown";
                /** @description Line lists, comma-separated (linelist-open, linelist-kudos) */
                source?: string;
                /**
                 * @description Only cases whose travel date starts on or after this day
                 * @example 2021-01-01
                 */
                travel_from?: string;
                /**
                 * @description Only cases whose travel date starts on or before this day
                 * @example 2021-01-01
                 */
                travel_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: string | number | boolean | null;
                        }[];
                        meta: {
                            as_of: string | null;
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                    "application/x-ndjson": {
                        [key: string]: string | number | boolean | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: {
                /**
                 * @description The record as known on this date
                 * @example 2021-01-01
                 */
                as_of?: string;
            };
            header?: never;
            path: {
                /** @example 1 */
                id: string;
                /** @example linelist-kudos */
                source: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One case; columns as in /v1/cases/dictionary */
                        data: {
                            [key: string]: string | number | boolean | null;
                        };
                        /** @description Every stored version of the record */
                        versions: {
                            issue: string;
                            withdrawn: boolean;
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getCasesDictionary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            description: string;
                            field: string;
                            type: string;
                            values?: string[];
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getCasesSummary: {
        parameters: {
            query?: {
                /**
                 * @description Only cases whose admission date starts on or after this day
                 * @example 2021-01-01
                 */
                admission_from?: string;
                /**
                 * @description Only cases whose admission date starts on or before this day
                 * @example 2021-01-01
                 */
                admission_to?: string;
                /** @description Cases whose whole age range is at most this (an open-ended "80+" never is) */
                age_max?: number;
                /** @description Cases whose whole age range is at least this */
                age_min?: number;
                /**
                 * @description The records as the lists said on this date
                 * @example 2021-01-01
                 */
                as_of?: string;
                /**
                 * @description Only cases whose confirmation date starts on or after this day
                 * @example 2021-01-01
                 */
                confirmation_from?: string;
                /**
                 * @description Only cases whose confirmation date starts on or before this day
                 * @example 2021-01-01
                 */
                confirmation_to?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_end_from?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_end_to?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_start_from?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_start_to?: string;
                /** @description Events whose date must be known, comma-separated (onset, admission, confirmation, outcome, exposure_start, exposure_end, travel, report) */
                has?: string;
                /** @description A location key: cases there or in any place under it (CN includes CN_HB) */
                location?: string;
                /**
                 * @description Only cases whose onset date starts on or after this day
                 * @example 2021-01-01
                 */
                onset_from?: string;
                /**
                 * @description Only cases whose onset date starts on or before this day
                 * @example 2021-01-01
                 */
                onset_to?: string;
                /** @description Normalised outcome */
                outcome?: "recovered" | "died" | "hospitalized" | "stable" | "unknown";
                /**
                 * @description Only cases whose outcome date starts on or after this day
                 * @example 2021-01-01
                 */
                outcome_from?: string;
                /**
                 * @description Only cases whose outcome date starts on or before this day
                 * @example 2021-01-01
                 */
                outcome_to?: string;
                /**
                 * @description Only cases whose report date starts on or after this day
                 * @example 2021-01-01
                 */
                report_from?: string;
                /**
                 * @description Only cases whose report date starts on or before this day
                 * @example 2021-01-01
                 */
                report_to?: string;
                /** @description female, male or unknown */
                sex?: "female" | "male" | "unknown";
                /** @description Line lists, comma-separated (linelist-open, linelist-kudos) */
                source?: string;
                /**
                 * @description Only cases whose travel date starts on or after this day
                 * @example 2021-01-01
                 */
                travel_from?: string;
                /**
                 * @description Only cases whose travel date starts on or before this day
                 * @example 2021-01-01
                 */
                travel_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        age_sex: {
                            /** @description 10-year band, e.g. 40-49; unknown when the age is unknown or spans bands */
                            band: string;
                            cases: number;
                            sex: string;
                        }[];
                        /** @description Cases per day of each event (dates known to the day) */
                        by_day: {
                            cases: number;
                            date: string;
                            event: string;
                        }[];
                        outcomes: {
                            cases: number;
                            outcome: string;
                        }[];
                        total: number;
                        travel_history: {
                            cases: number;
                            share: number | null;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getChatterTerm: {
        parameters: {
            query: {
                kind?: "terms" | "bigrams" | "trigrams";
                term: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            count: number | null;
                            date: string;
                            rank: number | null;
                            share: number | null;
                        }[];
                        meta: {
                            kind: string;
                            term: string;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getChatterTop: {
        parameters: {
            query?: {
                /**
                 * @description A day held (default: the latest)
                 * @example 2020-03-22
                 */
                date?: string;
                /** @description noise: leave out stop words, artefacts (nan) and HTML residue (href rel nofollow) */
                filter?: "none" | "noise";
                kind?: "terms" | "bigrams" | "trigrams";
                n?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            count: number;
                            rank: number;
                            token: string;
                        }[];
                        meta: {
                            date: string;
                            kind: string;
                            /** @description N-grams the noise filter left out */
                            removed: number;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    compareSources: {
        parameters: {
            query: {
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                as_of?: string;
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                from?: string;
                /** @example DE */
                location: string;
                metric?: string;
                /** @description Source the others are compared with (default: the first in precedence order) */
                reference?: string;
                /**
                 * @description Read the reference as published on this date instead of as_of (e.g. a source’s old vintage against the reference’s final data)
                 * @example 2021-01-01
                 */
                reference_as_of?: string;
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        end: string | null;
                        meta: {
                            as_of: string | null;
                            data_version: number;
                            location: string;
                            metric: string;
                            reference: string | null;
                            reference_as_of: string | null;
                        };
                        sources: {
                            agreement: {
                                days_compared: number;
                                days_differing: number;
                                first_differing: string | null;
                                last_differing: string | null;
                                max_abs_diff: number;
                                /** @description |a − b| / max(|a|, |b|) at its largest */
                                max_rel_diff: number;
                                mean_rel_diff: number;
                                share_differing: number;
                            } | null;
                            derived: boolean;
                            /** @description 0 = first in precedence order */
                            rank: number;
                            source: string;
                            /** @description One value per day from start to end; null where missing */
                            values: (number | null)[];
                        }[];
                        start: string | null;
                    };
                    "application/x-ndjson": {
                        /**
                         * Format: date
                         * @description ISO date, YYYY-MM-DD
                         * @example 2021-01-01
                         */
                        date: string;
                        derived: boolean;
                        location: string;
                        metric: string;
                        /**
                         * @description Why the value is missing (null when it is not): see /v1/metrics
                         * @enum {string|null}
                         */
                        missing_reason: "not_reported" | "discontinued" | "incomplete" | "not_applicable" | null;
                        source: string;
                        value: number | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listDatasets: {
        parameters: {
            query?: {
                /** @description Only datasets offering this kind of access */
                access?: "download" | "registration" | "web-pages" | "api";
                /** @description true: commercial use allowed; false: not allowed (datasets whose terms do not say match neither) */
                commercial?: "true" | "false";
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /** @description true: only datasets Glacier holds rows of; false: only those it does not */
                local?: "true" | "false";
                /** @description Only imaging datasets of this modality */
                modality?: "x-ray" | "ct" | "ultrasound";
                /** @description Words that must all appear (any case) in the id, title, publisher, description or keywords */
                q?: string;
                /** @description Only datasets of this redistribution class */
                redistribution?: "open" | "attribution" | "share-alike" | "non-commercial" | "research-only" | "registration-required" | "ids-only" | "unclear";
                /** @description Only datasets of this type */
                type?: "cases" | "imaging" | "literature" | "sequences" | "social" | "linelist";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            access: ("download" | "registration" | "web-pages" | "api")[];
                            citation: {
                                authors: string[];
                                container: string | null;
                                doi: string | null;
                                key: string;
                                kind: string;
                                title: string;
                                url: string | null;
                                year: number;
                            } | null;
                            commercial_use: boolean | null;
                            /** @description The Glacier connectors (source ids) that ingest it */
                            connectors: string[];
                            /** @description Counts as the publisher states them, with the date stated */
                            counts: {
                                note: string | null;
                                source: string;
                                /** @description When the publisher stated the count */
                                stated_on: string;
                                unit: string;
                                value: number;
                            }[];
                            description: string;
                            downloads: {
                                format: string | null;
                                title: string;
                                url: string;
                            }[];
                            homepage: string;
                            id: string;
                            keywords: string[];
                            last_update: string | null;
                            license: {
                                name: string;
                                spdx: string | null;
                                url: string;
                            };
                            /** @description What Glacier holds of it here: tables and rows (empty: nothing) */
                            local: {
                                rows: number;
                                source: string;
                                table: string;
                            }[];
                            modalities: ("x-ray" | "ct" | "ultrasound")[];
                            publisher: string;
                            /**
                             * @description What others may do with the data
                             * @enum {string}
                             */
                            redistribution: "open" | "attribution" | "share-alike" | "non-commercial" | "research-only" | "registration-required" | "ids-only" | "unclear";
                            redistribution_note: string;
                            spatial_coverage: string;
                            /** @enum {string} */
                            status: "active" | "frozen";
                            temporal_coverage: {
                                end: string | null;
                                start: string | null;
                            } | null;
                            title: string;
                            /**
                             * @description What the dataset holds
                             * @enum {string}
                             */
                            type: "cases" | "imaging" | "literature" | "sequences" | "social" | "linelist";
                        }[];
                        meta: {
                            total: number;
                        };
                    };
                    "application/x-ndjson": {
                        access: ("download" | "registration" | "web-pages" | "api")[];
                        citation: {
                            authors: string[];
                            container: string | null;
                            doi: string | null;
                            key: string;
                            kind: string;
                            title: string;
                            url: string | null;
                            year: number;
                        } | null;
                        commercial_use: boolean | null;
                        /** @description The Glacier connectors (source ids) that ingest it */
                        connectors: string[];
                        /** @description Counts as the publisher states them, with the date stated */
                        counts: {
                            note: string | null;
                            source: string;
                            /** @description When the publisher stated the count */
                            stated_on: string;
                            unit: string;
                            value: number;
                        }[];
                        description: string;
                        downloads: {
                            format: string | null;
                            title: string;
                            url: string;
                        }[];
                        homepage: string;
                        id: string;
                        keywords: string[];
                        last_update: string | null;
                        license: {
                            name: string;
                            spdx: string | null;
                            url: string;
                        };
                        /** @description What Glacier holds of it here: tables and rows (empty: nothing) */
                        local: {
                            rows: number;
                            source: string;
                            table: string;
                        }[];
                        modalities: ("x-ray" | "ct" | "ultrasound")[];
                        publisher: string;
                        /**
                         * @description What others may do with the data
                         * @enum {string}
                         */
                        redistribution: "open" | "attribution" | "share-alike" | "non-commercial" | "research-only" | "registration-required" | "ids-only" | "unclear";
                        redistribution_note: string;
                        spatial_coverage: string;
                        /** @enum {string} */
                        status: "active" | "frozen";
                        temporal_coverage: {
                            end: string | null;
                            start: string | null;
                        } | null;
                        title: string;
                        /**
                         * @description What the dataset holds
                         * @enum {string}
                         */
                        type: "cases" | "imaging" | "literature" | "sequences" | "social" | "linelist";
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getDataset: {
        parameters: {
            query?: {
                /** @description json (default) or jsonld: a schema.org Dataset */
                format?: "json" | "jsonld";
            };
            header?: never;
            path: {
                /** @example covid-chestxray */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            access: ("download" | "registration" | "web-pages" | "api")[];
                            citation: {
                                authors: string[];
                                container: string | null;
                                doi: string | null;
                                key: string;
                                kind: string;
                                title: string;
                                url: string | null;
                                year: number;
                            } | null;
                            commercial_use: boolean | null;
                            /** @description The Glacier connectors (source ids) that ingest it */
                            connectors: string[];
                            /** @description Counts as the publisher states them, with the date stated */
                            counts: {
                                note: string | null;
                                source: string;
                                /** @description When the publisher stated the count */
                                stated_on: string;
                                unit: string;
                                value: number;
                            }[];
                            description: string;
                            downloads: {
                                format: string | null;
                                title: string;
                                url: string;
                            }[];
                            homepage: string;
                            id: string;
                            keywords: string[];
                            last_update: string | null;
                            license: {
                                name: string;
                                spdx: string | null;
                                url: string;
                            };
                            /** @description What Glacier holds of it here: tables and rows (empty: nothing) */
                            local: {
                                rows: number;
                                source: string;
                                table: string;
                            }[];
                            modalities: ("x-ray" | "ct" | "ultrasound")[];
                            publisher: string;
                            /**
                             * @description What others may do with the data
                             * @enum {string}
                             */
                            redistribution: "open" | "attribution" | "share-alike" | "non-commercial" | "research-only" | "registration-required" | "ids-only" | "unclear";
                            redistribution_note: string;
                            spatial_coverage: string;
                            /** @enum {string} */
                            status: "active" | "frozen";
                            temporal_coverage: {
                                end: string | null;
                                start: string | null;
                            } | null;
                            title: string;
                            /**
                             * @description What the dataset holds
                             * @enum {string}
                             */
                            type: "cases" | "imaging" | "literature" | "sequences" | "social" | "linelist";
                        };
                    };
                    "application/ld+json": {
                        "@context": string;
                        /** @enum {string} */
                        "@type": "Dataset";
                        name: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getDatasetCitation: {
        parameters: {
            query?: {
                /** @description bibtex (default) or ris */
                format?: "bibtex" | "ris";
            };
            header?: never;
            path: {
                /** @example covid-chestxray */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-bibtex": string;
                    "application/x-research-info-systems": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listDiscrepancies: {
        parameters: {
            query?: {
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                as_of?: string;
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                from?: string;
                /** @description country, subdivision (state, province) or county */
                level?: "country" | "subdivision" | "county";
                limit?: number;
                metric?: string;
                /** @description Ignore sources sharing fewer days with the reference */
                min_days?: number;
                offset?: number;
                parent?: string;
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            days_compared: number;
                            days_differing: number;
                            /**
                             * @description country, subdivision (state, province) or county
                             * @enum {string}
                             */
                            level: "country" | "subdivision" | "county";
                            location: string;
                            max_abs_diff: number;
                            max_rel_diff: number;
                            /** @description Of the worst source: the ranking score */
                            mean_rel_diff: number;
                            name: string;
                            reference: string;
                            share_differing: number;
                            sources_compared: number;
                            worst_source: string;
                        }[];
                        meta: {
                            data_version: number;
                            limit: number;
                            metric: string;
                            offset: number;
                            total: number;
                        };
                    };
                    "application/x-ndjson": {
                        days_compared: number;
                        days_differing: number;
                        /**
                         * @description country, subdivision (state, province) or county
                         * @enum {string}
                         */
                        level: "country" | "subdivision" | "county";
                        location: string;
                        max_abs_diff: number;
                        max_rel_diff: number;
                        /** @description Of the worst source: the ranking score */
                        mean_rel_diff: number;
                        name: string;
                        reference: string;
                        share_differing: number;
                        sources_compared: number;
                        worst_source: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The time the ages are counted to */
                        checked_at: string;
                        data_version: number;
                        database: {
                            kind: string;
                            /** @enum {boolean} */
                            reachable: true;
                            /**
                             * @description Where reads go now: replica with DATABASE_READ_URL once it has replayed the current data version, else primary (docs/deploy.md)
                             * @enum {string}
                             */
                            reads_from: "primary" | "replica";
                        };
                        /** @description One line per required source that is failing or stale */
                        problems: string[];
                        sources: {
                            age_hours: {
                                since_data_end: number | null;
                                since_success: number | null;
                            };
                            cadence: "daily" | "weekly" | "irregular";
                            data_end: string | null;
                            /** @description The newest run failed */
                            failing: boolean;
                            /** @description Archived upstream on this date: never stale */
                            frozen_on: string | null;
                            id: string;
                            last_attempt: {
                                error: string | null;
                                finished_at: string | null;
                                started_at: string;
                                /** @description running, succeeded or failed */
                                status: string;
                            } | null;
                            last_run_at: string | null;
                            last_run_status: string | null;
                            last_success_at: string | null;
                            /** @description The first source of a precedence rule: its health decides the overall status */
                            required: boolean;
                            stale: boolean;
                            /** @description null for frozen sources */
                            stale_after_hours: number | null;
                            state: "fresh" | "stale" | "frozen" | "never_succeeded";
                        }[];
                        /** @description A source is stale when its last success is older than this, by its declared cadence */
                        stale_after_hours: {
                            daily: number;
                            irregular: number;
                            weekly: number;
                        };
                        /** @description degraded: a required source is failing or stale (see problems) */
                        status: "ok" | "degraded";
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data_version: null;
                        database: {
                            kind: string;
                            /** @enum {boolean} */
                            reachable: false;
                        };
                        sources: unknown[];
                        /** @enum {string} */
                        status: "unavailable";
                    };
                };
            };
        };
    };
    listImageDuplicates: {
        parameters: {
            query?: {
                /** @description Imaging datasets, comma-separated (covid-chestxray, actualmed, covid-ct, pocus) */
                dataset?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            datasets: number;
                            key: string;
                            listings: {
                                dataset: string;
                                finding: string | null;
                                image_id: string;
                                listing: number;
                                patient: string | null;
                                source_url: string | null;
                            }[];
                            patients: number;
                            /** @enum {string} */
                            reason: "same_name_and_source" | "same_content";
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listImages: {
        parameters: {
            query?: {
                age_max?: number;
                age_min?: number;
                /** @description true: licence allows commercial use; false: it does not (unknown matches neither) */
                commercial?: "true" | "false";
                /** @description Imaging datasets, comma-separated (covid-chestxray, actualmed, covid-ct, pocus) */
                dataset?: string;
                /** @description A finding or a prefix of the hierarchy: `Pneumonia/Viral` matches `Pneumonia/Viral/COVID-19`, `Pneumonia/Viral/SARS`, … */
                finding?: string;
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                limit?: number;
                modality?: "x-ray" | "ct" | "ultrasound";
                offset?: number;
                /** @description The dataset’s own patient id (use with one dataset) */
                patient?: string;
                sex?: "M" | "F";
                /** @description Normalised view: PA, AP, AP Supine, L, Axial, Coronal, … */
                view?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            age: number | null;
                            also_findings: string[];
                            bytes: number | null;
                            /** @description Clinical fields the dataset publishes (survival, intubated, went_icu, temperature, …) */
                            clinical: {
                                [key: string]: unknown;
                            };
                            commercial_use: boolean | null;
                            dataset: string;
                            doi: string | null;
                            /** @description The metadata file the record comes from */
                            file: string;
                            finding: string | null;
                            finding_raw: string | null;
                            height: number | null;
                            /** @description The file name as published */
                            image_id: string;
                            license: string | null;
                            /** @description Its line there (header = 1) */
                            line: number;
                            /** @description 1, or 2, 3, … when the metadata lists the same file again (e.g. under another patient) */
                            listing: number;
                            /** @description The image file is held here (hash, size and thumbnail available) */
                            local: boolean;
                            /** @description As the annotation gives it */
                            lung_boxes: unknown;
                            /** @enum {string} */
                            modality: "x-ray" | "ct" | "ultrasound";
                            offset_days: number | null;
                            patient: string | null;
                            /** @description As the annotation gives it */
                            severity: unknown;
                            sex: ("M" | "F") | null;
                            sha256: string | null;
                            source_url: string | null;
                            study_date: string | null;
                            /** @enum {string} */
                            study_date_precision: "day" | "month" | "year" | "unknown";
                            study_date_raw: string | null;
                            thumbnail: string | null;
                            view: string | null;
                            view_raw: string | null;
                            width: number | null;
                        }[];
                        meta: {
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                    "application/x-ndjson": {
                        age: number | null;
                        also_findings: string[];
                        bytes: number | null;
                        /** @description Clinical fields the dataset publishes (survival, intubated, went_icu, temperature, …) */
                        clinical: {
                            [key: string]: unknown;
                        };
                        commercial_use: boolean | null;
                        dataset: string;
                        doi: string | null;
                        /** @description The metadata file the record comes from */
                        file: string;
                        finding: string | null;
                        finding_raw: string | null;
                        height: number | null;
                        /** @description The file name as published */
                        image_id: string;
                        license: string | null;
                        /** @description Its line there (header = 1) */
                        line: number;
                        /** @description 1, or 2, 3, … when the metadata lists the same file again (e.g. under another patient) */
                        listing: number;
                        /** @description The image file is held here (hash, size and thumbnail available) */
                        local: boolean;
                        /** @description As the annotation gives it */
                        lung_boxes: unknown;
                        /** @enum {string} */
                        modality: "x-ray" | "ct" | "ultrasound";
                        offset_days: number | null;
                        patient: string | null;
                        /** @description As the annotation gives it */
                        severity: unknown;
                        sex: ("M" | "F") | null;
                        sha256: string | null;
                        source_url: string | null;
                        study_date: string | null;
                        /** @enum {string} */
                        study_date_precision: "day" | "month" | "year" | "unknown";
                        study_date_raw: string | null;
                        thumbnail: string | null;
                        view: string | null;
                        view_raw: string | null;
                        width: number | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getImageThumbnail: {
        parameters: {
            query?: {
                /** @description Longer side in pixels (never upscaled) */
                size?: 64 | 128 | 256 | 512;
            };
            header?: never;
            path: {
                /** @example covid-chestxray */
                dataset: string;
                /**
                 * @description The image id (file name as published)
                 * @example thnov10p5641g006-c.png
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getImagingSplits: {
        parameters: {
            query?: {
                /** @description Imaging datasets, comma-separated (covid-chestxray, actualmed, covid-ct, pocus) */
                dataset?: string;
                /** @description A finding or a prefix of the hierarchy: `Pneumonia/Viral` matches `Pneumonia/Viral/COVID-19`, `Pneumonia/Viral/SARS`, … */
                finding?: string;
                format?: "json" | "csv";
                /** @description Fractions for train, val, test (1 to 3, summing to 1) */
                ratios?: string;
                /** @description Same seed, same split */
                seed?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            dataset: string;
                            finding: string | null;
                            image_id: string;
                            listing: number;
                            patient: string | null;
                            /** @enum {string} */
                            split: "train" | "val" | "test";
                        }[];
                        meta: {
                            /** @description Groups of images that go together: one patient, joined with any image it shares */
                            groups: number;
                            ratios: number[];
                            seed: number;
                        };
                        summary: {
                            findings: {
                                [key: string]: {
                                    images: number;
                                    patients: number;
                                };
                            };
                            groups: number;
                            images: number;
                            patients: number;
                            /** @enum {string} */
                            split: "train" | "val" | "test";
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getPublishedSplitAudit: {
        parameters: {
            query: {
                /**
                 * @description A dataset whose authors published a split (covid-ct)
                 * @example covid-ct
                 */
                dataset: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicates_across_splits: {
                            items: {
                                id: string;
                                split: string;
                            }[];
                            key: string;
                        }[];
                        findings_per_split: {
                            findings: {
                                [key: string]: number;
                            };
                            images: number;
                            patients: number;
                            split: string;
                        }[];
                        ids_in_several_splits: {
                            id: string;
                            splits: string[];
                        }[];
                        /** @description A patient, an image or a duplicated image is in more than one split */
                        leakage: boolean;
                        meta: {
                            dataset: string | null;
                            rows: number;
                        };
                        patients_in_several_splits: {
                            patient: string;
                            splits: {
                                [key: string]: number;
                            };
                        }[];
                        /** @description Rows naming no image of the index */
                        unknown: {
                            dataset: string;
                            image_id: string;
                            row: number;
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    postImagingSplitAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rows: {
                        dataset: string;
                        image_id: string;
                        split: string;
                    }[];
                };
                "text/csv": {
                    rows: {
                        dataset: string;
                        image_id: string;
                        split: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicates_across_splits: {
                            items: {
                                id: string;
                                split: string;
                            }[];
                            key: string;
                        }[];
                        findings_per_split: {
                            findings: {
                                [key: string]: number;
                            };
                            images: number;
                            patients: number;
                            split: string;
                        }[];
                        ids_in_several_splits: {
                            id: string;
                            splits: string[];
                        }[];
                        /** @description A patient, an image or a duplicated image is in more than one split */
                        leakage: boolean;
                        meta: {
                            dataset: string | null;
                            rows: number;
                        };
                        patients_in_several_splits: {
                            patient: string;
                            splits: {
                                [key: string]: number;
                            };
                        }[];
                        /** @description Rows naming no image of the index */
                        unknown: {
                            dataset: string;
                            image_id: string;
                            row: number;
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getImagingSummary: {
        parameters: {
            query?: {
                /** @description Imaging datasets, comma-separated (covid-chestxray, actualmed, covid-ct, pocus) */
                dataset?: string;
                /** @description A finding or a prefix of the hierarchy: `Pneumonia/Viral` matches `Pneumonia/Viral/COVID-19`, `Pneumonia/Viral/SARS`, … */
                finding?: string;
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                modality?: "x-ray" | "ct" | "ultrasound";
                /** @description Normalised view: PA, AP, AP Supine, L, Axial, Coronal, … */
                view?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            dataset: string;
                            finding: string | null;
                            images: number;
                            local_files: number;
                            modality: string;
                            /** @description Distinct patients (null patients not counted) */
                            patients: number;
                            view: string | null;
                        }[];
                        meta: {
                            images: number;
                            patients: number;
                        };
                    };
                    "application/x-ndjson": {
                        dataset: string;
                        finding: string | null;
                        images: number;
                        local_files: number;
                        modality: string;
                        /** @description Distinct patients (null patients not counted) */
                        patients: number;
                        view: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listLatest: {
        parameters: {
            query?: {
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /** @description country, subdivision (state, province) or county */
                level?: "country" | "subdivision" | "county";
                /** @description One metric */
                metric?: string;
                /** @description Only the children of this location key */
                parent?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            date: string | null;
                            derived: boolean;
                            issue: string | null;
                            /**
                             * @description country, subdivision (state, province) or county
                             * @enum {string}
                             */
                            level: "country" | "subdivision" | "county";
                            location: string;
                            metric: string;
                            name: string;
                            parent: string | null;
                            population: number | null;
                            source: string;
                            value: number | null;
                            value_per_100k: number | null;
                        }[];
                        meta: {
                            data_version: number;
                            metric: string;
                        };
                    };
                    "application/x-ndjson": {
                        date: string | null;
                        derived: boolean;
                        issue: string | null;
                        /**
                         * @description country, subdivision (state, province) or county
                         * @enum {string}
                         */
                        level: "country" | "subdivision" | "county";
                        location: string;
                        metric: string;
                        name: string;
                        parent: string | null;
                        population: number | null;
                        source: string;
                        value: number | null;
                        value_per_100k: number | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getPaper: {
        parameters: {
            query?: {
                format?: "json" | "bibtex" | "ris";
            };
            header?: never;
            path: {
                /**
                 * @description A CORD-19 cord_uid
                 * @example pzfd0e50
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The paper: ids (every source id kept), title, abstract, authors, journal, DOI, date with precision, licence, sources, provenance */
                        data: {
                            [key: string]: unknown;
                        };
                        /** @description Preprints sharing its DOI */
                        preprints: {
                            [key: string]: unknown;
                        }[];
                        source: string;
                    };
                    "application/x-bibtex": string;
                    "application/x-research-info-systems": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getLiteratureCounts: {
        parameters: {
            query?: {
                interval?: "week" | "month";
                /** @description Only papers matching this query */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            papers: number;
                            /** @description First day of the week (Monday) or month */
                            period: string;
                        }[];
                        meta: {
                            interval: string;
                            q: string | null;
                            /** @description Papers without a date precise enough for the interval (or with a placeholder date) */
                            uncounted: number;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    searchLiterature: {
        parameters: {
            query: {
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /**
                 * @description Published on or after
                 * @example 2021-01-01
                 */
                from?: string;
                /** @description true: only papers with a DOI; false: only those without */
                has_doi?: "true" | "false";
                limit?: number;
                offset?: number;
                /** @description Words to find in title or abstract (web-search syntax: "a phrase", -word, or) */
                q: string;
                /** @description Only papers that are preprints of this server (medRxiv, bioRxiv, …), by DOI */
                server?: string;
                /** @description A CORD-19 source (PMC, Elsevier, medrxiv, biorxiv, …) */
                source?: string;
                /**
                 * @description Published on or before
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            doi: string | null;
                            highlight: string | null;
                            /** @description CORD-19 cord_uid */
                            id: string;
                            journal: string | null;
                            /** @description The date is a placeholder (year only, or 31 December) */
                            placeholder: boolean;
                            precision: string | null;
                            published: string | null;
                            /** @description ts_rank_cd: title matches weigh more than abstract matches */
                            rank: number;
                            sources: string[];
                            title: string | null;
                        }[];
                        meta: {
                            limit: number;
                            offset: number;
                            q: string;
                            total: number;
                        };
                    };
                    "application/x-ndjson": {
                        doi: string | null;
                        highlight: string | null;
                        /** @description CORD-19 cord_uid */
                        id: string;
                        journal: string | null;
                        /** @description The date is a placeholder (year only, or 31 December) */
                        placeholder: boolean;
                        precision: string | null;
                        published: string | null;
                        /** @description ts_rank_cd: title matches weigh more than abstract matches */
                        rank: number;
                        sources: string[];
                        title: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listLocations: {
        parameters: {
            query?: {
                /** @description country, subdivision (state, province) or county */
                level?: "country" | "subdivision" | "county";
                limit?: number;
                offset?: number;
                parent?: string;
                /** @description Name (English or Chinese), alias or code; case and accents do not matter */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            aliases: string[];
                            fips: string | null;
                            iso_alpha2: string | null;
                            iso_alpha3: string | null;
                            iso_numeric: string | null;
                            jhu_uid: number | null;
                            key: string;
                            lat: number | null;
                            /**
                             * @description country, subdivision (state, province) or county
                             * @enum {string}
                             */
                            level: "country" | "subdivision" | "county";
                            lon: number | null;
                            name: string;
                            name_zh: string | null;
                            note: string | null;
                            parent: string | null;
                            population: number | null;
                        }[];
                        meta: {
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example US_CA */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            aliases: string[];
                            fips: string | null;
                            iso_alpha2: string | null;
                            iso_alpha3: string | null;
                            iso_numeric: string | null;
                            jhu_uid: number | null;
                            key: string;
                            lat: number | null;
                            /**
                             * @description country, subdivision (state, province) or county
                             * @enum {string}
                             */
                            level: "country" | "subdivision" | "county";
                            lon: number | null;
                            name: string;
                            name_zh: string | null;
                            note: string | null;
                            parent: string | null;
                            population: number | null;
                        } & {
                            children: {
                                key: string;
                                /**
                                 * @description country, subdivision (state, province) or county
                                 * @enum {string}
                                 */
                                level: "country" | "subdivision" | "county";
                                name: string;
                                name_zh: string | null;
                            }[];
                            parent_location: {
                                key: string;
                                /**
                                 * @description country, subdivision (state, province) or county
                                 * @enum {string}
                                 */
                                level: "country" | "subdivision" | "county";
                                name: string;
                                name_zh: string | null;
                            } | null;
                            series: {
                                best: boolean;
                                derived: boolean;
                                first_date: string | null;
                                last_date: string | null;
                                metric: string;
                                source: string;
                            }[];
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getMap: {
        parameters: {
            query?: {
                /**
                 * @description The data as it was published on this date
                 * @example 2021-01-01
                 */
                as_of?: string;
                /**
                 * @description The day shown (default: the last day any location has a value)
                 * @example 2021-01-01
                 */
                date?: string;
                /** @description json (default), csv (a header, then one row per location) or jsonl */
                format?: "json" | "csv" | "jsonl";
                /** @description country, subdivision (state, province) or county */
                level?: "country" | "subdivision" | "county";
                /** @description One metric (see /v1/metrics) */
                metric?: string;
                /** @description Only the children of this location key (US: states; US_CA: its counties) */
                parent?: string;
                /** @description A location without a value on `date` shows its newest value of the days before, at most this many (weekly reporters); its row’s date says which day */
                tolerance?: number;
                /** @description As in /v1/series: cumulative, daily, daily_7day_avg and their _per_100k forms */
                transform?: "cumulative" | "daily" | "daily_7day_avg" | "per_100k" | "daily_per_100k" | "daily_7day_avg_per_100k";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Locations with a value on the day (within the tolerance), by key; the others have no data */
                        data: {
                            /**
                             * Format: date
                             * @description The day the value is from: `date`, or up to `tolerance` days before it
                             * @example 2021-01-01
                             */
                            date: string;
                            derived: boolean | null;
                            /**
                             * @description country, subdivision (state, province) or county
                             * @enum {string}
                             */
                            level: "country" | "subdivision" | "county";
                            location: string;
                            name: string;
                            parent: string | null;
                            population: number | null;
                            source: string | null;
                            /** @description The value /v1/series gives for this location, metric, transform and day */
                            value: number;
                        }[];
                        meta: {
                            as_of: string | null;
                            data_version: number;
                            date: string | null;
                            first_date: string | null;
                            last_date: string | null;
                            level: string | null;
                            metric: string;
                            parent: string | null;
                            tolerance: number;
                            transform: string;
                        };
                    };
                    "application/x-ndjson": {
                        /**
                         * Format: date
                         * @description The day the value is from: `date`, or up to `tolerance` days before it
                         * @example 2021-01-01
                         */
                        date: string;
                        derived: boolean | null;
                        /**
                         * @description country, subdivision (state, province) or county
                         * @enum {string}
                         */
                        level: "country" | "subdivision" | "county";
                        location: string;
                        name: string;
                        parent: string | null;
                        population: number | null;
                        source: string | null;
                        /** @description The value /v1/series gives for this location, metric, transform and day */
                        value: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            description: string;
                            id: string;
                            /** @description cumulative, daily, average or stock */
                            kind: string;
                            /** @description For daily and average metrics: the cumulative metric they count */
                            of?: string;
                            title: string;
                            unit: string;
                        }[];
                        missing_reasons: {
                            [key: string]: string;
                        };
                        transforms: string[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getDelays: {
        parameters: {
            query: {
                /**
                 * @description Only cases whose admission date starts on or after this day
                 * @example 2021-01-01
                 */
                admission_from?: string;
                /**
                 * @description Only cases whose admission date starts on or before this day
                 * @example 2021-01-01
                 */
                admission_to?: string;
                /** @description Cases whose whole age range is at most this (an open-ended "80+" never is) */
                age_max?: number;
                /** @description Cases whose whole age range is at least this */
                age_min?: number;
                /**
                 * @description The records as the lists said on this date
                 * @example 2021-01-01
                 */
                as_of?: string;
                /**
                 * @description Only cases whose confirmation date starts on or after this day
                 * @example 2021-01-01
                 */
                confirmation_from?: string;
                /**
                 * @description Only cases whose confirmation date starts on or before this day
                 * @example 2021-01-01
                 */
                confirmation_to?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_end_from?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_end_to?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_start_from?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_start_to?: string;
                /** @description Families to fit, comma-separated: gamma, lognormal, weibull (default all) */
                families?: string;
                /** @description The first event */
                from_event: "onset" | "admission" | "confirmation" | "outcome" | "exposure_start" | "exposure_end" | "travel" | "report";
                /** @description Events whose date must be known, comma-separated (onset, admission, confirmation, outcome, exposure_start, exposure_end, travel, report) */
                has?: string;
                /** @description week: also one estimate per week of the first event */
                interval?: "none" | "week";
                /** @description A location key: cases there or in any place under it (CN includes CN_HB) */
                location?: string;
                /**
                 * @description Only cases whose onset date starts on or after this day
                 * @example 2021-01-01
                 */
                onset_from?: string;
                /**
                 * @description Only cases whose onset date starts on or before this day
                 * @example 2021-01-01
                 */
                onset_to?: string;
                /** @description Normalised outcome */
                outcome?: "recovered" | "died" | "hospitalized" | "stable" | "unknown";
                /**
                 * @description Only cases whose outcome date starts on or after this day
                 * @example 2021-01-01
                 */
                outcome_from?: string;
                /**
                 * @description Only cases whose outcome date starts on or before this day
                 * @example 2021-01-01
                 */
                outcome_to?: string;
                /**
                 * @description Only cases whose report date starts on or after this day
                 * @example 2021-01-01
                 */
                report_from?: string;
                /**
                 * @description Only cases whose report date starts on or before this day
                 * @example 2021-01-01
                 */
                report_to?: string;
                /** @description Bootstrap resamples (95 % percentile intervals) */
                samples?: number;
                seed?: number;
                /** @description female, male or unknown */
                sex?: "female" | "male" | "unknown";
                /** @description Line lists, comma-separated (linelist-open, linelist-kudos) */
                source?: string;
                /** @description The second event */
                to_event: "onset" | "admission" | "confirmation" | "outcome" | "exposure_start" | "exposure_end" | "travel" | "report";
                /**
                 * @description Only cases whose travel date starts on or after this day
                 * @example 2021-01-01
                 */
                travel_from?: string;
                /**
                 * @description Only cases whose travel date starts on or before this day
                 * @example 2021-01-01
                 */
                travel_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bootstrap: {
                            level: number;
                            samples: number;
                            seed: number;
                        };
                        /** @description Delays of the cases whose two dates are known to the day */
                        empirical: {
                            histogram: {
                                count: number;
                                day: number;
                            }[];
                            max: number;
                            mean: number;
                            median: number;
                            min: number;
                            n: number;
                            quantiles: {
                                probability: number;
                                value: number;
                            }[];
                            sd: number | null;
                        } | null;
                        excluded: {
                            cases: number;
                            reason: string;
                        }[];
                        /** @description Best AIC first */
                        fits: {
                            aic: number;
                            converged: boolean;
                            family: string;
                            intervals: {
                                mean: {
                                    lower: number;
                                    upper: number;
                                };
                                median: {
                                    lower: number;
                                    upper: number;
                                };
                                p95: {
                                    lower: number;
                                    upper: number;
                                };
                                p99: {
                                    lower: number;
                                    upper: number;
                                };
                                parameters: {
                                    [key: string]: {
                                        lower: number;
                                        upper: number;
                                    };
                                };
                                sd: {
                                    lower: number;
                                    upper: number;
                                };
                            };
                            log_likelihood: number;
                            mean: number;
                            median: number;
                            p95: number;
                            p99: number;
                            parameters: {
                                [key: string]: number;
                            };
                            sd: number;
                        }[];
                        /** @description Cases used */
                        n: number;
                        periods?: {
                            bootstrap: {
                                level: number;
                                samples: number;
                                seed: number;
                            };
                            /** @description Delays of the cases whose two dates are known to the day */
                            empirical: {
                                histogram: {
                                    count: number;
                                    day: number;
                                }[];
                                max: number;
                                mean: number;
                                median: number;
                                min: number;
                                n: number;
                                quantiles: {
                                    probability: number;
                                    value: number;
                                }[];
                                sd: number | null;
                            } | null;
                            excluded: {
                                cases: number;
                                reason: string;
                            }[];
                            /** @description Best AIC first */
                            fits: {
                                aic: number;
                                converged: boolean;
                                family: string;
                                intervals: {
                                    mean: {
                                        lower: number;
                                        upper: number;
                                    };
                                    median: {
                                        lower: number;
                                        upper: number;
                                    };
                                    p95: {
                                        lower: number;
                                        upper: number;
                                    };
                                    p99: {
                                        lower: number;
                                        upper: number;
                                    };
                                    parameters: {
                                        [key: string]: {
                                            lower: number;
                                            upper: number;
                                        };
                                    };
                                    sd: {
                                        lower: number;
                                        upper: number;
                                    };
                                };
                                log_likelihood: number;
                                mean: number;
                                median: number;
                                p95: number;
                                p99: number;
                                parameters: {
                                    [key: string]: number;
                                };
                                sd: number;
                            }[];
                            from: string;
                            /** @description Cases used */
                            n: number;
                            /** @description The rule that selected the cases */
                            selection: string;
                            to: string;
                        }[];
                        /** @description The rule that selected the cases */
                        selection: string;
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getForecastEvaluation: {
        parameters: {
            query: {
                /** @description json (default) or csv */
                format?: "json" | "csv";
                /**
                 * @description First reference date: the first Saturday on or after it
                 * @example 2020-04-04
                 */
                from: string;
                /**
                 * @description One location key
                 * @example DE
                 */
                location: string;
                /** @description baseline (the Forecast Hub’s), loglinear (growth of the recent weekly counts), ensemble (quantile median of the two) or all */
                model?: "baseline" | "loglinear" | "ensemble" | "all";
                /** @description best (default: the precedence order) or one source id */
                source?: string;
                /** @description case (weekly incident confirmed cases, 7 quantiles) or death (weekly incident deaths, 23 quantiles) */
                target: "case" | "death";
                /**
                 * @description Last reference date: the last Saturday on or before it (at most 60 Saturdays in from..to)
                 * @example 2020-05-30
                 */
                to: string;
                /** @description true (default): each forecast uses the data as known on its reference date. false: the latest data cut at each reference date (a pseudo-backtest for dates without stored vintages; optimistic, as later revisions leak in) */
                versioned?: boolean;
                /** @description For CSV: one row per scored forecast (scores) or per model and horizon (summary); JSON has both */
                view?: "scores" | "summary";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description |observed − median| */
                            ae_median: number;
                            coverage_50: boolean;
                            coverage_95: boolean;
                            horizon: number;
                            location: string;
                            lower_50: number;
                            lower_95: number;
                            median: number;
                            model: string;
                            /** @description The week’s incident count in the latest data */
                            observed: number;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            reference_date: string;
                            target: string;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            target_end_date: string;
                            upper_50: number;
                            upper_95: number;
                            /** @description Weighted interval score (Bracher et al. 2021) */
                            wis: number;
                        }[];
                        meta: {
                            data_version: number;
                            forecasts_scored: number;
                            /** @description Made, but their target week is not (yet) in the latest data */
                            forecasts_unscored: number;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            from: string;
                            location: string;
                            metric: string;
                            reference_dates: string[];
                            skipped: {
                                model: string;
                                reason: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                reference_date: string;
                            }[];
                            source: string;
                            target: string;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            to: string;
                            truth_sources: string[];
                            versioned: boolean;
                        };
                        summary: {
                            /** @description Share of observations inside the 50 % interval */
                            coverage_50: number;
                            coverage_95: number;
                            horizon: number | null;
                            mean_ae_median: number;
                            mean_wis: number;
                            model: string;
                            /** @description Forecasts scored */
                            n: number;
                            relative_wis: number | null;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getForecast: {
        parameters: {
            query: {
                /**
                 * @description Use the data as published on this date (default: the reference date, so the forecast sees only what was known then)
                 * @example 2021-01-01
                 */
                as_of?: string;
                /** @description json (default) or csv (hubverse model-output CSV) */
                format?: "json" | "csv";
                /**
                 * @description One location key
                 * @example DE
                 */
                location: string;
                /** @description baseline (the Forecast Hub’s), loglinear (growth of the recent weekly counts), ensemble (quantile median of the two) or all */
                model?: "baseline" | "loglinear" | "ensemble" | "all";
                /**
                 * @description A Saturday: the end of the last observed epiweek. Horizon h ends h weeks later.
                 * @example 2020-04-04
                 */
                reference_date: string;
                /** @description best (default: the precedence order) or one source id */
                source?: string;
                /** @description case (weekly incident confirmed cases, 7 quantiles) or death (weekly incident deaths, 23 quantiles) */
                target: "case" | "death";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            horizon: number;
                            location: string;
                            /** @description glacier-<model> */
                            model_id: string;
                            /** @enum {string} */
                            output_type: "quantile";
                            /** @description Quantile level */
                            output_type_id: number;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            reference_date: string;
                            /** @description wk inc case or wk inc death */
                            target: string;
                            /**
                             * Format: date
                             * @description Saturday ending the forecast week: reference_date + 7 × horizon
                             * @example 2021-01-01
                             */
                            target_end_date: string;
                            /** @description Predicted quantile of the week’s incident count */
                            value: number;
                        }[];
                        meta: {
                            /**
                             * Format: date
                             * @description Vintage of the data the forecast used
                             * @example 2021-01-01
                             */
                            as_of: string;
                            data_version: number;
                            last_week: number | null;
                            location: string;
                            metric: string;
                            models: {
                                model: string;
                                model_id: string;
                                ok: boolean;
                                reason: string | null;
                            }[];
                            quantile_levels: number[];
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            reference_date: string;
                            source: string;
                            /** @description Sources that supplied the data */
                            sources: string[];
                            target: string;
                        };
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getIncubation: {
        parameters: {
            query?: {
                /**
                 * @description Only cases whose admission date starts on or after this day
                 * @example 2021-01-01
                 */
                admission_from?: string;
                /**
                 * @description Only cases whose admission date starts on or before this day
                 * @example 2021-01-01
                 */
                admission_to?: string;
                /** @description Cases whose whole age range is at most this (an open-ended "80+" never is) */
                age_max?: number;
                /** @description Cases whose whole age range is at least this */
                age_min?: number;
                /**
                 * @description The records as the lists said on this date
                 * @example 2021-01-01
                 */
                as_of?: string;
                /**
                 * @description Only cases whose confirmation date starts on or after this day
                 * @example 2021-01-01
                 */
                confirmation_from?: string;
                /**
                 * @description Only cases whose confirmation date starts on or before this day
                 * @example 2021-01-01
                 */
                confirmation_to?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_end_from?: string;
                /**
                 * @description Only cases whose exposure_end date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_end_to?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or after this day
                 * @example 2021-01-01
                 */
                exposure_start_from?: string;
                /**
                 * @description Only cases whose exposure_start date starts on or before this day
                 * @example 2021-01-01
                 */
                exposure_start_to?: string;
                /** @description Families to fit, comma-separated: gamma, lognormal, weibull (default all) */
                families?: string;
                /** @description Events whose date must be known, comma-separated (onset, admission, confirmation, outcome, exposure_start, exposure_end, travel, report) */
                has?: string;
                /** @description A location key: cases there or in any place under it (CN includes CN_HB) */
                location?: string;
                /**
                 * @description Only cases whose onset date starts on or after this day
                 * @example 2021-01-01
                 */
                onset_from?: string;
                /**
                 * @description Only cases whose onset date starts on or before this day
                 * @example 2021-01-01
                 */
                onset_to?: string;
                /** @description Normalised outcome */
                outcome?: "recovered" | "died" | "hospitalized" | "stable" | "unknown";
                /**
                 * @description Only cases whose outcome date starts on or after this day
                 * @example 2021-01-01
                 */
                outcome_from?: string;
                /**
                 * @description Only cases whose outcome date starts on or before this day
                 * @example 2021-01-01
                 */
                outcome_to?: string;
                /**
                 * @description Only cases whose report date starts on or after this day
                 * @example 2021-01-01
                 */
                report_from?: string;
                /**
                 * @description Only cases whose report date starts on or before this day
                 * @example 2021-01-01
                 */
                report_to?: string;
                /** @description Bootstrap resamples (95 % percentile intervals) */
                samples?: number;
                seed?: number;
                /** @description female, male or unknown */
                sex?: "female" | "male" | "unknown";
                /** @description Line lists, comma-separated (linelist-open, linelist-kudos) */
                source?: string;
                /**
                 * @description Only cases whose travel date starts on or after this day
                 * @example 2021-01-01
                 */
                travel_from?: string;
                /**
                 * @description Only cases whose travel date starts on or before this day
                 * @example 2021-01-01
                 */
                travel_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bootstrap: {
                            level: number;
                            samples: number;
                            seed: number;
                        };
                        /** @description Delays of the cases whose two dates are known to the day */
                        empirical: {
                            histogram: {
                                count: number;
                                day: number;
                            }[];
                            max: number;
                            mean: number;
                            median: number;
                            min: number;
                            n: number;
                            quantiles: {
                                probability: number;
                                value: number;
                            }[];
                            sd: number | null;
                        } | null;
                        excluded: {
                            cases: number;
                            reason: string;
                        }[];
                        /** @description Best AIC first */
                        fits: {
                            aic: number;
                            converged: boolean;
                            family: string;
                            intervals: {
                                mean: {
                                    lower: number;
                                    upper: number;
                                };
                                median: {
                                    lower: number;
                                    upper: number;
                                };
                                p95: {
                                    lower: number;
                                    upper: number;
                                };
                                p99: {
                                    lower: number;
                                    upper: number;
                                };
                                parameters: {
                                    [key: string]: {
                                        lower: number;
                                        upper: number;
                                    };
                                };
                                sd: {
                                    lower: number;
                                    upper: number;
                                };
                            };
                            log_likelihood: number;
                            mean: number;
                            median: number;
                            p95: number;
                            p99: number;
                            parameters: {
                                [key: string]: number;
                            };
                            sd: number;
                        }[];
                        /** @description Cases used */
                        n: number;
                        /** @description The rule that selected the cases */
                        selection: string;
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getRt: {
        parameters: {
            query: {
                /**
                 * @description Estimate from the data as published on this date
                 * @example 2021-01-01
                 */
                as_of?: string;
                /** @description onset: windows dated by symptom onset, shifted back by the median onset→confirmation delay fitted on the line lists (/v1/models/delays; meta.onset_shift) */
                date_by?: "report" | "onset";
                /** @description json (default) or csv (one row per window, header first) */
                format?: "json" | "csv";
                /**
                 * @description Only windows ending on or after this date (the estimate still uses the earlier days)
                 * @example 2021-01-01
                 */
                from?: string;
                /** @description Keep the windows too early in the epidemic to trust (flagged in early_reason); left out by default */
                include_early?: boolean;
                /**
                 * @description One location key
                 * @example DE
                 */
                location: string;
                /** @description Mean of the gamma prior on R (default 5, as EpiEstim) */
                mean_prior?: number;
                /** @description Mean serial interval in days (> 1: the serial interval is 1 day + a gamma delay). Default 4.7 (Nishiura et al. 2020) */
                mean_si?: number;
                /** @description A cumulative count: confirmed (default) or deaths */
                metric?: string;
                /**
                 * @description A discrete serial interval instead of mean_si/std_si: P(0 days), P(1 day), … comma-separated; the first must be 0 and the sum 1 (± 0.01)
                 * @example 0,0.3,0.4,0.2,0.1
                 */
                si_distr?: string;
                /** @description best (default: the precedence order) or one source id */
                source?: string;
                /** @description Standard deviation of the gamma prior on R (default 5, as EpiEstim) */
                std_prior?: number;
                /** @description Standard deviation of the serial interval in days. Default 2.9 (Nishiura et al. 2020) */
                std_si?: number;
                /**
                 * @description Only windows ending on or before this date
                 * @example 2021-01-01
                 */
                to?: string;
                /** @description Days per sliding window (default 7, as EpiEstim) */
                window?: number;
                /**
                 * @description Given windows instead of sliding ones: START/END pairs of dates, comma-separated (each inside one stretch of known days; too-early windows are kept, flagged)
                 * @example 2020-03-01/2020-03-14,2020-03-15/2020-03-28
                 */
                windows?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Cases in the window (a share of a multi-day report or an interpolated day may be fractional) */
                            cases: number;
                            /**
                             * @description Why the window is too early to trust (null: it is not); see docs/models/rt.md
                             * @enum {string|null}
                             */
                            early_reason: "before_mean_si" | "few_cumulative_cases" | "low_window_incidence" | null;
                            /** @description Days of the window whose incidence was imputed (spread from a multi-day report or interpolated across a gap) */
                            imputed_days: number;
                            /** @description Posterior mean of R */
                            mean: number;
                            median: number;
                            /** @description Posterior P(R < 1) */
                            prob_below_1: number;
                            q0_05: number;
                            /** @description Posterior 2.5% quantile */
                            q0_025: number;
                            q0_25: number;
                            q0_75: number;
                            q0_95: number;
                            /** @description Posterior 97.5% quantile */
                            q0_975: number;
                            /** @description Posterior standard deviation */
                            sd: number;
                            /**
                             * @description EpiNow2’s label from P(R < 1): < 0.05 increasing, < 0.4 likely_increasing, < 0.6 stable, < 0.95 likely_decreasing, else decreasing; insufficient_data when the window holds fewer cases than the aimed posterior CV (0.3) needs (11 with the default prior): its posterior is mostly the prior
                             * @enum {string}
                             */
                            trend: "increasing" | "likely_increasing" | "stable" | "likely_decreasing" | "decreasing" | "insufficient_data";
                            /**
                             * Format: date
                             * @description The estimate is R over window_start..window_end (EpiEstim’s t_start..t_end)
                             * @example 2021-01-01
                             */
                            window_end: string;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            window_start: string;
                        }[];
                        meta: {
                            as_of: string | null;
                            data_version: number;
                            /** @description Windows in from..to left out as too early (0 with include_early) */
                            early_windows_omitted: number;
                            from: string | null;
                            incidence: {
                                /** @description Longest run of unknown days filled by interpolation (7); a longer one splits the series */
                                max_gap_days: number;
                                /** @description The daily series estimated on, split at gaps of more than max_gap_days unknown days, each estimated apart */
                                segments: {
                                    days: number;
                                    /**
                                     * Format: date
                                     * @description ISO date, YYYY-MM-DD
                                     * @example 2021-01-01
                                     */
                                    end: string;
                                    /** @description False when the segment is shorter than window + 1 days */
                                    estimated: boolean;
                                    imputed_days: number;
                                    /**
                                     * Format: date
                                     * @description First case of the segment (its cases are read as imported, as EpiEstim does)
                                     * @example 2021-01-01
                                     */
                                    start: string;
                                }[];
                            };
                            include_early: boolean;
                            location: string;
                            metric: string;
                            onset_shift: {
                                cases: number;
                                /** @description Days every window was moved back */
                                days: number;
                                delay: string;
                                family: string;
                                mean: number;
                                median: number;
                                median_interval: {
                                    lower: number;
                                    upper: number;
                                };
                                /** @description The location whose cases gave the delay, or all line-list cases */
                                scope: string;
                            } | null;
                            prior: {
                                mean: number;
                                scale: number;
                                sd: number;
                                shape: number;
                            };
                            serial_interval: {
                                /** @description Mean of the discrete distribution used */
                                discrete_mean: number;
                                discrete_sd: number;
                                /** @enum {string} */
                                kind: "parametric" | "distribution";
                                mean_si: number | null;
                                std_si: number | null;
                                /** @description P(serial interval = k days), k = 0, 1, … (trailing zeros cut) */
                                weights: number[];
                            };
                            /** @description As requested */
                            source: string;
                            /** @description Sources that supplied the values */
                            sources: string[];
                            to: string | null;
                            window: number | null;
                            windows: {
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                end: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                start: string;
                            }[] | null;
                        };
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    postSeirFit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "location": "DE",
                 *       "from": "2020-03-01",
                 *       "to": "2020-05-31",
                 *       "change_dates": [
                 *         "2020-03-16",
                 *         "2020-03-23"
                 *       ],
                 *       "reporting": 0.1
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date
                     * @description Stored input: the data as published on this date
                     * @example 2021-01-01
                     */
                    as_of?: string;
                    /** @description Dates from which transmission may change (interventions); each adds a fitted R */
                    change_dates?: string[];
                    /**
                     * @description Mean days from removal to death (exponential). Default 16
                     * @default 16
                     */
                    death_delay?: number;
                    /** @description Stored input: fit daily deaths as well as cases (default false) */
                    fit_deaths?: boolean;
                    /** @description Parameters fitted besides each segment’s R and the day-0 seed (default none: they stay at the given values) */
                    free?: ("gamma" | "reporting" | "ifr")[];
                    /**
                     * Format: date
                     * @description Stored input: first day fitted
                     * @example 2021-01-01
                     */
                    from?: string;
                    /** @description Days projected past the data (fitted curve and scenarios; default 0, 60 when scenarios are given) */
                    horizon?: number;
                    /**
                     * @description Infection fatality ratio: share of removals who die. Default 0.0066 (Verity et al., Lancet ID 2020)
                     * @default 0.0066
                     */
                    ifr?: number;
                    /**
                     * @description Mean infectious period, days (γ = 1 / infectious_period). Default 3.47 (Li R. et al., Science 2020)
                     * @default 3.47
                     */
                    infectious_period?: number;
                    /**
                     * @description profile (default: 95 % profile-likelihood intervals for every R) or none
                     * @enum {string}
                     */
                    intervals?: "profile" | "none";
                    /**
                     * @description Mean latent period, days (σ = 1 / latent_period). Default 3.69 (Li R. et al., Science 2020)
                     * @default 3.69
                     */
                    latent_period?: number;
                    /**
                     * @description negbin (default; dispersion fitted) or poisson
                     * @enum {string}
                     */
                    likelihood?: "poisson" | "negbin";
                    /**
                     * @description Fit the stored series of this location key (confirmed, and deaths if fit_deaths)
                     * @example DE
                     */
                    location?: string;
                    /**
                     * @description seir (default: S → E → I → R) or sir (no latent stage)
                     * @default seir
                     * @enum {string}
                     */
                    model?: "seir" | "sir";
                    /** @description An explicit series (or give location to fit the stored data) */
                    observed?: {
                        /** @description New cases per day */
                        cases: (number | null)[];
                        /** @description New deaths per day (same days as cases): fitted too when given */
                        deaths?: (number | null)[];
                        /**
                         * Format: date
                         * @description Date of the first value
                         * @example 2021-01-01
                         */
                        start: string;
                    };
                    /** @description Persons (stored input: default the gazetteer’s population) */
                    population?: number;
                    /**
                     * @description Whole days from becoming infectious to being reported (cases on day k = onsets of day k − report_delay; the run starts that many days before day 0). About 7 for COVID-19 cases
                     * @default 0
                     */
                    report_delay?: number;
                    /**
                     * @description Share of new infectious people reported as cases
                     * @default 1
                     */
                    reporting?: number;
                    scenarios?: {
                        /** @description Multiply the fitted β by this */
                        factor?: number;
                        /**
                         * Format: date
                         * @description Transmission changes from this date on
                         * @example 2021-01-01
                         */
                        from: string;
                        name: string;
                        /** @description Or set R = β/γ to this */
                        r?: number;
                    }[];
                    /** @description Seed of the start jitter (default 1) */
                    seed?: number;
                    /** @description Stored input: best (default) or one source id */
                    source?: string;
                    /** @description Nelder–Mead starts (default 4) */
                    starts?: number;
                    /**
                     * Format: date
                     * @description Stored input: last day fitted
                     * @example 2021-01-01
                     */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        aic: number;
                        estimates: {
                            dispersion_cases: number | null;
                            dispersion_deaths: number | null;
                            free: string[];
                            ifr: number;
                            infectious_period: number;
                            latent_period: number;
                            /** @description lower/upper: 95 % profile-likelihood bounds (null: not computed, or open) */
                            r0: {
                                lower: number | null;
                                upper: number | null;
                                value: number;
                            };
                            reporting: number;
                            /** @description Infected (exposed + infectious) on the first day */
                            seed: number;
                            segments: {
                                beta: number;
                                day: number;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                from: string;
                                /** @description lower/upper: 95 % profile-likelihood bounds (null: not computed, or open) */
                                r: {
                                    lower: number | null;
                                    upper: number | null;
                                    value: number;
                                };
                            }[];
                        };
                        fitted: {
                            /** @description Model: expected reported cases */
                            cases: number[];
                            /** @description Observed days, then the horizon */
                            date: string[];
                            /** @description Model: expected deaths */
                            deaths: number[];
                            observed_cases: (number | null)[];
                            observed_deaths: (number | null)[] | null;
                        };
                        log_likelihood: number;
                        meta: {
                            as_of: string | null;
                            data_version: number | null;
                            days: number;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            end: string;
                            /** @description Stored input: days left out (corrections, backlogs, long gaps) */
                            excluded_days: number;
                            /** @description Stored input: days holding a share of a multi-day report */
                            imputed_days: number;
                            intervals: string;
                            likelihood: string;
                            location: string | null;
                            model: string;
                            /** @description Known days scored (cases + deaths) */
                            observations: number;
                            population: number;
                            sources: string[];
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            start: string;
                        };
                        optimizer: {
                            converged: boolean;
                            evaluations: number;
                            method: string;
                            seconds: number;
                            start_log_likelihoods: number[];
                            starts: number;
                            /** @description Starts ending within 0.5 of the best log-likelihood */
                            starts_agreeing: number;
                        };
                        /** @description The fitted model as a /v1/models/seir/simulate body (day 0 = start) */
                        params: {
                            [key: string]: unknown;
                        };
                        scenarios: {
                            cases: number[];
                            date: string[];
                            deaths: number[];
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            from: string;
                            infections: number[];
                            name: string;
                            /** @description R from that date */
                            r: number;
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A model fit did not finish within its budget */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    postSeirSimulate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "days": 120,
                 *       "population": 1000000,
                 *       "beta": {
                 *         "value": 0.75,
                 *         "changes": [
                 *           {
                 *             "day": 40,
                 *             "value": 0.25
                 *           }
                 *         ]
                 *       },
                 *       "initial": {
                 *         "infectious": 10
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description Transmission rate β per day, piecewise constant (R = β × infectious_period) */
                    beta: {
                        /** @description Changes of β, days in increasing order */
                        changes?: {
                            day: number;
                            /** @description β per day from this day on */
                            value: number;
                        }[];
                        /** @description β per day from day 0 */
                        value: number;
                    };
                    /** @description Days to simulate */
                    days: number;
                    /**
                     * @description Mean days from removal to death (exponential). Default 16
                     * @default 16
                     */
                    death_delay?: number;
                    /**
                     * @description Infection fatality ratio: share of removals who die. Default 0.0066 (Verity et al., Lancet ID 2020)
                     * @default 0.0066
                     */
                    ifr?: number;
                    /**
                     * @description Mean infectious period, days (γ = 1 / infectious_period). Default 3.47 (Li R. et al., Science 2020)
                     * @default 3.47
                     */
                    infectious_period?: number;
                    /** @description Day-0 state; susceptibles are the rest of the population */
                    initial?: {
                        /** @description Default 0 */
                        exposed?: number;
                        /** @description Default 1 */
                        infectious?: number;
                        /** @description Recovered (immune) at day 0; default 0 */
                        removed?: number;
                    };
                    /**
                     * @description Mean latent period, days (σ = 1 / latent_period). Default 3.69 (Li R. et al., Science 2020)
                     * @default 3.69
                     */
                    latent_period?: number;
                    /** @description mobility[i][j]: share of patch i’s people travelling to patch j per day (diagonal ignored) */
                    mobility?: number[][];
                    /**
                     * @description seir (default: S → E → I → R) or sir (no latent stage)
                     * @default seir
                     * @enum {string}
                     */
                    model?: "seir" | "sir";
                    /** @description Metapopulation: the patches (cities); then give mobility, and no top-level population or initial */
                    patches?: {
                        /** @description Transmission rate β per day, piecewise constant (R = β × infectious_period) */
                        beta?: {
                            /** @description Changes of β, days in increasing order */
                            changes?: {
                                day: number;
                                /** @description β per day from this day on */
                                value: number;
                            }[];
                            /** @description β per day from day 0 */
                            value: number;
                        };
                        /** @description Day-0 state; susceptibles are the rest of the population */
                        initial?: {
                            /** @description Default 0 */
                            exposed?: number;
                            /** @description Default 1 */
                            infectious?: number;
                            /** @description Recovered (immune) at day 0; default 0 */
                            removed?: number;
                        };
                        name: string;
                        /** @description Persons */
                        population: number;
                    }[];
                    /** @description Persons */
                    population?: number;
                    /**
                     * @description Whole days from becoming infectious to being reported (cases on day k = onsets of day k − report_delay; the run starts that many days before day 0). About 7 for COVID-19 cases
                     * @default 0
                     */
                    report_delay?: number;
                    /**
                     * @description Share of new infectious people reported as cases
                     * @default 1
                     */
                    reporting?: number;
                    /**
                     * Format: date
                     * @description Date of day 0 (labels the output with dates)
                     * @example 2021-01-01
                     */
                    start?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meta: {
                            days: number;
                            model: string;
                            population: number;
                            r0: number;
                            segments: {
                                beta: number;
                                date: string | null;
                                day: number;
                                /** @description β/γ (before depletion of susceptibles) */
                                r: number;
                            }[];
                            start: string | null;
                        };
                        patches: {
                            name: string;
                            population: number;
                            r0: number;
                            series: {
                                /** @description Reported cases during day k (reporting × new infectious) */
                                cases: number[];
                                date?: string[];
                                /** @description Day offset k (0 = start) */
                                day: number[];
                                /** @description At the end of day k (cumulative) */
                                dead: number[];
                                /** @description Deaths during day k */
                                deaths: number[];
                                /** @description At the end of day k: removed, fatal, not yet dead */
                                dying: number[];
                                /** @description At the end of day k */
                                exposed: number[];
                                /** @description New infections during day k */
                                infections: number[];
                                /** @description At the end of day k */
                                infectious: number[];
                                /** @description At the end of day k */
                                recovered: number[];
                                /** @description At the end of day k */
                                susceptible: number[];
                            };
                        }[] | null;
                        series: {
                            /** @description Reported cases during day k (reporting × new infectious) */
                            cases: number[];
                            date?: string[];
                            /** @description Day offset k (0 = start) */
                            day: number[];
                            /** @description At the end of day k (cumulative) */
                            dead: number[];
                            /** @description Deaths during day k */
                            deaths: number[];
                            /** @description At the end of day k: removed, fatal, not yet dead */
                            dying: number[];
                            /** @description At the end of day k */
                            exposed: number[];
                            /** @description New infections during day k */
                            infections: number[];
                            /** @description At the end of day k */
                            infectious: number[];
                            /** @description At the end of day k */
                            recovered: number[];
                            /** @description At the end of day k */
                            susceptible: number[];
                        } | null;
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listRevisions: {
        parameters: {
            query: {
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                date: string;
                /** @example DE */
                location: string;
                metric?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description This source backs the default series */
                            best: boolean;
                            derived: boolean;
                            file: {
                                id: string;
                                read_from: string;
                                url: string;
                            };
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            issue: string;
                            /**
                             * @description Why the value is missing (null when it is not): see /v1/metrics
                             * @enum {string|null}
                             */
                            missing_reason: "not_reported" | "discontinued" | "incomplete" | "not_applicable" | null;
                            note: string | null;
                            run_id: number;
                            source: string;
                            value: number | null;
                        }[];
                        meta: {
                            data_version: number;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             * @example 2021-01-01
                             */
                            date: string;
                            location: string;
                            metric: string;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listSequences: {
        parameters: {
            query?: {
                /**
                 * @description A Nextstrain clade (19A, 20B, …)
                 * @example 20A
                 */
                clade?: string;
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /**
                 * @description Collected on or after
                 * @example 2021-01-01
                 */
                from?: string;
                /** @description Host species (Homo sapiens, Neovison vison, …) */
                host?: string;
                limit?: number;
                /** @description A location key: sequences there or under it */
                location?: string;
                offset?: number;
                /** @description Overall Nextclade-style QC status */
                qc?: "good" | "mediocre" | "bad";
                /**
                 * @description Collected on or before
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            aa_substitutions: string | number | null;
                            analysis_failure: string | number | null;
                            clade: string | number | null;
                            clade_reason: string | number | null;
                            country: string | number | null;
                            date: string | number | null;
                            date_precision: string | number | null;
                            deletions: string | number | null;
                            division: string | number | null;
                            frame_shifts: string | number | null;
                            genbank: string | number | null;
                            host: string | number | null;
                            length: string | number | null;
                            location_key: string | number | null;
                            n_count: string | number | null;
                            qc_score: string | number | null;
                            qc_status: string | number | null;
                            source: string | number | null;
                            strain: string | number | null;
                            substitutions: string | number | null;
                        }[];
                        meta: {
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                    "application/x-ndjson": {
                        aa_substitutions: string | number | null;
                        analysis_failure: string | number | null;
                        clade: string | number | null;
                        clade_reason: string | number | null;
                        country: string | number | null;
                        date: string | number | null;
                        date_precision: string | number | null;
                        deletions: string | number | null;
                        division: string | number | null;
                        frame_shifts: string | number | null;
                        genbank: string | number | null;
                        host: string | number | null;
                        length: string | number | null;
                        location_key: string | number | null;
                        n_count: string | number | null;
                        qc_score: string | number | null;
                        qc_status: string | number | null;
                        source: string | number | null;
                        strain: string | number | null;
                        substitutions: string | number | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getSequence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The strain name (it holds slashes: percent-encode them)
                 * @example Australia/VIC05/2020
                 */
                strain: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        analysis: {
                            [key: string]: unknown;
                        } | null;
                        data: {
                            aa_substitutions: string | number | null;
                            analysis_failure: string | number | null;
                            clade: string | number | null;
                            clade_reason: string | number | null;
                            country: string | number | null;
                            date: string | number | null;
                            date_precision: string | number | null;
                            deletions: string | number | null;
                            division: string | number | null;
                            frame_shifts: string | number | null;
                            genbank: string | number | null;
                            host: string | number | null;
                            length: string | number | null;
                            location_key: string | number | null;
                            n_count: string | number | null;
                            qc_score: string | number | null;
                            qc_status: string | number | null;
                            source: string | number | null;
                            strain: string | number | null;
                            substitutions: string | number | null;
                        };
                        /** @description The metadata as normalised (raw values kept) */
                        record: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getCladeFrequencies: {
        parameters: {
            query?: {
                /**
                 * @description A Nextstrain clade (19A, 20B, …)
                 * @example 20A
                 */
                clade?: string;
                /**
                 * @description Collected on or after
                 * @example 2021-01-01
                 */
                from?: string;
                /** @description Host species (Homo sapiens, Neovison vison, …) */
                host?: string;
                interval?: "week" | "month";
                /** @description A location key: sequences there or under it */
                location?: string;
                /** @description Overall Nextclade-style QC status */
                qc?: "good" | "mediocre" | "bad";
                /**
                 * @description Collected on or before
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            clade: string | null;
                            frequency: number;
                            period: string;
                            sequences: number;
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getSequencesFasta: {
        parameters: {
            query?: {
                /**
                 * @description A Nextstrain clade (19A, 20B, …)
                 * @example 20A
                 */
                clade?: string;
                /**
                 * @description Collected on or after
                 * @example 2021-01-01
                 */
                from?: string;
                /** @description Host species (Homo sapiens, Neovison vison, …) */
                host?: string;
                /** @description A location key: sequences there or under it */
                location?: string;
                /** @description Overall Nextclade-style QC status */
                qc?: "good" | "mediocre" | "bad";
                /**
                 * @description Collected on or before
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/x-fasta": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Every error has this shape; codes are listed in docs/api.md */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getMutationCounts: {
        parameters: {
            query?: {
                /**
                 * @description A Nextstrain clade (19A, 20B, …)
                 * @example 20A
                 */
                clade?: string;
                /**
                 * @description Collected on or after
                 * @example 2021-01-01
                 */
                from?: string;
                /** @description Host species (Homo sapiens, Neovison vison, …) */
                host?: string;
                /** @description A location key: sequences there or under it */
                location?: string;
                min_count?: number;
                /** @description Overall Nextclade-style QC status */
                qc?: "good" | "mediocre" | "bad";
                /**
                 * @description Collected on or before
                 * @example 2021-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            frequency: number | null;
                            /** @description nuc or aa */
                            kind: string;
                            /** @description A23403G, S:D614G */
                            mutation: string;
                            sequences: number;
                        }[];
                        meta: {
                            analysed: number;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getSeries: {
        parameters: {
            query: {
                /**
                 * @description Return the data as it was published on this date (newest issue on or before it)
                 * @example 2021-01-01
                 */
                as_of?: string;
                /** @description For 7-day averages: leave out days flagged backlog_dump or negative_change (as NYT does) */
                exclude_anomalies?: boolean;
                /** @description json (default), csv (long format with a header) or jsonl (one JSON object per line) */
                format?: "json" | "csv" | "jsonl";
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                from?: string;
                /**
                 * @description Location keys, comma-separated (at most 100), e.g. FR,US_CA,US_CA_06037
                 * @example FR,DE
                 */
                location: string;
                /**
                 * @description Metrics, comma-separated (see /v1/metrics)
                 * @example confirmed,deaths
                 */
                metric?: string;
                /** @description best (default: each date from the first source in precedence order that covers it) or a source id */
                source?: string;
                /**
                 * @description ISO date, YYYY-MM-DD
                 * @example 2021-01-01
                 */
                to?: string;
                /** @description cumulative (as published), daily (new since the last report), daily_7day_avg, per_100k, daily_per_100k, daily_7day_avg_per_100k */
                transform?: "cumulative" | "daily" | "daily_7day_avg" | "per_100k" | "daily_per_100k" | "daily_7day_avg_per_100k";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meta: {
                            as_of: string | null;
                            data_version: number;
                            source: string;
                            transform: string;
                        };
                        /** @description One entry per requested location and metric, in request order */
                        series: {
                            end: string | null;
                            /** @description Anomalies flagged on dates of the series */
                            flags: {
                                /** @enum {string} */
                                code: "negative_change" | "backlog_dump" | "cadence_change" | "stale_values" | "discontinued" | "duplicate_row";
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                date: string;
                                /** @description What the rule measured (e.g. change, z; null: not finite) */
                                detail?: {
                                    [key: string]: string | number | null;
                                };
                            }[];
                            /** @description Vintage of the values, as runs of dates */
                            issues: {
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                from: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                issue: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                to: string;
                            }[];
                            location: string;
                            metric: string;
                            /** @description Why values are null, as runs of dates */
                            missing: {
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                from: string;
                                /** @enum {string} */
                                reason: "not_reported" | "discontinued" | "incomplete" | "not_applicable";
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                to: string;
                            }[];
                            /** @description Which source supplied the values, as runs of dates */
                            sources: {
                                derived: boolean;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                from: string;
                                source: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                to: string;
                            }[];
                            start: string | null;
                            /** @description One value per day from start to end; null where missing */
                            values: (number | null)[];
                        }[];
                    };
                    "application/x-ndjson": {
                        /**
                         * Format: date
                         * @description ISO date, YYYY-MM-DD
                         * @example 2021-01-01
                         */
                        date: string;
                        derived: boolean | null;
                        /** @description Anomalies flagged on this date (CSV: separated by ";") */
                        flags: ("negative_change" | "backlog_dump" | "cadence_change" | "stale_values" | "discontinued" | "duplicate_row")[];
                        issue: string | null;
                        location: string;
                        metric: string;
                        /**
                         * @description Why the value is missing (null when it is not): see /v1/metrics
                         * @enum {string|null}
                         */
                        missing_reason: "not_reported" | "discontinued" | "incomplete" | "not_applicable" | null;
                        source: string | null;
                        value: number | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    listSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            cadence: string;
                            data_end: string | null;
                            data_start: string | null;
                            homepage: string;
                            id: string;
                            last_run: {
                                error: string | null;
                                finished_at: string | null;
                                id: number;
                                parser_version: number;
                                rows_read: number;
                                /** Format: date-time */
                                started_at: string;
                                status: string;
                                values_changed: number;
                                values_new: number;
                                values_read: number;
                            } | null;
                            last_success: {
                                error: string | null;
                                finished_at: string | null;
                                id: number;
                                parser_version: number;
                                rows_read: number;
                                /** Format: date-time */
                                started_at: string;
                                status: string;
                                values_changed: number;
                                values_new: number;
                                values_read: number;
                            } | null;
                            levels: string[];
                            license: {
                                name: string;
                                spdx?: string;
                                url: string;
                            };
                            metrics: string[];
                            publisher: string;
                            redistribution: string;
                            series_count: number;
                            title: string;
                        }[];
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example jhu-global */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            cadence: string;
                            data_end: string | null;
                            data_start: string | null;
                            homepage: string;
                            id: string;
                            last_run: {
                                error: string | null;
                                finished_at: string | null;
                                id: number;
                                parser_version: number;
                                rows_read: number;
                                /** Format: date-time */
                                started_at: string;
                                status: string;
                                values_changed: number;
                                values_new: number;
                                values_read: number;
                            } | null;
                            last_success: {
                                error: string | null;
                                finished_at: string | null;
                                id: number;
                                parser_version: number;
                                rows_read: number;
                                /** Format: date-time */
                                started_at: string;
                                status: string;
                                values_changed: number;
                                values_new: number;
                                values_read: number;
                            } | null;
                            levels: string[];
                            license: {
                                name: string;
                                spdx?: string;
                                url: string;
                            };
                            metrics: string[];
                            publisher: string;
                            redistribution: string;
                            series_count: number;
                            title: string;
                        } & {
                            discontinued: {
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                after: string;
                                metric: string;
                                note: string;
                                reference?: string;
                            }[];
                            files: {
                                id: string;
                                /** @description Paths in a local mirror; a dated copy whose name does not give its issue has it beside */
                                mirror: (string | {
                                    /**
                                     * Format: date
                                     * @description ISO date, YYYY-MM-DD
                                     * @example 2021-01-01
                                     */
                                    issue: string;
                                    path: string;
                                })[];
                                url: string;
                            }[];
                            frozen_on: string | null;
                            notes: string[];
                            runs: {
                                error: string | null;
                                finished_at: string | null;
                                id: number;
                                parser_version: number;
                                rows_read: number;
                                /** Format: date-time */
                                started_at: string;
                                status: string;
                                values_changed: number;
                                values_new: number;
                                values_read: number;
                            }[];
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
    getSourceRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example jhu-global */
                id: string;
                run: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            error: string | null;
                            finished_at: string | null;
                            id: number;
                            parser_version: number;
                            rows_read: number;
                            /** Format: date-time */
                            started_at: string;
                            status: string;
                            values_changed: number;
                            values_new: number;
                            values_read: number;
                        } & {
                            files: {
                                bytes: number;
                                file_id: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 * @example 2021-01-01
                                 */
                                issue: string;
                                location: string;
                                not_modified: boolean;
                                origin: string;
                                rows_read: number;
                                sha256: string;
                                url: string;
                                values_changed: number;
                                values_new: number;
                            }[];
                            report: ({
                                code: string;
                                message: string;
                                severity: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            source: string;
                        };
                    };
                };
            };
            /** @description A parameter or the body is malformed, out of range or unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Nothing has this key or id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description Too many requests from this client; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description A fault on the server (logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
            /** @description The database cannot be reached or the server is busy; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-0"];
                };
            };
        };
    };
}
