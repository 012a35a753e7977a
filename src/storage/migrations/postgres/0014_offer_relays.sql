-- Offers relayed by their employer to CFAs that train for the job (issue 5 §4): each CFA
-- receives an offer once; it shows in the CFA's space with a poster to print.
CREATE TABLE offer_relays (
  offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
  cfa_organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  relayed_by BIGINT NOT NULL REFERENCES users (id),
  relayed_at BIGINT NOT NULL,
  PRIMARY KEY (offer_id, cfa_organisation_id)
);
CREATE INDEX offer_relays_by_cfa ON offer_relays (cfa_organisation_id, relayed_at);
