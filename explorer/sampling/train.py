"""Train one SkipUNet per preset with the EDM loss on exact mixture samples.

    python -m explorer.sampling.train [--steps N] [--presets ring8 ...] [--seed S] [--threads T]

writes assets/sampling/<preset>.safetensors. `train` is also what the app's "train again" runs in a
worker: it reports progress and stops promptly when asked.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from .mixture import PRESETS
from .mixture import preset as make_preset
from .network import SkipUNet
from .weights import save_model, weights_path

# EDM's log-normal training noise (P_mean, P_std) concentrates on sigma ~ 0.3; half of each batch
# instead draws log-uniform sigma over the full sampling range so the net is also fit where
# few-step samplers evaluate it (sigma up to 80).
P_MEAN, P_STD = -1.2, 1.2
SIGMA_RANGE = (0.002, 80.0)
REPORT_EVERY = 25


@dataclass
class TrainResult:
    """The trained model (eval mode), the loss per step, and whether all steps ran."""

    model: SkipUNet
    losses: np.ndarray
    completed: bool


def _sigma_data(mixture) -> float:
    # Per-coordinate RMS spread of the data; a point mass has none, so keep a floor.
    return max(math.sqrt(np.trace(mixture.covariance) / 2.0), 0.1)


def train(
    preset: str,
    steps: int = 3000,
    seed: int = 0,
    progress: Callable[[int, int, float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    batch: int = 1024,
    lr: float = 3e-3,
) -> TrainResult:
    """Fit a SkipUNet to preset's mixture; progress(step, steps, loss) every few steps.

    should_stop() is polled every step; if it returns True training ends early and the partly
    trained model is returned with completed=False.
    """
    mixture = make_preset(preset)
    if not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}")
    if not isinstance(batch, int) or batch < 2:
        raise ValueError(f"batch must be an integer >= 2, got {batch!r}")
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = SkipUNet(sigma_data=_sigma_data(mixture)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.05)
    sd = float(model.sigma_data)
    log_lo, log_hi = (math.log(s) for s in SIGMA_RANGE)
    half = batch // 2
    losses = np.empty(steps)
    done = 0
    model.train()
    for step in range(steps):
        if should_stop is not None and should_stop():
            break
        x0 = mixture.sample(batch, rng)
        log_sigma = np.concatenate((rng.normal(P_MEAN, P_STD, half), rng.uniform(log_lo, log_hi, batch - half)))
        sigma = np.exp(log_sigma)
        noisy = x0 + sigma[:, None] * rng.standard_normal((batch, 2))
        # EDM weight (sigma^2 + sd^2) / (sigma sd)^2 makes every noise level an O(1) regression.
        weight = (sigma**2 + sd**2) / (sigma * sd) ** 2
        x0_t, noisy_t, sigma_t, weight_t = (
            torch.as_tensor(a, dtype=torch.float32, device=device) for a in (x0, noisy, sigma, weight)
        )
        loss = (weight_t * ((model(noisy_t, sigma_t) - x0_t) ** 2).sum(dim=1)).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        sched.step()
        losses[step] = loss.item()
        done = step + 1
        if progress is not None and ((step + 1) % REPORT_EVERY == 0 or step + 1 == steps):
            progress(step + 1, steps, losses[step])
    return TrainResult(model=model.eval(), losses=losses[:done], completed=done == steps)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--presets", nargs="+", default=list(PRESETS), choices=PRESETS)
    # 2 suits an idle 2-core machine; on a busy one 1 thread avoids OpenMP oversubscription.
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    start_all = time.perf_counter()
    for name in args.presets:
        start = time.perf_counter()

        def report(step, total, loss, name=name):
            print(f"\r{name}: step {step}/{total} loss {loss:.4f}", end="", flush=True)

        result = train(name, args.steps, args.seed, progress=report)
        path = weights_path(name)
        save_model(result.model, path, name)
        tail = float(np.mean(result.losses[-100:]))
        print(
            f"\r{name}: {args.steps} steps in {time.perf_counter() - start:.1f} s, "
            f"final loss {tail:.4f}, {path.stat().st_size / 1024:.0f} KiB -> {path}"
        )
    print(f"total {time.perf_counter() - start_all:.1f} s")


if __name__ == "__main__":
    main()
