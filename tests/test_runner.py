import threading
import time

import pytest

from explorer.runner import Runner


def slow_square(value, delay, job):
    end = time.monotonic() + delay
    while time.monotonic() < end:
        job.check()
        time.sleep(0.002)
    return value * value


def fail(message, job):
    raise ValueError(message)


def crash(job):
    raise ZeroDivisionError("boom")


@pytest.fixture
def runner(qapp):
    runner = Runner()
    yield runner
    runner.shutdown()


def collect(runner):
    results = []
    runner.result.connect(lambda gen, value: results.append((gen, value)))
    return results


def test_result_arrives_in_gui_thread(qtbot, runner):
    threads = []
    runner.result.connect(lambda gen, value: threads.append(threading.current_thread()))
    with qtbot.waitSignal(runner.result, timeout=5000) as blocker:
        runner.submit(slow_square, 3, 0.0)
    assert blocker.args == [1, 9]
    assert threads == [threading.main_thread()]


def test_rapid_requests_coalesce_to_latest(qtbot, runner):
    results = collect(runner)
    calls = []

    def counted(value, job):
        calls.append(value)
        time.sleep(0.05)
        return value

    for value in range(20):
        runner.submit(counted, value)
    assert runner.wait_idle(10)
    # The first request was running; of the 19 queued behind it only the newest survives.
    assert calls == [0, 19]
    assert results[-1] == (20, 19)


def test_running_job_is_cancelled_by_a_newer_request(qtbot, runner):
    results = collect(runner)
    runner.submit(slow_square, 2, 5.0)
    runner.submit(slow_square, 3, 0.0)
    assert runner.wait_idle(3)
    assert results == [(2, 9)]


def test_late_old_result_never_overwrites_newer(qtbot, runner):
    results = collect(runner)
    runner.submit(slow_square, 5, 0.0)
    assert runner.wait_idle(5)
    runner._shown = 10  # as if generation 10 had been drawn already
    runner.submit(slow_square, 6, 0.0)
    assert runner.wait_idle(5)
    assert results == [(1, 25)]


def test_errors_become_messages(qtbot, runner):
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(fail, "k must be at least 1")
    assert blocker.args[1] == "k must be at least 1"
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(crash)
    assert blocker.args[1] == "ZeroDivisionError: boom"


def test_progress_and_busy_signals(qtbot, runner):
    def steps(job):
        for i in range(5):
            job.progress((i + 1) / 5, f"step {i + 1}")
            time.sleep(0.06)
        return "done"

    busy, progress = [], []
    runner.busy_changed.connect(busy.append)
    runner.progress.connect(lambda f, m: progress.append((f, m)))
    runner.submit(steps)
    assert runner.wait_idle(5)
    assert busy == [True, False]
    assert progress[-1] == (1.0, "step 5")
    assert [f for f, _ in progress] == sorted(f for f, _ in progress)


def test_shutdown_stops_a_long_job_promptly(qtbot, qapp):
    runner = Runner()
    runner.submit(slow_square, 1, 30.0)
    time.sleep(0.05)
    start = time.monotonic()
    assert runner.shutdown(timeout_s=5)
    assert time.monotonic() - start < 5
    assert runner.submit(slow_square, 1, 0.0) == 1  # closed: nothing new starts
