"""The harness itself: each outcome is reported as what it is (a suite that cannot see a hang,
a memory blow-up or a traceback could not fail)."""

from __future__ import annotations

from tests.hostile.harness import run_case


def test_ok_and_result_items() -> None:
    r = run_case("RESULT['n'] = 41 + 1")
    assert r.ok and r["n"] == 42


def test_qk_error_is_refused_with_code_and_vietnamese() -> None:
    r = run_case(
        """
        from qk3editor.core.errors import ValidationError
        raise ValidationError(detail="x")
        """
    )
    assert r.refused and r.code == "invalid" and r.params == {"detail": "x"}
    assert r.message_vi and r.message_vi != r.message


def test_other_exception_is_an_error_with_its_traceback() -> None:
    r = run_case("raise KeyError('k')")
    assert r.outcome == "error" and r.error == "KeyError" and "Traceback" in r.stderr


def test_memory_limit_holds() -> None:
    r = run_case("x = bytearray(1 << 31)", mem_bytes=512 << 20)
    assert r.outcome == "error" and r.error == "MemoryError"


def test_wall_clock_kill() -> None:
    r = run_case("import time\ntime.sleep(60)", wall_s=0.5)
    assert r.outcome == "killed"


def test_cpu_limit_ends_a_busy_loop() -> None:
    r = run_case("while True:\n    pass", cpu_s=1, wall_s=20)
    assert r.outcome == "crashed" and r.returncode != 0
