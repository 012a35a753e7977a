-- Issue 9: « Jeunes accompagnés » reads the apprentices' follow-up entries by the year they were
-- entered in (storage/sql_reporting.cc, FollowedApprentices).
CREATE INDEX follow_up_difficulties_by_created ON follow_up_difficulties (created_at);
CREATE INDEX follow_up_risks_by_created ON follow_up_risks (created_at);
CREATE INDEX follow_up_actions_by_created ON follow_up_actions (created_at);
CREATE INDEX follow_up_notes_by_created ON follow_up_notes (created_at);
CREATE INDEX follow_up_aid_requests_by_linked ON follow_up_aid_requests (linked_at);
