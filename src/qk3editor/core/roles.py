"""What the current login may do in a newsroom (issue 16), as plain data for the CLI and GUI.

The PostgreSQL server is the authority (grants, row-level security and guard triggers made by
``qk3editor newsroom init``: see docs/newsroom-roles.md); this object only mirrors its rules
so that the GUI can disable what the role cannot do, with a reason, and the CLI can refuse
early with one clear line. A modified client that skips these checks gains nothing: the
server refuses the statement (SQLSTATE 42501, shown as ``permission_denied``).

A local (SQLite) store has no roles: :meth:`Capabilities.local` allows everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from qk3editor.core.articles import Status
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, translate


class Role(StrEnum):
    REPORTER = "reporter"
    PHOTO_EDITOR = "photo_editor"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def group(self) -> str:
        """The PostgreSQL group role (NOLOGIN) its users are members of."""
        return f"qk3_{self.value}"

    def label(self) -> str:
        return translate("roles", _LABELS[self])


_LABELS = {
    Role.REPORTER: QT_TRANSLATE_NOOP("roles", "reporter"),
    Role.PHOTO_EDITOR: QT_TRANSLATE_NOOP("roles", "photo editor"),
    Role.EDITOR: QT_TRANSLATE_NOOP("roles", "editor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("roles", "administrator"),
}

# from the strongest: a login in several groups (a superuser is in all) has the first
ROLES_BY_RANK = (Role.ADMIN, Role.EDITOR, Role.PHOTO_EDITOR, Role.REPORTER)

# the statuses a reporter or photo editor may leave an article in (their own drafts)
REPORTER_STATUSES = frozenset({Status.DRAFT, Status.SUBMITTED})

# why an action is refused (shown as a tooltip in the GUI and a line in the CLI)
NOT_OWN = QT_TRANSLATE_NOOP(
    "roles", "As a {role}, you may change only your own articles while they are drafts"
)
NOT_DRAFT = QT_TRANSLATE_NOOP(
    "roles", "This article has been submitted to the desk; only an editor may change it now"
)
EDITORS_ONLY = QT_TRANSLATE_NOOP("roles", "Only an editor may do this (your role: {role})")
ADMIN_ONLY = QT_TRANSLATE_NOOP(
    "roles", "Only the newsroom administrator may manage users (your role: {role})"
)
NO_ROLE = QT_TRANSLATE_NOOP(
    "roles", "Your login {login} has no newsroom role; ask the administrator to give you one"
)
NOT_OWN_PHOTO = QT_TRANSLATE_NOOP(
    "roles", "As a {role}, you may caption only your own photos; a photo editor may caption any"
)


class RoleRefused(QkError):
    """Refused by the client before asking the server, which would refuse it too."""

    code = "permission_denied"
    template = QT_TRANSLATE_NOOP("errors", "{reason}")


def refuse_if(reason: str | None) -> None:
    """Raise :class:`RoleRefused` when there is a reason (a ``why_not_...`` answer)."""
    if reason is not None:
        raise RoleRefused(reason=reason)


@dataclass(frozen=True)
class Capabilities:
    """The current login's role on the store and what follows from it.

    ``newsroom`` is False on a local store (everything allowed). ``role`` is None on a
    newsroom for a login without a group (only reading is allowed, by the server too).
    """

    newsroom: bool = False
    login: str = ""
    role: Role | None = None

    @classmethod
    def local(cls) -> Capabilities:
        return cls()

    @classmethod
    def from_groups(cls, login: str, groups: set[str], owns_database: bool) -> Capabilities:
        """From the login's group memberships (``qk3_*`` names, from ``pg_has_role``);
        the database's owner (who ran ``newsroom init``) counts as an administrator."""
        role = next((r for r in ROLES_BY_RANK if r.group in groups), None)
        if role is None and owns_database:
            role = Role.ADMIN
        return cls(newsroom=True, login=login, role=role)

    # -- what may be done ------------------------------------------------------------------
    @property
    def is_desk(self) -> bool:
        """Editors and administrators: every article, publishing, spiking, returning."""
        return not self.newsroom or self.role in (Role.EDITOR, Role.ADMIN)

    def role_label(self) -> str:
        return self.role.label() if self.role is not None else ""

    def why_not_create(self) -> str | None:
        return self._no_role()

    def why_not_edit(self, owner: str | None, status: Status) -> str | None:
        """None when the article may be changed (saved, photos linked, deleted if a draft)."""
        if self.is_desk:
            return None
        if (refused := self._no_role()) is not None:
            return refused
        if owner != self.login:
            return translate("roles", NOT_OWN).format(role=self.role_label())
        if status is not Status.DRAFT:
            return translate("roles", NOT_DRAFT)
        return None

    def why_not_status(self, owner: str | None, status: Status, target: Status) -> str | None:
        """None when the article may move from ``status`` to ``target``."""
        if self.is_desk:
            return None
        if target not in REPORTER_STATUSES:
            return self._editors_only()
        return self.why_not_edit(owner, status)

    def why_not_publish(self) -> str | None:
        """Publishing, scheduling, unpublishing, the outbox's jobs and the targets."""
        return None if self.is_desk else self._editors_only()

    def why_not_caption(self, photo_owner: str | None) -> str | None:
        """Changing a photo's caption fields."""
        if self.is_desk or self.role is Role.PHOTO_EDITOR:
            return None
        if (refused := self._no_role()) is not None:
            return refused
        if photo_owner != self.login:
            return translate("roles", NOT_OWN_PHOTO).format(role=self.role_label())
        return None

    def why_not_manage_users(self) -> str | None:
        if not self.newsroom or self.role is Role.ADMIN:
            return None
        return self._no_role() or translate("roles", ADMIN_ONLY).format(role=self.role_label())

    def _no_role(self) -> str | None:
        if self.newsroom and self.role is None:
            return translate("roles", NO_ROLE).format(login=self.login)
        return None

    def _editors_only(self) -> str:
        return self._no_role() or translate("roles", EDITORS_ONLY).format(role=self.role_label())
