-- 0021-funding-bands.sql
--
-- The authority's funding bands: the top-up it pays a school or college
-- for a child's plan, by band, each a code, what it covers and its annual
-- amount in pence, valid from a day and, once replaced, to one. Team
-- managers keep the table; a consultation's band asked and agreed, and a
-- plan's section I, name a band of it by code.
CREATE TABLE funding_band (
  code           text PRIMARY KEY,
  description    text NOT NULL,
  annual_amount  bigint NOT NULL,
  valid_from     date NOT NULL,
  valid_to       date,
  version        integer NOT NULL DEFAULT 1,
  updated_by     bigint NOT NULL REFERENCES app_user (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT funding_band_code CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,19}$'),
  CONSTRAINT funding_band_description_length CHECK (char_length(description) BETWEEN 1 AND 200),
  CONSTRAINT funding_band_amount CHECK (annual_amount BETWEEN 0 AND 1000000000),
  CONSTRAINT funding_band_dates CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- a band is changed at its version, never renamed or removed: plans and
-- consultations name it
GRANT SELECT, INSERT ON funding_band TO sendcase_app;
GRANT UPDATE (description, annual_amount, valid_from, valid_to, version, updated_by, updated_at) ON funding_band
  TO sendcase_app;
