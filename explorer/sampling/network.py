"""A small MLP-UNet denoiser for 2-D points with EDM preconditioning and tunable long skips.

Imports torch, so the package's __init__ never imports this module; callers import it when they
need the network.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from .mixture import check_points, check_sigma
from .skip_profile import skip_rho_profile


class _Block(nn.Module):
    """Linear layer plus a per-block projection of the noise embedding, then SiLU."""

    def __init__(self, width_in: int, width_out: int, emb_dim: int):
        super().__init__()
        self.linear = nn.Linear(width_in, width_out)
        self.emb = nn.Linear(emb_dim, width_out)

    def forward(self, h, e):
        return nn.functional.silu(self.linear(h) + self.emb(e))


class SkipUNet(nn.Module):
    """MLP-UNet: encoder levels narrow to a bottleneck, decoder levels widen back, and each encoder
    level's output is concatenated (times its skip coefficient) into the matching decoder level.

    Encoder widths from the top level down are hidden, hidden/2, ..., so there are `levels` long
    skips. The EDM wrapper: D(x, sigma) = c_skip x + c_out F(c_in x, c_noise).
    """

    EMB_DIM = 32
    FREQUENCIES = 6

    def __init__(self, sigma_data: float = 0.5, hidden: int = 128, levels: int = 3):
        super().__init__()
        if not (isinstance(levels, int) and 1 <= levels <= 6 and isinstance(hidden, int)):
            raise ValueError(f"need integer levels in [1, 6] and integer hidden, got {levels!r}, {hidden!r}")
        if hidden < 2**levels:
            raise ValueError(f"hidden={hidden} is too narrow for {levels} levels")
        if not (math.isfinite(sigma_data) and sigma_data > 0.0):
            raise ValueError(f"sigma_data must be positive, got {sigma_data!r}")
        self.hidden, self.levels = hidden, levels
        widths = [hidden // 2**i for i in range(levels)]  # top .. bottom
        self.register_buffer("sigma_data", torch.tensor(float(sigma_data)))
        # Fixed octave-spaced frequencies pi/4 .. 8 pi for the Fourier features of c_noise = ln(sigma)/4,
        # which spans about [-1.6, 1.1]: coarse enough to stay smooth between schedule levels.
        self.register_buffer(
            "freqs", math.pi / 4.0 * 2.0 ** torch.arange(self.FREQUENCIES, dtype=torch.float32), persistent=False
        )
        self.embed = nn.Sequential(
            nn.Linear(2 * self.FREQUENCIES, self.EMB_DIM), nn.SiLU(), nn.Linear(self.EMB_DIM, self.EMB_DIM)
        )
        self.enc = nn.ModuleList(_Block(2 if i == 0 else widths[i - 1], widths[i], self.EMB_DIM) for i in range(levels))
        self.mid = _Block(widths[-1], widths[-1], self.EMB_DIM)
        # dec[j] serves level levels-1-j: the decoder runs bottom -> top and ends at width `hidden`.
        self.dec = nn.ModuleList(
            _Block(2 * widths[level], widths[max(level - 1, 0)], self.EMB_DIM) for level in reversed(range(levels))
        )
        self.out = nn.Linear(hidden, 2)

    def preconditioning(self, sigma):
        """EDM coefficients (c_skip, c_out, c_in, c_noise) for a tensor of sigmas."""
        sd2 = self.sigma_data**2
        total = sigma**2 + sd2
        return sd2 / total, sigma * self.sigma_data / total.sqrt(), total.rsqrt(), sigma.log() / 4.0

    def forward(self, x, sigma, skip_rho=None):
        """D(x, sigma) for x (n, 2) and sigma of shape (n,) or (1,).

        A single sigma is broadcast, so the noise embedding is computed once for the whole batch
        (the sampling case). skip_rho: None for the untuned network, else one coefficient per
        level ordered bottom -> top (see skip_rho_profile); with None nothing is multiplied.
        """
        if skip_rho is not None and len(skip_rho) != self.levels:
            raise ValueError(f"skip_rho needs {self.levels} coefficients (bottom -> top), got {len(skip_rho)}")
        c_skip, c_out, c_in, c_noise = (c[:, None] for c in self.preconditioning(sigma))
        angles = c_noise * self.freqs
        e = self.embed(torch.cat((angles.sin(), angles.cos()), dim=1))
        h = c_in * x
        skips = []
        for block in self.enc:
            h = block(h, e)
            skips.append(h)
        h = self.mid(h, e)
        for j, block in enumerate(self.dec):
            skip = skips[self.levels - 1 - j]
            if skip_rho is not None:
                skip = skip * float(skip_rho[j])
            h = block(torch.cat((h, skip), dim=1), e)
        return c_skip * x + c_out * self.out(h)


class NetworkDenoiser:
    """Makes a SkipUNet a numpy denoiser (x float64 (n, 2), sigma) -> D float64 (n, 2) for `sample`."""

    def __init__(self, model: SkipUNet, skip_rho=None):
        self.model = model.eval()
        self.skip_rho = None if skip_rho is None else [float(r) for r in np.asarray(skip_rho).ravel()]
        if self.skip_rho is not None and len(self.skip_rho) != model.levels:
            raise ValueError(f"skip_rho needs {model.levels} coefficients (bottom -> top), got {len(self.skip_rho)}")
        self.device = next(model.parameters()).device

    def __call__(self, x, sigma):
        x = check_points(x)
        sigma = check_sigma(sigma)
        if sigma == 0.0:
            raise ValueError("the network denoiser needs sigma > 0")
        with torch.inference_mode():
            xt = torch.as_tensor(x, dtype=torch.float32, device=self.device)
            st = torch.full((1,), sigma, dtype=torch.float32, device=self.device)
            return self.model(xt, st, self.skip_rho).to("cpu", torch.float64).numpy()


def skip_tuned(model: SkipUNet, skip_rho: float = 1.0, direction: str = "decreasing") -> NetworkDenoiser:
    """Numpy denoiser of `model` with its long skips scaled by skip_rho_profile(skip_rho, levels, direction)."""
    return NetworkDenoiser(model, skip_rho_profile(skip_rho, model.levels, direction))
