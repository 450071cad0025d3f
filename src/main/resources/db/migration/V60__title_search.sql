-- Title search (/entries?text=核桃) from an index. Chinese words are mostly two characters, and
-- pg_trgm finds no trigram in a two-character pattern (it would scan its whole index), so titles
-- are indexed by their character pairs instead: a GIN index over an array, which every
-- PostgreSQL has (no extension to install or be allowed to create). A search for two or more
-- characters reads the entries holding all its pairs, then checks the LIKE on those alone.
CREATE FUNCTION text_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
      FROM generate_series(1, char_length(t) - 1) AS i
$$;

CREATE INDEX ledger_entry_title_bigram_idx ON ledger_entry USING gin (text_bigrams(title));
