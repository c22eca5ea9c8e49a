"""The one background-job mechanism: latest-wins, with a generation counter, cancel and progress.

A tab submits a pure function and its arguments; the function runs in this runner's single worker thread and
receives a :class:`Job` for progress and cancellation. While a job runs, only the newest pending request is kept.
Results come back through a queued signal into a bound slot, so no Qt object is touched from the worker.
A result is shown only if it is newer than the last one shown: during a slider drag every finished job still
reaches the screen, and an old job that finishes late never overwrites a newer picture.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, Signal, Slot

log = logging.getLogger(__name__)

# Progress reports closer together than this are dropped: the status bar cannot show them anyway.
_PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised inside a job (by :meth:`Job.check`) when it has been cancelled."""


class Job:
    """Handed to a running function: cooperative cancellation and progress. Qt-free."""

    def __init__(self, generation: int, report: Callable[[int, float, str], None]):
        self.generation = generation
        self._cancel = threading.Event()
        self._report = report
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the job was cancelled; call it in long loops."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, fraction: float, message: str = "") -> None:
        self.check()
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_report >= _PROGRESS_INTERVAL_S:
            self._last_report = now
            self._report(self.generation, float(fraction), message)


class Runner(QObject):
    """Latest-wins runner with one worker thread."""

    result = Signal(int, object)
    failed = Signal(int, str)
    busy_changed = Signal(bool)
    progress = Signal(float, str)

    _finished = Signal(int, object, object)
    _progressed = Signal(int, float, str)

    def __init__(self, parent: QObject | None = None, name: str = "runner", cancel_stale: bool = True):
        """``cancel_stale``: a new request cancels the running job (it is out of date). Jobs that never call
        :meth:`Job.check` finish anyway, so during a drag every finished frame is still shown."""
        super().__init__(parent)
        self._cancel_stale = cancel_stale
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._generation = 0
        self._shown = 0
        self._running: tuple[Job, Future] | None = None
        self._pending: tuple[int, Callable[..., Any], tuple] | None = None
        self._closed = False
        self._finished.connect(self._on_finished)
        self._progressed.connect(self._on_progress)

    @property
    def busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def submit(self, function: Callable[..., Any], *args: Any) -> int:
        """Run ``function(*args, job)`` in the worker; return the request's generation."""
        if self._closed:
            return self._generation
        self._generation += 1
        request = (self._generation, function, args)
        if self._running is None:
            self._start(request)
        else:
            self._pending = request
            if self._cancel_stale:
                self._running[0].cancel()
        return self._generation

    def cancel(self) -> None:
        """Cancel the running job and drop the pending request."""
        self._pending = None
        if self._running is not None:
            self._running[0].cancel()

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        """Cancel everything and wait for the worker; True if it stopped in time."""
        self._closed = True
        self.cancel()
        running = self._running
        self._executor.shutdown(wait=False, cancel_futures=True)
        if running is None:
            return True
        try:
            running[1].result(timeout=timeout_s)
        except Exception:  # noqa: BLE001 - the job's own outcome no longer matters
            pass
        return running[1].done()

    def wait_idle(self, timeout_s: float = 60.0) -> bool:
        """Process events until no job runs or waits (tests and headless rendering)."""
        deadline = QDeadlineTimer(int(timeout_s * 1000))
        while self.busy and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)  # the worker needs the CPU more than this loop does
        QCoreApplication.processEvents()
        return not self.busy

    def _start(self, request: tuple[int, Callable[..., Any], tuple]) -> None:
        generation, function, args = request
        job = Job(generation, self._progressed.emit)
        was_busy = self.busy
        future = self._executor.submit(self._execute, job, function, args)
        self._running = (job, future)
        if not was_busy:
            self.busy_changed.emit(True)

    def _execute(self, job: Job, function: Callable[..., Any], args: tuple) -> None:
        # Runs in the worker thread: compute, then hand the outcome to the GUI thread by a queued signal.
        try:
            value, error = function(*args, job), None
        except Cancelled as exc:
            value, error = None, exc
        except Exception as exc:  # noqa: BLE001 - reported to the GUI as a message
            if not isinstance(exc, (ValueError, TypeError)):
                log.error("background job failed", exc_info=exc)
            value, error = None, exc
        try:
            self._finished.emit(job.generation, value, error)
        except RuntimeError:
            pass  # the runner was deleted while the job ran (window closed)

    @Slot(int, object, object)
    def _on_finished(self, generation: int, value: Any, error: Any) -> None:
        self._running = None
        if self._pending is not None and not self._closed:
            request, self._pending = self._pending, None
            self._start(request)
        if not isinstance(error, Cancelled) and generation > self._shown:
            self._shown = generation
            if error is None:
                self.result.emit(generation, value)
            else:
                self.failed.emit(generation, _describe(error))
        if not self.busy:
            self.busy_changed.emit(False)

    @Slot(int, float, str)
    def _on_progress(self, generation: int, fraction: float, message: str) -> None:
        if self._running is not None and self._running[0].generation == generation:
            self.progress.emit(fraction, message)


def _describe(error: BaseException) -> str:
    if isinstance(error, (ValueError, TypeError)):
        return str(error)
    return f"{type(error).__name__}: {error}"
