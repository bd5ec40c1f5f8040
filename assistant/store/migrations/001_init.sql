-- Reflect's first schema. Every JSON column holds a pydantic model from assistant/types.py.
CREATE TABLE clients (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at  TEXT NOT NULL,
    private_terms TEXT NOT NULL DEFAULT '[]'  -- names and companies the coach wants redacted for remote models
);

CREATE TABLE sessions (
    id              TEXT PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    session_date    TEXT,
    file_name       TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    transcript_json TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    indexed         INTEGER NOT NULL DEFAULT 0,  -- 1 once its utterances are in the memory index
    UNIQUE (client_id, sha256)
);
CREATE INDEX sessions_by_client ON sessions (client_id, session_date);

CREATE TABLE analyses (
    id              INTEGER PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    backend         TEXT NOT NULL,
    model           TEXT,
    prompt_versions TEXT NOT NULL DEFAULT '{}',
    analysis_json   TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX analyses_by_session ON analyses (session_id, id);

CREATE TABLE plan_versions (
    id          INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('draft', 'edit', 'approved', 'carried', 'chat')),
    plan_json   TEXT NOT NULL,
    change      TEXT NOT NULL,   -- JSON: what changed, for the history and the diff
    created_at  TEXT NOT NULL,
    UNIQUE (session_id, version)
);

CREATE TABLE item_status_history (
    id          INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    item_id     TEXT NOT NULL,
    status      TEXT NOT NULL,   -- proposed / accepted / rejected, or a progress from an assessment
    source      TEXT NOT NULL,   -- edit, approval, assessment
    created_at  TEXT NOT NULL
);

CREATE TABLE chat_messages (
    id              INTEGER PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content         TEXT NOT NULL,
    proposal_json   TEXT,          -- a proposed plan change, applied only by the coach's click
    proposal_state  TEXT,          -- pending / applied / discarded
    created_at      TEXT NOT NULL
);

CREATE TABLE assessments (
    id              INTEGER PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    plan_session_id TEXT NOT NULL,
    assessment_json TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

-- What happened, never what was said: no transcript text, no names.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    client_id   INTEGER,
    session_id  TEXT,
    detail      TEXT NOT NULL DEFAULT ''
);
