-- 0022-transfers.sql
--
-- Moving a case between authorities (docs/transfer-format.md).
--
-- authority: who this authority is, one row, set by `sendcasectl
-- authority`: an exported file names its sender by it.
--
-- case_transfer: a case opened by a plan transferred in, with the file it
-- came in as, kept whole: the sending authority's history, versions and
-- advice are read from it and never lost. A case started by a transfer has
-- request_source 'transfer'.
--
-- band_mapping: a sending authority's funding band, by its code, onto one
-- of ours. An import that meets a band with no decided mapping adds it
-- here, with a suggestion (our band of the same code, else the nearest
-- amount), and leaves the draft's band empty; a team manager decides it
-- (our_code), and the drafts still waiting take the band in the same
-- statement. A suggestion is never applied by itself.
CREATE TABLE authority (
  only_row    boolean PRIMARY KEY DEFAULT true,
  code        text NOT NULL,
  name        text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT authority_one_row CHECK (only_row),
  CONSTRAINT authority_code CHECK (code ~ '^[0-9]{3}$'),
  CONSTRAINT authority_name_length CHECK (char_length(name) BETWEEN 1 AND 200)
);

ALTER TABLE ehc_case DROP CONSTRAINT ehc_case_request_source;
ALTER TABLE ehc_case ADD CONSTRAINT ehc_case_request_source
  CHECK (request_source IN ('parent', 'setting', 'health', 'social_care', 'other', 'transfer'));

CREATE TABLE case_transfer (
  case_id           bigint PRIMARY KEY REFERENCES ehc_case (id),
  authority_code    text NOT NULL,
  authority_name    text NOT NULL,
  their_reference   text,
  band_code         text,
  file              jsonb NOT NULL,
  imported_by       bigint NOT NULL REFERENCES app_user (id),
  imported_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_transfer_authority_code CHECK (authority_code ~ '^[0-9]{3}$')
);
CREATE INDEX case_transfer_band_idx ON case_transfer (authority_code, band_code);

CREATE TABLE band_mapping (
  authority_code     text NOT NULL,
  their_code         text NOT NULL,
  authority_name     text NOT NULL,
  their_description  text NOT NULL,
  their_amount       bigint NOT NULL,
  our_code           text REFERENCES funding_band (code),
  suggested_code     text REFERENCES funding_band (code),
  suggested_by       text,
  decided_by         bigint REFERENCES app_user (id),
  decided_at         timestamptz,
  version            integer NOT NULL DEFAULT 1,
  PRIMARY KEY (authority_code, their_code),
  CONSTRAINT band_mapping_suggested_by CHECK (suggested_by IN ('code', 'amount')),
  CONSTRAINT band_mapping_decided CHECK ((our_code IS NULL) = (decided_by IS NULL)
                                         AND (our_code IS NULL) = (decided_at IS NULL)),
  CONSTRAINT band_mapping_amount CHECK (their_amount BETWEEN 0 AND 1000000000)
);

GRANT SELECT, INSERT, UPDATE (code, name, updated_at) ON authority TO sendcase_app;
-- a transfer in is kept as it came
GRANT SELECT, INSERT ON case_transfer TO sendcase_app;
GRANT SELECT, INSERT ON band_mapping TO sendcase_app;
GRANT UPDATE (our_code, decided_by, decided_at, version) ON band_mapping TO sendcase_app;
