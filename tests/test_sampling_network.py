"""MLP-UNet: skip scaling, EDM preconditioning, numpy wrapper, safe weights, training loop."""

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from explorer.sampling import PRESETS, karras_sigmas, preset, prior_sample, sample, skip_rho_profile
from explorer.sampling.network import NetworkDenoiser, SkipUNet, skip_tuned
from explorer.sampling.train import train
from explorer.sampling.weights import load_model, load_pretrained, save_model, weights_path

torch.set_num_threads(1)


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return SkipUNet(sigma_data=0.8).eval()


def inputs(n=64, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, 2, generator=g) * 2, torch.exp(torch.randn(n, generator=g) * 2)


def test_rho_one_reproduces_the_untuned_network_bit_for_bit(model):
    x, s = inputs()
    with torch.no_grad():
        assert torch.equal(model(x, s), model(x, s, skip_rho=[1.0] * model.levels))
    xn = x.double().numpy()
    assert np.array_equal(NetworkDenoiser(model)(xn, 0.7), skip_tuned(model, 1.0, "decreasing")(xn, 0.7))
    shipped = load_pretrained("ring8")
    assert np.array_equal(NetworkDenoiser(shipped)(xn, 2.0), skip_tuned(shipped, 1.0, "increasing")(xn, 2.0))


def test_skip_profile_directions():
    np.testing.assert_allclose(skip_rho_profile(0.7, 3, "decreasing"), [1.0, 0.85, 0.7])
    np.testing.assert_allclose(skip_rho_profile(0.7, 3, "increasing"), [0.7, 0.85, 1.0])
    np.testing.assert_allclose(skip_rho_profile(0.7, 3, "uniform"), [0.7, 0.7, 0.7])
    with pytest.raises(ValueError, match="skip_rho"):
        skip_rho_profile(-0.1, 3)
    with pytest.raises(ValueError, match="direction"):
        skip_rho_profile(0.5, 3, "sideways")


def test_each_decoder_level_sees_its_encoder_output_times_its_rho(model):
    x, s = inputs(8)
    seen = {}
    hooks = [
        m.register_forward_hook(lambda mod, i, o, k=k: seen.__setitem__(("enc", k), o)) for k, m in enumerate(model.enc)
    ]
    hooks += [
        m.linear.register_forward_hook(lambda mod, i, o, k=k: seen.__setitem__(("dec", k), i[0]))
        for k, m in enumerate(model.dec)
    ]
    rhos = [0.9, 0.6, 0.3]  # bottom -> top
    with torch.no_grad():
        model(x, s, skip_rho=rhos)
    for h in hooks:
        h.remove()
    for j, rho in enumerate(rhos):  # dec[j] serves encoder level levels-1-j
        enc_out = seen[("enc", model.levels - 1 - j)]
        dec_in = seen[("dec", j)]
        torch.testing.assert_close(dec_in[:, -enc_out.shape[1] :], enc_out * rho)
    with torch.no_grad():
        assert not torch.equal(model(x, s), model(x, s, skip_rho=rhos))


def test_edm_preconditioning_closed_form():
    torch.manual_seed(1)
    net = SkipUNet(sigma_data=0.5).eval()
    with torch.no_grad():
        net.out.weight.zero_()
        net.out.bias.zero_()
        x, s = inputs(32, seed=2)
        # With F = 0 only the skip path remains: D = sigma_d^2 / (sigma^2 + sigma_d^2) x.
        torch.testing.assert_close(net(x, s), 0.25 / (s**2 + 0.25)[:, None] * x)
        c_skip, c_out, c_in, c_noise = net.preconditioning(torch.tensor([0.0 + 1.0, 3.0]))
    torch.testing.assert_close(c_out, torch.tensor([0.5 / np.sqrt(1.25), 1.5 / np.sqrt(9.25)], dtype=torch.float32))
    torch.testing.assert_close(c_in, torch.tensor([1 / np.sqrt(1.25), 1 / np.sqrt(9.25)], dtype=torch.float32))
    torch.testing.assert_close(c_noise, torch.tensor([0.0, np.log(3.0) / 4], dtype=torch.float32))


def test_numpy_wrapper(model):
    x = np.random.default_rng(3).normal(size=(20, 2))
    d = NetworkDenoiser(model)(x, 1.5)
    assert d.dtype == np.float64 and d.shape == (20, 2)
    with torch.no_grad():
        ref = model(torch.tensor(x, dtype=torch.float32), torch.full((20,), 1.5)).double().numpy()
    np.testing.assert_allclose(d, ref, rtol=1e-5, atol=1e-6)
    run = sample(NetworkDenoiser(model), prior_sample(10, 80.0, 0), karras_sigmas(4), "heun")
    assert run.nfe == 7 and np.isfinite(run.samples).all()
    with pytest.raises(ValueError, match="sigma > 0"):
        NetworkDenoiser(model)(x, 0.0)
    with pytest.raises(ValueError, match="coefficients"):
        NetworkDenoiser(model, [1.0, 1.0])


def test_weights_round_trip(model, tmp_path):
    path = tmp_path / "m.safetensors"
    save_model(model, path, "ring8")
    loaded = load_model(path)
    for (k, a), (_, b) in zip(model.state_dict().items(), loaded.state_dict().items()):
        assert torch.equal(a, b), k


def test_loading_refuses_bad_files(model, tmp_path):
    junk = tmp_path / "junk.safetensors"
    junk.write_bytes(b"\x00\x01not a safetensors file" * 10)
    with pytest.raises(ValueError, match="not a readable safetensors"):
        load_model(junk)
    good = tmp_path / "good.safetensors"
    save_model(model, good, "ring8")
    truncated = tmp_path / "truncated.safetensors"
    truncated.write_bytes(good.read_bytes()[:-100])
    with pytest.raises(ValueError, match="not a readable safetensors"):
        load_model(truncated)
    meta = {"format": "skipunet-v1", "hidden": "128", "levels": "3"}
    state = {k: v.clone() for k, v in model.state_dict().items()}
    state["out.weight"] = torch.zeros(3, 128)
    wrong = tmp_path / "wrong.safetensors"
    save_file(state, str(wrong), metadata=meta)
    with pytest.raises(ValueError, match="out.weight"):
        load_model(wrong)
    del state["out.weight"]
    save_file(state, str(wrong), metadata=meta)
    with pytest.raises(ValueError, match="missing"):
        load_model(wrong)
    save_file({k: v.clone() for k, v in model.state_dict().items()}, str(wrong), metadata={"format": "other"})
    with pytest.raises(ValueError, match="format"):
        load_model(wrong)
    with pytest.raises(ValueError, match="no such weights file"):
        load_model(tmp_path / "absent.safetensors")


@pytest.mark.parametrize("name", PRESETS)
def test_shipped_weights_are_small_and_load(name):
    path = weights_path(name)
    assert path.stat().st_size < 1_000_000
    assert isinstance(load_model(path), SkipUNet)


def test_shipped_ring8_net_is_close_to_bayes_optimal():
    # The exact denoiser minimises E|D - x0|^2; the trained net should come within a few percent
    # of that minimum at noise levels where denoising is non-trivial.
    mix = preset("ring8")
    den = NetworkDenoiser(load_pretrained("ring8"))
    rng = np.random.default_rng(4)
    x0 = mix.sample(4000, rng)
    eps = rng.standard_normal(x0.shape)
    for sigma in (0.1, 0.5, 2.0, 10.0):
        x = x0 + sigma * eps
        optimal = np.mean(np.sum((mix.denoise(x, sigma) - x0) ** 2, axis=1))
        trained = np.mean(np.sum((den(x, sigma) - x0) ** 2, axis=1))
        assert trained < 1.03 * optimal, (sigma, trained, optimal)


def test_train_reports_progress_and_stops():
    reports = []
    result = train("gaussian", steps=30, seed=0, progress=lambda *a: reports.append(a), batch=64)
    assert result.completed and result.losses.shape == (30,) and np.isfinite(result.losses).all()
    assert [r[:2] for r in reports] == [(25, 30), (30, 30)]
    polls = iter(range(100))
    stopped = train("gaussian", steps=30, seed=0, should_stop=lambda: next(polls) >= 10, batch=64)
    assert not stopped.completed and stopped.losses.shape == (10,)
    with pytest.raises(ValueError, match="unknown preset"):
        train("spiral", steps=5)
