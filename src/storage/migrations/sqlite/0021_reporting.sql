-- Issue 9: the steering figures read applications by the year they were sent in, and the
-- recruiters' replies (hires) by the year they were given in (storage/sql_reporting.cc).
CREATE INDEX applications_by_created ON applications (created_at);
CREATE INDEX application_replies_by_kind ON application_replies (kind, created_at);
CREATE INDEX aid_requests_by_created ON aid_requests (created_at);
