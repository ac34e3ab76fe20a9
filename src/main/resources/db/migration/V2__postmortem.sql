-- Portable SQL only: the same migration runs on the embedded H2 store and on PostgreSQL.
-- Every rendering of a postmortem that changed its text is a new row; rows are never updated or
-- deleted, so any earlier version (and who wrote it) can be read back.

CREATE TABLE postmortem_version (
    incident_id   VARCHAR(32)      NOT NULL,
    version       INTEGER          NOT NULL,
    author        VARCHAR(200)     NOT NULL,
    created_at_ms BIGINT           NOT NULL,
    markdown      VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_postmortem_version PRIMARY KEY (incident_id, version),
    CONSTRAINT fk_postmortem_version_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    CONSTRAINT ck_postmortem_version_positive CHECK (version >= 1)
);
