-- Any change to the API keys (a revocation, a deletion, a manual UPDATE) notifies channel levante_api_keys, once
-- per statement: the API keeps known keys in memory only while it listens there, and forgets them all on a
-- notification, so a revocation made by any process (scripts/apikey.ts, psql) reaches every API at its commit.
CREATE OR REPLACE FUNCTION levante_api_keys_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('levante_api_keys', TG_OP);
  RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_changed
AFTER UPDATE OR DELETE OR TRUNCATE ON "api_keys"
FOR EACH STATEMENT EXECUTE FUNCTION levante_api_keys_changed();
