"""2-D Gaussian mixtures with the exact noised marginal p_sigma = p_data * N(0, sigma^2 I).

Adding noise of level sigma to component k turns its covariance into C_k + sigma^2 I, so density,
score and the ideal denoiser D(x, sigma) = E[x0 | x] are all closed-form. Everything is float64
and vectorised over (n, 2) arrays of points; responsibilities are normalised in log space so
they stay finite for sharp components at sigma = 0.002.
"""

from __future__ import annotations

import math

import numpy as np

PRESETS = ("ring8", "two_moons", "checkerboard", "gaussian", "point_mass")

_LOG_2PI = math.log(2.0 * math.pi)


def check_points(x) -> np.ndarray:
    """Return x as a float64 (n, 2) array of finite points or raise ValueError."""
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("points must be finite")
    return arr


def check_sigma(sigma) -> float:
    """Return sigma as a finite non-negative float or raise ValueError."""
    try:
        value = float(sigma)
    except (TypeError, ValueError):
        raise ValueError(f"sigma must be a real number, got {sigma!r}") from None
    if not math.isfinite(value) or value < 0.0:
        raise ValueError(f"sigma must be finite and >= 0, got {sigma!r}")
    return value


class GaussianMixture:
    """Mixture sum_k w_k N(mean_k, cov_k) in 2-D; covariances may be singular (point masses)."""

    def __init__(self, weights, means, covs):
        w = np.asarray(weights, dtype=np.float64)
        mu = np.asarray(means, dtype=np.float64)
        cov = np.asarray(covs, dtype=np.float64)
        if w.ndim != 1 or w.size == 0:
            raise ValueError(f"weights must be a non-empty 1-D array, got shape {w.shape}")
        k = w.size
        if mu.shape != (k, 2):
            raise ValueError(f"means must have shape ({k}, 2), got {mu.shape}")
        if cov.shape != (k, 2, 2):
            raise ValueError(f"covs must have shape ({k}, 2, 2), got {cov.shape}")
        for name, arr in (("weights", w), ("means", mu), ("covs", cov)):
            if not np.all(np.isfinite(arr)):
                raise ValueError(f"{name} must be finite")
        if np.any(w <= 0.0):
            raise ValueError("weights must be positive")
        scale = max(1.0, float(np.abs(cov).max()))
        if np.any(np.abs(cov[:, 0, 1] - cov[:, 1, 0]) > 1e-12 * scale):
            raise ValueError("covs must be symmetric")
        cov = 0.5 * (cov + cov.transpose(0, 2, 1))
        if np.any(np.linalg.eigvalsh(cov)[:, 0] < -1e-12 * scale):
            raise ValueError("covs must be positive semi-definite")
        self.weights = w / w.sum()
        self.means = mu.copy()
        self.covs = cov
        for arr in (self.weights, self.means, self.covs):
            arr.flags.writeable = False

    def __len__(self) -> int:
        return self.weights.size

    @property
    def mean(self) -> np.ndarray:
        """Exact mean of the clean mixture, shape (2,)."""
        return self.weights @ self.means

    @property
    def covariance(self) -> np.ndarray:
        """Exact covariance of the clean mixture, shape (2, 2) (law of total covariance)."""
        centred = self.means - self.mean
        between = np.einsum("k,ki,kj->ij", self.weights, centred, centred)
        return np.einsum("k,kij->ij", self.weights, self.covs) + between

    def _noised(self, sigma: float):
        """Per-component precision (C_k + s^2 I)^-1 and log(w_k N-normaliser) at noise sigma."""
        s2 = sigma * sigma
        a = self.covs[:, 0, 0] + s2
        b = self.covs[:, 0, 1]
        c = self.covs[:, 1, 1] + s2
        det = a * c - b * b
        if np.any(det <= 0.0):
            raise ValueError("noised covariance is singular: point-mass (or degenerate) components need sigma > 0")
        precision = (c / det, -b / det, a / det)
        log_norm = np.log(self.weights) - _LOG_2PI - 0.5 * np.log(det)
        return precision, log_norm

    def _logits(self, x, sigma):
        """log(w_k N_k(x)) and squared Mahalanobis distances, both laid out (K, n).

        Components along the first axis: the reductions over k then run over contiguous rows,
        about twice as fast as reducing the short last axis of an (n, K) array.
        """
        x = check_points(x)
        (p00, p01, p11), log_norm = self._noised(check_sigma(sigma))
        # Offsets from the means (not an expanded quadratic in x), so sharp components at tiny
        # sigma do not lose digits to cancellation.
        dx = x[:, 0] - self.means[:, :1]
        dy = x[:, 1] - self.means[:, 1:]
        maha = p00[:, None] * dx
        maha += (2.0 * p01[:, None]) * dy
        maha *= dx
        dy *= dy
        dy *= p11[:, None]
        maha += dy
        logits = maha * -0.5
        logits += log_norm[:, None]
        return x, logits, maha

    @staticmethod
    def _responsibilities(logits):
        """Softmax over components (axis 0), shifted by the maximum so nothing underflows to 0/0."""
        r = logits - logits.max(axis=0)
        np.exp(r, out=r)
        r /= r.sum(axis=0)
        return r

    def _affine_average(self, x, sigma, mats, offsets):
        """sum_k r_k(x) (A_k x + b_k) with 2x2 A_k given as four (K,) arrays and b_k as (K, 2)."""
        x, logits, _ = self._logits(x, sigma)
        r = self._responsibilities(logits)
        a00, a01, a10, a11 = mats
        out = np.empty_like(x)
        out[:, 0] = (a00 @ r) * x[:, 0] + (a01 @ r) * x[:, 1] + offsets[:, 0] @ r
        out[:, 1] = (a10 @ r) * x[:, 0] + (a11 @ r) * x[:, 1] + offsets[:, 1] @ r
        return out

    def log_prob(self, x, sigma=0.0) -> np.ndarray:
        """log p_sigma(x) for (n, 2) points, shape (n,)."""
        _, logits, _ = self._logits(x, sigma)
        top = logits.max(axis=0)
        logits -= top
        return top + np.log(np.exp(logits, out=logits).sum(axis=0))

    def relative_density_grid(self, xs, ys, sigma=0.0) -> np.ndarray:
        """p_sigma / max p_sigma on the grid xs × ys, laid out [iy, ix].

        When every component is axis-aligned (diagonal covariance: all presets but two moons) the density is
        separable, sum_k w_k g_k(x) h_k(y), and the whole grid is one (ny, K) @ (K, nx) product instead of K
        Gaussians at each of nx·ny points. Each factor is scaled by its own maximum first, so sharp components
        cannot underflow where they matter.
        """
        xs, ys = (np.asarray(v, dtype=np.float64) for v in (xs, ys))
        if np.any(self.covs[:, 0, 1] != 0.0):
            gx, gy = np.meshgrid(xs, ys)
            log_p = self.log_prob(np.stack((gx.ravel(), gy.ravel()), axis=1), sigma).reshape(gy.shape)
            return np.exp(log_p - log_p.max())
        (p00, _, p11), log_norm = self._noised(check_sigma(sigma))
        log_gx = -0.5 * p00[:, None] * (xs - self.means[:, :1]) ** 2
        log_gy = -0.5 * p11[:, None] * (ys - self.means[:, 1:]) ** 2
        top_x, top_y = log_gx.max(axis=1), log_gy.max(axis=1)
        peak = log_norm + top_x + top_y  # log of each component's largest value on the grid
        weights = np.exp(peak - peak.max())
        density = (np.exp(log_gy - top_y[:, None]).T * weights) @ np.exp(log_gx - top_x[:, None])
        return density / density.max()

    def score(self, x, sigma) -> np.ndarray:
        """grad_x log p_sigma(x) = -sum_k r_k P_k (x - mean_k), shape (n, 2); P_k the noised precision."""
        (p00, p01, p11), _ = self._noised(check_sigma(sigma))
        mx, my = self.means[:, 0], self.means[:, 1]
        offsets = np.stack((p00 * mx + p01 * my, p01 * mx + p11 * my), axis=1)
        return self._affine_average(x, sigma, (-p00, -p01, -p01, -p11), offsets)

    def denoise(self, x, sigma) -> np.ndarray:
        """Ideal denoiser E[x0 | x0 + sigma*eps = x], shape (n, 2).

        Per component the posterior mean is mean_k + M_k (x - mean_k) with M_k = C_k (C_k + s^2 I)^-1;
        this form (not x + s^2 * score) keeps a point mass (M_k = 0) exactly at its point.
        """
        (p00, p01, p11), _ = self._noised(check_sigma(sigma))
        c00, c01, c11 = self.covs[:, 0, 0], self.covs[:, 0, 1], self.covs[:, 1, 1]
        mats = (c00 * p00 + c01 * p01, c00 * p01 + c01 * p11, c01 * p00 + c11 * p01, c01 * p01 + c11 * p11)
        mx, my = self.means[:, 0], self.means[:, 1]
        offsets = np.stack((mx - mats[0] * mx - mats[1] * my, my - mats[2] * mx - mats[3] * my), axis=1)
        return self._affine_average(x, sigma, mats, offsets)

    def responsibilities(self, x, sigma=0.0) -> np.ndarray:
        """Posterior component probabilities p(k | x) at noise sigma, shape (n, K)."""
        return self._responsibilities(self._logits(x, sigma)[1]).T

    def mahalanobis_sq(self, x, sigma=0.0) -> np.ndarray:
        """Squared Mahalanobis distance of each point to each noised component, shape (n, K)."""
        return self._logits(x, sigma)[2].T

    def sample(self, n: int, seed=None) -> np.ndarray:
        """n exact draws from the clean mixture, shape (n, 2)."""
        if not isinstance(n, (int, np.integer)) or n < 0:
            raise ValueError(f"n must be a non-negative integer, got {n!r}")
        rng = np.random.default_rng(seed)
        comp = rng.choice(len(self), size=int(n), p=self.weights)
        # Symmetric square root via eigh works for singular (point-mass) covariances too.
        vals, vecs = np.linalg.eigh(self.covs)
        roots = vecs * np.sqrt(np.clip(vals, 0.0, None))[:, None, :]
        z = rng.standard_normal((int(n), 2))
        return self.means[comp] + np.einsum("nij,nj->ni", roots[comp], z)


def _isotropic(centres, std) -> GaussianMixture:
    centres = np.asarray(centres, dtype=np.float64)
    covs = np.broadcast_to(std**2 * np.eye(2), (len(centres), 2, 2))
    return GaussianMixture(np.ones(len(centres)), centres, covs)


def _ring8() -> GaussianMixture:
    angles = 2.0 * np.pi * np.arange(8) / 8
    return _isotropic(2.0 * np.stack((np.cos(angles), np.sin(angles)), axis=1), 0.1)


def _two_moons() -> GaussianMixture:
    # 16 components per arc, elongated along the arc so neighbours merge into a smooth moon.
    t = np.linspace(0.0, np.pi, 16)
    upper = np.stack((np.cos(t), np.sin(t)), axis=1)
    lower = np.stack((1.0 - np.cos(t), 0.5 - np.sin(t)), axis=1)
    scale = 1.5
    centres = scale * (np.concatenate((upper, lower)) - np.array([0.5, 0.25]))
    tangent = np.concatenate((np.stack((-np.sin(t), np.cos(t)), axis=1), np.stack((np.sin(t), -np.cos(t)), axis=1)))
    normal = np.stack((-tangent[:, 1], tangent[:, 0]), axis=1)
    along, across = 0.13 * scale, 0.06 * scale
    covs = along**2 * np.einsum("ki,kj->kij", tangent, tangent) + across**2 * np.einsum("ki,kj->kij", normal, normal)
    return GaussianMixture(np.ones(len(centres)), centres, covs)


def _checkerboard() -> GaussianMixture:
    # 4x4 board on [-2, 2]^2; each dark unit square is 2x2 Gaussians whose std matches a uniform
    # distribution on the half-side sub-square (0.5 / sqrt(12)).
    centres = []
    for i in range(4):
        for j in range(4):
            if (i + j) % 2 == 0:
                x0, y0 = -2.0 + i, -2.0 + j
                centres += [(x0 + 0.25 + 0.5 * a, y0 + 0.25 + 0.5 * b) for a in (0, 1) for b in (0, 1)]
    return _isotropic(centres, 0.5 / math.sqrt(12.0))


def preset(name: str) -> GaussianMixture:
    """Named 2-D test distribution; see PRESETS."""
    builders = {
        "ring8": _ring8,
        "two_moons": _two_moons,
        "checkerboard": _checkerboard,
        "gaussian": lambda: _isotropic([(0.5, -0.5)], 0.75),
        "point_mass": lambda: _isotropic([(1.0, 0.5)], 0.0),
    }
    if name not in builders:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    return builders[name]()
