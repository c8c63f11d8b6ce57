from __future__ import annotations

import itertools

import pytest

from qk3editor.core.articles import TRANSITIONS, Status, can_transition, check_transition
from qk3editor.core.errors import InvalidTransition


def test_every_state_can_be_spiked_and_restored() -> None:
    for s in Status:
        if s is not Status.SPIKED:
            assert can_transition(s, Status.SPIKED)
            assert can_transition(Status.SPIKED, s)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (Status.DRAFT, Status.PUBLISHED),
        (Status.DRAFT, Status.APPROVED),
        (Status.SUBMITTED, Status.PUBLISHED),
        (Status.PUBLISHED, Status.DRAFT),
    ],
)
def test_shortcuts_through_the_workflow_are_refused(source: Status, target: Status) -> None:
    with pytest.raises(InvalidTransition) as err:
        check_transition(source, target)
    assert err.value.code == "invalid_transition"
    assert source.value in str(err.value)


def test_the_main_path_is_allowed() -> None:
    path = [Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED, Status.CORRECTED]
    for a, b in itertools.pairwise(path):
        check_transition(a, b)
    assert set(TRANSITIONS) == set(Status)
