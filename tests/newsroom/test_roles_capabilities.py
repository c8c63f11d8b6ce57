"""The client's mirror of the server's rules (core.roles) and the one refusal code."""

from __future__ import annotations

import pytest

from qk3editor.core.articles import Status
from qk3editor.core.i18n import Translator
from qk3editor.core.roles import Capabilities, Role
from qk3editor.edge_errors import PermissionDenied, as_qk_error
from qk3editor.paths import resources_dir
from qk3editor.storage.errors import classify


def caps(role: Role | None, login: str = "an") -> Capabilities:
    groups = {role.group} if role else set()
    return Capabilities.from_groups(login, groups, owns_database=False)


def test_a_local_store_allows_everything() -> None:
    local = Capabilities.local()
    assert not local.newsroom
    assert local.why_not_edit("someone", Status.PUBLISHED) is None
    assert local.why_not_status(None, Status.DRAFT, Status.SPIKED) is None
    assert local.why_not_publish() is None and local.why_not_manage_users() is None
    assert local.why_not_caption("someone") is None


@pytest.mark.parametrize("role", [Role.REPORTER, Role.PHOTO_EDITOR])
def test_the_field_edits_only_its_own_drafts(role: Role) -> None:
    me = caps(role)
    assert me.why_not_edit("an", Status.DRAFT) is None
    assert me.why_not_edit("binh", Status.DRAFT) is not None
    assert me.why_not_edit("an", Status.SUBMITTED) is not None
    assert me.why_not_status("an", Status.DRAFT, Status.SUBMITTED) is None
    for target in (Status.APPROVED, Status.PUBLISHED, Status.SPIKED, Status.UNPUBLISHED):
        assert me.why_not_status("an", Status.DRAFT, target) is not None
    assert me.why_not_status("an", Status.SUBMITTED, Status.DRAFT) is not None
    assert me.why_not_publish() is not None and me.why_not_manage_users() is not None
    assert me.why_not_caption("an") is None
    assert (me.why_not_caption("binh") is None) is (role is Role.PHOTO_EDITOR)


def test_the_desk_and_the_administrator() -> None:
    for role in (Role.EDITOR, Role.ADMIN):
        desk = caps(role)
        assert desk.why_not_edit("binh", Status.PUBLISHED) is None
        assert desk.why_not_status("binh", Status.SUBMITTED, Status.SPIKED) is None
        assert desk.why_not_publish() is None and desk.why_not_caption("binh") is None
        assert (desk.why_not_manage_users() is None) is (role is Role.ADMIN)


def test_the_strongest_group_wins_and_the_owner_is_an_administrator() -> None:
    every = {r.group for r in Role}  # a superuser is a member of every role
    assert Capabilities.from_groups("postgres", every, False).role is Role.ADMIN
    assert Capabilities.from_groups("owner", set(), owns_database=True).role is Role.ADMIN
    nobody = Capabilities.from_groups("khach", set(), owns_database=False)
    assert nobody.role is None and nobody.why_not_create() is not None
    assert nobody.why_not_edit("khach", Status.DRAFT) is not None


class FakeDriverError(Exception):
    sqlstate = "42501"


class Wrapped(Exception):
    def __init__(self) -> None:
        super().__init__("wrapped")
        self.orig = FakeDriverError("new row violates row-level security policy")


def test_42501_is_permission_denied_in_vietnamese() -> None:
    vi = Translator.load("vi", resources_dir() / "translations")
    for exc in (FakeDriverError("permission denied for table publish_jobs"), Wrapped()):
        known = as_qk_error(exc)
        assert isinstance(known, PermissionDenied) and known.code == "permission_denied"
        assert isinstance(classify(exc), PermissionDenied)
        assert known.message(vi).startswith("Máy chủ tòa soạn từ chối việc này")
    assert as_qk_error(ValueError("x")) is None
