-- Issue 4 §3: the young person's space (domain/young_people): their profile, favourites and
-- saved searches with their daily e-mail alerts.
CREATE TABLE young_profiles (
  user_id BIGINT PRIMARY KEY REFERENCES users (id),
  wishes TEXT NOT NULL CHECK (length(wishes) BETWEEN 1 AND 800),
  rome_code TEXT NOT NULL DEFAULT '',
  level INTEGER NOT NULL DEFAULT 0 CHECK (level = 0 OR level BETWEEN 3 AND 8),
  commune_code TEXT NOT NULL,
  mobility_km INTEGER NOT NULL CHECK (mobility_km BETWEEN 1 AND 200),
  birth_date TEXT NOT NULL,  -- ISO date: who is a minor (README.md)
  phone TEXT NOT NULL DEFAULT '',
  -- « Rendre mon profil visible des employeurs »: only what the person ticked.
  visible_to_employers INTEGER NOT NULL DEFAULT 0 CHECK (visible_to_employers IN (0, 1)),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE young_favourites (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'training')),
  target_id BIGINT NOT NULL,  -- an offers or a trainings id; kept when it closes
  created_at BIGINT NOT NULL,
  UNIQUE (owner_id, kind, target_id)
);

CREATE TABLE saved_searches (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id BIGINT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 400),
  query TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 1000),  -- /recherche's query string
  alerts INTEGER NOT NULL DEFAULT 1 CHECK (alerts IN (0, 1)),
  created_at BIGINT NOT NULL,
  last_digest_at BIGINT NOT NULL  -- offers published after it are news
);
CREATE INDEX saved_searches_by_owner ON saved_searches (owner_id, id);
CREATE INDEX saved_searches_alerts ON saved_searches (alerts, owner_id, id);
