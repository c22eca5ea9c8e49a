"""Sampling throughput: 10^4 particles x 64 Euler steps, exact and network denoisers.

Each optimised path runs side by side with a straightforward version written here (per-component
Python loops and everything recomputed per call; for the network: autograd on, one sigma per
particle). Prints a Markdown table of medians and min-max spreads.

    python benchmarks/bench_sampling.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch

from explorer.sampling import karras_sigmas, preset, prior_sample, sample
from explorer.sampling.network import NetworkDenoiser
from explorer.sampling.weights import load_pretrained

N_PARTICLES, STEPS = 10_000, 64


def naive_exact_denoiser(mix):
    """E[x0 | x] as a newcomer writes it: a loop over components, inverses and dets every call."""

    def denoise(x, sigma):
        log_terms, posts = [], []
        for w, mu, cov in zip(mix.weights, mix.means, mix.covs):
            noised = cov + sigma**2 * np.eye(2)
            inv = np.linalg.inv(noised)
            diff = x - mu
            maha = np.einsum("ni,ij,nj->n", diff, inv, diff)
            log_terms.append(np.log(w) - np.log(2 * np.pi) - 0.5 * np.log(np.linalg.det(noised)) - 0.5 * maha)
            posts.append(mu + diff @ (cov @ inv).T)
        log_terms = np.array(log_terms)
        r = np.exp(log_terms - log_terms.max(axis=0))
        r /= r.sum(axis=0)
        return sum(r[k][:, None] * posts[k] for k in range(len(posts)))

    return denoise


def naive_network_denoiser(model):
    def denoise(x, sigma):
        xt = torch.tensor(x, dtype=torch.float32)
        return model(xt, torch.full((x.shape[0],), sigma)).detach().double().numpy()

    return denoise


def naive_euler(denoiser, x, sigmas):
    """Per-step Euler with fresh arrays each step and the path kept in a Python list."""
    path = [x]
    for s, s_next in zip(sigmas[:-1], sigmas[1:]):
        d = denoiser(x, s)
        x = d if s_next == 0 else x + (s_next - s) * (x - d) / s
        path.append(x)
    return np.array(path)


def timed(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)  # the app picks its own count; one thread keeps runs comparable
    mix = preset("ring8")
    model = load_pretrained("ring8")
    x_T = prior_sample(N_PARTICLES, 80.0, seed=0)
    sigmas = karras_sigmas(STEPS)
    cases = [
        ("exact, naive", lambda: naive_euler(naive_exact_denoiser(mix), x_T, sigmas)),
        ("exact, `sample`", lambda: sample(mix.denoise, x_T, sigmas, "euler")),
        ("network, naive", lambda: naive_euler(naive_network_denoiser(model), x_T, sigmas)),
        ("network, `sample`", lambda: sample(NetworkDenoiser(model), x_T, sigmas, "euler")),
    ]
    # Same answers before timing anything.
    np.testing.assert_allclose(cases[0][1]()[-1], cases[1][1]().samples, atol=1e-9)
    np.testing.assert_allclose(cases[2][1]()[-1], cases[3][1]().samples, atol=1e-4)
    results = {name: timed(fn, args.repeats) for name, fn in cases}
    print(f"{N_PARTICLES} particles x {STEPS} Euler steps (ring8), {args.repeats} runs, torch threads = 1\n")
    print("| case | median (s) | min-max (s) | particle-steps / s | speed-up vs naive |")
    print("|---|---|---|---|---|")
    for name, (med, lo, hi) in results.items():
        naive = results[name.split(",")[0] + ", naive"][0]
        print(f"| {name} | {med:.3f} | {lo:.3f}-{hi:.3f} | {N_PARTICLES * STEPS / med:.2e} | {naive / med:.1f}x |")


if __name__ == "__main__":
    main()
