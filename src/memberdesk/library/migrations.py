"""Versioned schema migrations. Each entry runs once, in order, inside a transaction;
PRAGMA user_version records how far a library has come. Append; never edit a shipped step."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the whole model: councils -> committees -> meetings -> agenda items -> documents -> pages.
    """
    CREATE TABLE councils (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        base_url TEXT NOT NULL UNIQUE,
        mode TEXT NOT NULL DEFAULT 'webservice',
        added_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE committees (
        id INTEGER PRIMARY KEY,
        council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        remote_id TEXT NOT NULL,
        title TEXT NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0,
        expired INTEGER NOT NULL DEFAULT 0,
        followed INTEGER NOT NULL DEFAULT 0,
        UNIQUE (council_id, remote_id)
    );
    CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        remote_id TEXT NOT NULL,
        date TEXT,
        time TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        agenda_published INTEGER NOT NULL DEFAULT 1,
        synced_at TEXT,
        UNIQUE (committee_id, remote_id)
    );
    CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        remote_id TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        minutes TEXT NOT NULL DEFAULT '',
        is_decision INTEGER NOT NULL DEFAULT 0,
        is_restricted INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        sha256 TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'importing',
        page_count INTEGER NOT NULL DEFAULT 0,
        file_name TEXT NOT NULL DEFAULT '',
        source_path TEXT NOT NULL DEFAULT '',
        source_url TEXT NOT NULL DEFAULT '',
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        kind TEXT NOT NULL DEFAULT '',
        marker TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL DEFAULT (datetime('now')),
        opened_at TEXT,
        importer_pid INTEGER
    );
    CREATE INDEX documents_sha ON documents(sha256);
    CREATE INDEX documents_meeting ON documents(meeting_id);
    CREATE INDEX documents_url ON documents(source_url);
    CREATE TABLE agenda_item_documents (
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (agenda_item_id, document_id)
    );
    CREATE TABLE pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (document_id, idx)
    );
    CREATE TABLE outline (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        level INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        page_idx INTEGER NOT NULL,
        PRIMARY KEY (document_id, position)
    );
    CREATE TABLE reading_positions (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        page_idx INTEGER NOT NULL,
        line INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # 2: full-text search over pages and agenda items, kept in step by triggers; notes, bookmarks,
    # and the record of pages read on screen.
    """
    CREATE VIRTUAL TABLE pages_fts USING fts5(
        text, content='pages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER pages_fts_update AFTER UPDATE OF text ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO pages_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE VIRTUAL TABLE items_fts USING fts5(
        title, text, minutes, content='agenda_items', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER items_fts_insert AFTER INSERT ON agenda_items BEGIN
        INSERT INTO items_fts(rowid, title, text, minutes) VALUES (new.id, new.title, new.text, new.minutes);
    END;
    CREATE TRIGGER items_fts_delete AFTER DELETE ON agenda_items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, text, minutes)
            VALUES ('delete', old.id, old.title, old.text, old.minutes);
    END;
    CREATE TRIGGER items_fts_update AFTER UPDATE OF title, text, minutes ON agenda_items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, text, minutes)
            VALUES ('delete', old.id, old.title, old.text, old.minutes);
        INSERT INTO items_fts(rowid, title, text, minutes) VALUES (new.id, new.title, new.text, new.minutes);
    END;
    INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');
    INSERT INTO items_fts(items_fts) VALUES ('rebuild');

    -- A note is anchored by the paper's content hash and printed page label as well as by ids,
    -- so an exported note finds its paper again in another library.
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        document_sha256 TEXT NOT NULL DEFAULT '',
        document_title TEXT NOT NULL DEFAULT '',
        page_idx INTEGER,
        page_label TEXT NOT NULL DEFAULT '',
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        agenda_item_title TEXT NOT NULL DEFAULT '',
        meeting_title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (datetime('now')),
        updated_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX notes_document ON notes(document_id, page_idx);
    CREATE INDEX notes_item ON notes(agenda_item_id);
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page_idx INTEGER NOT NULL,
        created_at TEXT NOT NULL DEFAULT (datetime('now')),
        UNIQUE (document_id, page_idx)
    );
    -- A page counts once per document version: the version is the file's content hash.
    CREATE TABLE page_reads (
        document_sha256 TEXT NOT NULL,
        page_idx INTEGER NOT NULL,
        read_at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (document_sha256, page_idx)
    );
    CREATE INDEX page_reads_when ON page_reads(read_at);
    """,
    # 3: following councils. A paper the council republished with new content becomes a new
    # document row (version + 1); the old row is kept with status 'superseded' and replaced_by
    # pointing at the new one, so notes, bookmarks and the reading position stay with the
    # version they were made on, while listings and search show only the current version.
    # checked_at: when sync last asked the council about the paper (conditional request).
    # meetings.fingerprint: what the meeting's agenda looked like at the last sync, so a repeat
    # sync can tell "nothing changed". http_cache keeps the council's XML and HTML answers with
    # their validators, so a repeat sync asks "changed since?" and gets a small 304.
    """
    ALTER TABLE documents ADD COLUMN replaced_by INTEGER REFERENCES documents(id) ON DELETE SET NULL;
    ALTER TABLE documents ADD COLUMN checked_at TEXT;
    ALTER TABLE meetings ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
    CREATE TABLE http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        headers TEXT NOT NULL DEFAULT '{}',
        content BLOB NOT NULL,
        stored_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # 4: papers read from positioned text (memberdesk.papers.extract). pages.blocks: the page's
    # paragraphs and headings in reading order (JSON); pages.furniture: its running headers,
    # footers and page stamps, kept out of the text. documents.extraction: which extractor made
    # the pages (0: the text stream, before this step), so `reindex` can read older papers again.
    """
    ALTER TABLE pages ADD COLUMN blocks TEXT NOT NULL DEFAULT '';
    ALTER TABLE pages ADD COLUMN furniture TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN extraction INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: text read from scans (memberdesk.papers.ocr). pages.source: 'text' (the PDF's own) or
    # 'ocr' (read from a picture of the page); pages.confidence: OCR's mean word confidence,
    # 0..100 (NULL for the PDF's own text); pages.ocr_note: why a picture page gave no text
    # ('' when it did, or was not a picture; 'tesseract-missing' when OCR is not installed).
    """
    ALTER TABLE pages ADD COLUMN source TEXT NOT NULL DEFAULT 'text';
    ALTER TABLE pages ADD COLUMN confidence REAL;
    ALTER TABLE pages ADD COLUMN ocr_note TEXT NOT NULL DEFAULT '';
    """,
    # 6: one stored copy of each paper. Two imports of the same file at once stored it twice;
    # now the same bytes from the same address (or imported by hand: address '') can be
    # current only once. Copies already stored twice are merged into the first ready one:
    # their notes, bookmarks, reading position and agenda links move to it, then they go
    # (they share its file on disk, named by the hash). Superseded versions are history and
    # may repeat an older version's bytes.
    """
    CREATE TEMP TABLE merge_into AS
        SELECT d.id AS old_id,
               (SELECT k.id FROM documents k
                 WHERE k.sha256 = d.sha256 AND k.source_url = d.source_url AND k.status != 'superseded'
                 ORDER BY (k.status = 'ready') DESC, k.id LIMIT 1) AS keep_id
        FROM documents d WHERE d.sha256 != '' AND d.status != 'superseded';
    DELETE FROM merge_into WHERE old_id = keep_id;
    UPDATE notes SET document_id = (SELECT keep_id FROM merge_into WHERE old_id = notes.document_id)
        WHERE document_id IN (SELECT old_id FROM merge_into);
    INSERT OR IGNORE INTO bookmarks (document_id, page_idx, created_at)
        SELECT m.keep_id, b.page_idx, b.created_at FROM bookmarks b JOIN merge_into m ON b.document_id = m.old_id;
    INSERT OR IGNORE INTO reading_positions (document_id, page_idx, line, updated_at)
        SELECT m.keep_id, r.page_idx, r.line, r.updated_at
        FROM reading_positions r JOIN merge_into m ON r.document_id = m.old_id;
    INSERT OR IGNORE INTO agenda_item_documents (agenda_item_id, document_id)
        SELECT a.agenda_item_id, m.keep_id FROM agenda_item_documents a JOIN merge_into m ON a.document_id = m.old_id;
    UPDATE documents SET replaced_by = (SELECT keep_id FROM merge_into WHERE old_id = documents.replaced_by)
        WHERE replaced_by IN (SELECT old_id FROM merge_into);
    DELETE FROM documents WHERE id IN (SELECT old_id FROM merge_into);
    DROP TABLE merge_into;
    CREATE UNIQUE INDEX documents_one_copy ON documents(sha256, source_url)
        WHERE sha256 != '' AND status != 'superseded';
    """,
    # 7: each sync run, so the app, `memberdesk next` and a scheduled sync can say when the last
    # sync ran and what it brought (summary: the line `memberdesk sync` printed); and each
    # `memberdesk print`, so the paper record sets the sheets printed against those saved.
    """
    CREATE TABLE IF NOT EXISTS prints (
        id INTEGER PRIMARY KEY,
        document_sha256 TEXT NOT NULL,
        pages INTEGER NOT NULL,
        printed_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE IF NOT EXISTS sync_runs (
        id INTEGER PRIMARY KEY,
        ran_at TEXT NOT NULL DEFAULT (datetime('now')),
        new INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        cancelled INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT ''
    );
    """,
    # 8: pages stored while their paper is being imported (source 'importing', readable at
    # once) stay out of the search index until the paper's final text is laid out: search
    # shows only ready papers, and indexing the first text too tokenised every page three
    # times (its first text, that text again to take it out, the final text).
    """
    DROP TRIGGER pages_fts_insert;
    DROP TRIGGER pages_fts_delete;
    DROP TRIGGER pages_fts_update;
    CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages WHEN new.source != 'importing' BEGIN
        INSERT INTO pages_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages WHEN old.source != 'importing' BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER pages_fts_update AFTER UPDATE OF text, source ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) SELECT 'delete', old.rowid, old.text
            WHERE old.source != 'importing';
        INSERT INTO pages_fts(rowid, text) SELECT new.rowid, new.text WHERE new.source != 'importing';
    END;
    """,
]
