-- Portable SQL only: the same migration runs on the embedded H2 store and on PostgreSQL.
-- Times are epoch milliseconds (BIGINT) so both databases agree on them exactly.

CREATE TABLE incident (
    id             VARCHAR(32) NOT NULL,
    number         BIGINT      NOT NULL,
    declared_at_ms BIGINT      NOT NULL,
    CONSTRAINT pk_incident PRIMARY KEY (id),
    CONSTRAINT uq_incident_number UNIQUE (number)
);

-- Append-only: rows are inserted, never updated or deleted. The primary key is what makes two
-- writers racing for the same sequence number collide instead of interleaving.
CREATE TABLE timeline_event (
    incident_id VARCHAR(32)      NOT NULL,
    seq         BIGINT           NOT NULL,
    at_ms       BIGINT           NOT NULL,
    actor       VARCHAR(1000)    NOT NULL,
    type        VARCHAR(64)      NOT NULL,
    payload     VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_timeline_event PRIMARY KEY (incident_id, seq),
    CONSTRAINT fk_timeline_event_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    CONSTRAINT ck_timeline_event_seq CHECK (seq >= 1)
);
