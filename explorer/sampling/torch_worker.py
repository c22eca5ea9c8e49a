"""The network side as the app's worker jobs use it: torch imported on first use, one thread, cached weights.

Importing this module does not import torch (the app must start without it); every function here does, so
call them only from worker threads. Qt-free.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

_torch_lock = threading.Lock()
_torch_ready = False


def use_torch() -> None:
    """Import torch and limit it to one thread, once per process, before anything else touches it.

    torch defaults to one thread per core; on a small machine that starves the GUI thread.
    """
    global _torch_ready
    with _torch_lock:
        if not _torch_ready:
            import torch

            torch.set_num_threads(1)
            _torch_ready = True


def torch_loaded() -> bool:
    """Whether use_torch has run (the first network job pays a few seconds for the import)."""
    return _torch_ready


@functools.cache
def shipped_network(preset: str):
    """The trained SkipUNet shipped for `preset` (loaded once; read-only afterwards, so threads may share it)."""
    use_torch()
    from .weights import load_pretrained

    return load_pretrained(preset)


def denoiser_factory(preset: str, direction: str, model=None) -> Callable[[float], Callable]:
    """skip_rho -> numpy denoiser of `model` (default: the shipped network) with skips scaled along `direction`."""
    use_torch()
    from .network import skip_tuned

    network = model if model is not None else shipped_network(preset)
    return functools.partial(skip_tuned, network, direction=direction)


def train_network(preset: str, steps: int, seed: int, progress, should_stop):
    """train.train with torch set up first; returns its TrainResult."""
    use_torch()
    from .train import train

    return train(preset, steps, seed, progress=progress, should_stop=should_stop)
