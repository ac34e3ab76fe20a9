-- The weekly shift handoff and the first-day-on-call checklist.
-- Portable SQL only: the same migration runs on the embedded H2 store and on PostgreSQL.
-- A week is named by its Monday (ISO date, 2026-11-16); times are epoch milliseconds.

-- Every save is a new version; rows are never updated, so the history is the table.
CREATE TABLE handoff_version (
    week        VARCHAR(10)  NOT NULL,
    version     BIGINT       NOT NULL,
    author      VARCHAR(200) NOT NULL,
    saved_at_ms BIGINT       NOT NULL,
    CONSTRAINT pk_handoff_version PRIMARY KEY (week, version),
    CONSTRAINT ck_handoff_version CHECK (version >= 1)
);

-- The typed-in sections of one version; the prefilled ones are derived from the timeline.
CREATE TABLE handoff_section (
    week    VARCHAR(10)     NOT NULL,
    version BIGINT          NOT NULL,
    section VARCHAR(64)     NOT NULL,
    body    VARCHAR(100000) NOT NULL,
    CONSTRAINT pk_handoff_section PRIMARY KEY (week, version, section),
    CONSTRAINT fk_handoff_section_version FOREIGN KEY (week, version) REFERENCES handoff_version (week, version)
);

-- One row per person, week and item: the primary key makes a second ack a no-op.
CREATE TABLE handoff_checklist_ack (
    week        VARCHAR(10)  NOT NULL,
    person      VARCHAR(200) NOT NULL,
    item        VARCHAR(64)  NOT NULL,
    acked_at_ms BIGINT       NOT NULL,
    CONSTRAINT pk_handoff_checklist_ack PRIMARY KEY (week, person, item)
);
