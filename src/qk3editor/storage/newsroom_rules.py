"""The SQL ``newsroom init`` runs (issue 16), split from :mod:`.newsroom`: the group roles'
grants, the row-level-security policies (the *new* row's rules), the guard triggers (the *old*
row's rules, raising 42501) and the server functions. ``newsroom.py`` keeps init, users and the
login's capabilities. The matrix these rules implement is in docs/newsroom-roles.md.
"""

from __future__ import annotations

from qk3editor.core.roles import ROLES_BY_RANK

GROUPS = tuple(r.group for r in ROLES_BY_RANK)
DESK = "qk3_editor, qk3_admin"
FIELD = "qk3_reporter, qk3_photo_editor"
ALL = ", ".join(GROUPS)

# tables only the desk writes; reporters and photo editors read them
DESK_WRITES = (
    "publish_targets",
    "publish_jobs",
    "publish_remote",
    "publish_media",
    "article_publications",
)
READ_ONLY = ("alembic_version",)
# the photo fields a photo editor may change on anyone's photo
CAPTION_FIELDS = (
    "headline description alt_text creator credit copyright keywords date_created sublocation "
    "city province_state country job_id instructions title search_text keep_location "
    "keep_location_by keep_location_at updated_at"
).split()

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION qk3_role() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN pg_has_role(session_user, 'qk3_admin', 'MEMBER') THEN 'admin'
        WHEN pg_has_role(session_user, 'qk3_editor', 'MEMBER') THEN 'editor'
        WHEN pg_has_role(session_user, 'qk3_photo_editor', 'MEMBER') THEN 'photo_editor'
        WHEN pg_has_role(session_user, 'qk3_reporter', 'MEMBER') THEN 'reporter'
        ELSE '' END
$$;

CREATE OR REPLACE FUNCTION qk3_is_field() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT qk3_role() IN ('reporter', 'photo_editor')
$$;

CREATE OR REPLACE FUNCTION qk3_own_draft(article text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM articles a WHERE a.id = article
                   AND a.owner = session_user AND a.status = 'draft')
$$;

CREATE OR REPLACE FUNCTION qk3_own_article(article text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM articles a WHERE a.id = article AND a.owner = session_user)
$$;

CREATE OR REPLACE FUNCTION qk3_refuse(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'qk3: the role % of % may not %', qk3_role(), session_user, what
        USING ERRCODE = '42501';
END
$$;

CREATE OR REPLACE FUNCTION qk3_guard_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF qk3_is_field()
       AND (OLD.owner IS DISTINCT FROM session_user OR OLD.status <> 'draft') THEN
        PERFORM qk3_refuse(lower(TG_OP) || ' article ' || OLD.id);
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION qk3_guard_photo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF qk3_is_field() THEN
        IF OLD.owner IS DISTINCT FROM session_user OR EXISTS (
            SELECT 1 FROM article_photos ap JOIN articles a ON a.id = ap.article_id
            WHERE ap.photo_id = OLD.id
              AND (a.owner IS DISTINCT FROM session_user OR a.status <> 'draft')) THEN
            IF NOT (TG_OP = 'UPDATE' AND qk3_role() = 'photo_editor'
                    AND (to_jsonb(NEW) - CAPTIONS) = (to_jsonb(OLD) - CAPTIONS)) THEN
                PERFORM qk3_refuse(lower(TG_OP) || ' photo ' || OLD.id);
            END IF;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION qk3_guard_article_photo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF qk3_is_field() THEN
        IF TG_OP = 'INSERT' THEN
            IF NOT qk3_own_draft(NEW.article_id) THEN
                PERFORM qk3_refuse('link a photo to article ' || NEW.article_id);
            END IF;
        ELSIF TG_OP = 'DELETE' THEN
            IF NOT qk3_own_draft(OLD.article_id) THEN
                PERFORM qk3_refuse('unlink a photo from article ' || OLD.article_id);
            END IF;
        ELSIF NOT (qk3_own_draft(OLD.article_id) AND qk3_own_draft(NEW.article_id))
              AND NOT (qk3_role() = 'photo_editor'
                       AND (to_jsonb(NEW) - 'caption_override')
                           = (to_jsonb(OLD) - 'caption_override')) THEN
            PERFORM qk3_refuse('change the photos of article ' || OLD.article_id);
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;
"""

AUTHOR_FUNCTION = """
CREATE OR REPLACE FUNCTION qk3_set_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.author := session_user;
    ELSE
        NEW.author := OLD.author;
    END IF;
    RETURN NEW;
END
$$
"""

USER_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION qk3_check_admin() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (qk3_role() = 'admin' OR session_user = current_user) THEN
        PERFORM qk3_refuse('manage newsroom users');
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION qk3_set_user_role(name text, grp text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE g text;
BEGIN
    PERFORM qk3_check_admin();
    IF grp NOT IN ('qk3_reporter', 'qk3_photo_editor', 'qk3_editor', 'qk3_admin') THEN
        RAISE EXCEPTION 'qk3: no such role %', grp USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name AND rolcanlogin
                   AND NOT rolsuper) THEN
        RAISE EXCEPTION 'qk3: no newsroom user %', name USING ERRCODE = '42704';
    END IF;
    FOREACH g IN ARRAY ARRAY['qk3_reporter', 'qk3_photo_editor', 'qk3_editor', 'qk3_admin'] LOOP
        IF g <> grp AND EXISTS (SELECT 1 FROM pg_auth_members m
                                WHERE m.roleid = g::regrole AND m.member = name::regrole) THEN
            EXECUTE format('REVOKE %I FROM %I', g, name);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', grp, name);
END
$$;

CREATE OR REPLACE FUNCTION qk3_add_user(name text, verifier text, grp text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM qk3_check_admin();
    IF name !~ '^[a-z_][a-z0-9_.\-]{0,62}$' OR name LIKE 'qk3\_%' OR name LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'qk3: not a user name: %', name USING ERRCODE = '22023';
    END IF;
    IF verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'qk3: a password verifier is expected' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        RAISE EXCEPTION 'qk3: the user % exists', name USING ERRCODE = '42710';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', name, verifier);
    PERFORM qk3_set_user_role(name, grp);
END
$$;

CREATE OR REPLACE FUNCTION qk3_users() RETURNS TABLE (name text, grp text, can_login boolean)
LANGUAGE sql STABLE AS $$
    SELECT u.rolname::text, g.rolname::text, u.rolcanlogin
    FROM pg_auth_members m
    JOIN pg_roles g ON g.oid = m.roleid
    JOIN pg_roles u ON u.oid = m.member
    WHERE g.rolname IN ('qk3_reporter', 'qk3_photo_editor', 'qk3_editor', 'qk3_admin')
    ORDER BY 1, 2
$$;

REVOKE ALL ON FUNCTION qk3_add_user(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION qk3_set_user_role(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qk3_add_user(text, text, text) TO qk3_admin;
GRANT EXECUTE ON FUNCTION qk3_set_user_role(text, text) TO qk3_admin;
"""


def _policies(table: str, statements: list[str]) -> list[str]:
    """Row-level security on ``table`` with exactly ``statements`` as its policies (the old
    ones dropped first, so that re-running init after a change of rules applies it)."""
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"""DO $$ DECLARE p record; BEGIN
            FOR p IN SELECT policyname FROM pg_policies
                     WHERE schemaname = current_schema() AND tablename = '{table}' LOOP
                EXECUTE format('DROP POLICY %I ON {table}', p.policyname);
            END LOOP; END $$""",
        f"CREATE POLICY qk3_read ON {table} FOR SELECT TO {ALL} USING (true)",
        f"CREATE POLICY qk3_desk ON {table} FOR ALL TO {DESK} USING (true) WITH CHECK (true)",
        *statements,
    ]


def _guard(table: str, function: str, events: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_guard ON {table}",
        f"CREATE TRIGGER {table}_guard BEFORE {events} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def _grant_baseline() -> list[str]:
    out = [
        f"GRANT USAGE ON SCHEMA public TO {ALL}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ALL}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {ALL}",
        # tables and sequences later migrations add (re-run init to narrow them)
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ALL}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {ALL}",
        f"REVOKE UPDATE, DELETE ON categories FROM {FIELD}",
    ]
    for table in DESK_WRITES:
        out.append(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {FIELD}")
    for table in READ_ONLY:
        out.append(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {ALL}")
    return out


def _field_writes(
    table: str,
    insert_check: str,
    update_check: str,
    *,
    guard_events: str,
    update_name: str = "qk3_own_update",
    delete_name: str = "qk3_own_delete",
) -> list[str]:
    """A field role's insert/update/delete policies on ``table``; the old row of an update or
    delete is checked by the ``qk3_guard_<singular>`` trigger (an error, not a silent skip)."""
    function = "qk3_guard_" + table.removesuffix("s")
    return [
        *_policies(
            table,
            [
                f"CREATE POLICY qk3_own_insert ON {table} FOR INSERT TO {FIELD} "
                f"WITH CHECK ({insert_check})",
                f"CREATE POLICY {update_name} ON {table} FOR UPDATE TO {FIELD} USING (true) "
                f"WITH CHECK ({update_check})",
                f"CREATE POLICY {delete_name} ON {table} FOR DELETE TO {FIELD} USING (true)",
            ],
        ),
        *_guard(table, function, guard_events),
    ]


def rules(existing: set[str]) -> list[str]:
    captions = "ARRAY[" + ", ".join(f"'{c}'" for c in CAPTION_FIELDS) + "]"
    out = [FUNCTIONS.replace("CAPTIONS", captions), *_grant_baseline()]
    out += _field_writes(
        "articles",
        "owner = session_user AND status IN ('draft', 'submitted')",
        "owner = session_user AND status IN ('draft', 'submitted')",
        guard_events="UPDATE OR DELETE",
    )
    out += _field_writes(
        "photos",
        "owner = session_user",
        "true",
        update_name="qk3_field_update",
        delete_name="qk3_field_delete",
        guard_events="UPDATE OR DELETE",
    )
    out += _field_writes(
        "article_photos",
        "qk3_own_draft(article_id)",
        "qk3_own_draft(article_id) OR qk3_role() = 'photo_editor'",
        guard_events="INSERT OR UPDATE OR DELETE",
    )
    out += _policies(
        "article_revisions",
        [
            f"CREATE POLICY qk3_own_insert ON article_revisions FOR INSERT TO {FIELD} "
            "WITH CHECK (qk3_own_article(article_id))",
            # pruning old revisions skips other people's articles
            f"CREATE POLICY qk3_own_delete ON article_revisions FOR DELETE TO {FIELD} "
            "USING (qk3_own_draft(article_id))",
        ],
    )
    out.append(f"REVOKE UPDATE ON article_revisions FROM {FIELD}")
    out += _policies(
        "status_changes",
        [
            f"CREATE POLICY qk3_own_insert ON status_changes FOR INSERT TO {FIELD} "
            "WITH CHECK (qk3_own_article(article_id) AND to_status IN ('draft', 'submitted'))",
        ],
    )
    out.append(f"REVOKE UPDATE, DELETE ON status_changes FROM {FIELD}")
    if "desk_messages" in existing:  # h16send's table (migration s16_desk)
        out += _policies(
            "desk_messages",
            [
                f"CREATE POLICY qk3_own_insert ON desk_messages FOR INSERT TO {FIELD} "
                "WITH CHECK (kind IN ('note', 'submitted') AND qk3_own_article(article_id))",
            ],
        )
        out.append(f"REVOKE UPDATE, DELETE ON desk_messages FROM {FIELD}")
        # the author is the login, set by the server like articles.owner: nobody writes a
        # note (or a return) in another's name, and an editor's UPDATE cannot change it
        out += [
            AUTHOR_FUNCTION,
            "DROP TRIGGER IF EXISTS desk_messages_author ON desk_messages",
            "CREATE TRIGGER desk_messages_author BEFORE INSERT OR UPDATE OF author "
            "ON desk_messages FOR EACH ROW EXECUTE FUNCTION qk3_set_author()",
        ]
    if "photo_blobs" in existing:  # h16send's photo originals (content-addressed pieces)
        # field roles add originals (a send) and read them; only the desk rewrites or removes
        out.append(f"REVOKE UPDATE, DELETE ON photo_blobs FROM {FIELD}")
    if "library_counts" in existing:  # c14's row counts: only the owner's triggers write them
        out.append(f"REVOKE INSERT, UPDATE, DELETE ON library_counts FROM {ALL}")
    out.append(USER_FUNCTIONS)
    return out
