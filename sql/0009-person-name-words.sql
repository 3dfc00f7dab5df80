-- 0009-person-name-words.sql
--
-- The people search by the start of a name, answered from one b-tree.
--
-- Through the trigram indexes of 0008 a prefix found every person with a
-- name that had its trigrams (some twenty thousand for "ma" in a
-- national-size table), read each of them from the table to check the
-- match again, and sorted them all to keep a page of the first hundred.
-- Here every place a name can be matched from is a row of its own: the
-- search key of each name (given, family, preferred) from its start and
-- from after each space or hyphen in it, as SCD_NAME_STARTS matches
-- (server/store/scd-person-query.h). "mary-ann o'neil" gives
-- "mary-ann o'neil", "ann o'neil" and "o'neil". A prefix is then a range
-- of the primary key, read from the index alone, and only the people of the
-- page are read from the table.
--
-- The rows are written by a trigger whenever a person's names are, as the
-- table's owner: the daemon's role may read them, never write them, so they
-- always say what the names say.
CREATE TABLE person_name_word (
  word       text COLLATE "C" NOT NULL,  -- byte order: a prefix is a range
  person_id  bigint NOT NULL REFERENCES person (id),
  PRIMARY KEY (word, person_id)
);
CREATE INDEX person_name_word_person_idx ON person_name_word (person_id);

-- Each search key of @keys from its start and from after each space or
-- hyphen: the texts a search word is a prefix of when it starts that name
-- or a word of it.
CREATE FUNCTION person_name_words(VARIADIC keys text[]) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT substr(k, i)
  FROM unnest(keys) AS k, generate_series(1, char_length(k)) AS i
  WHERE i = 1 OR substr(k, i - 1, 1) IN (' ', '-')
$$;

CREATE FUNCTION person_name_words_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.given_key IS NOT DISTINCT FROM OLD.given_key AND NEW.family_key IS NOT DISTINCT FROM OLD.family_key
       AND NEW.preferred_key IS NOT DISTINCT FROM OLD.preferred_key THEN
      RETURN NULL;
    END IF;
    DELETE FROM person_name_word WHERE person_id = OLD.id;
  END IF;
  INSERT INTO person_name_word (word, person_id)
    SELECT w, NEW.id FROM person_name_words(NEW.given_key, NEW.family_key, NEW.preferred_key) AS w;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION person_name_words_write() FROM PUBLIC;

CREATE TRIGGER person_name_words_write
  AFTER INSERT OR UPDATE OF given_name, family_name, preferred_name ON person
  FOR EACH ROW EXECUTE FUNCTION person_name_words_write();

INSERT INTO person_name_word (word, person_id)
  SELECT w, p.id FROM person p, person_name_words(p.given_key, p.family_key, p.preferred_key) AS w;

-- The trigram indexes served the people search alone.
DROP INDEX person_given_key_search_idx;
DROP INDEX person_family_key_search_idx;
DROP INDEX person_preferred_key_search_idx;

GRANT SELECT ON person_name_word TO sendcase_app;
