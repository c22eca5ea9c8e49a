"""Saving and safely loading SkipUNet weights (safetensors: no pickle, no code execution)."""

from __future__ import annotations

from pathlib import Path

import torch
from safetensors import safe_open
from safetensors.torch import save_file

from .mixture import PRESETS
from .network import SkipUNet

ASSET_DIR = Path(__file__).resolve().parents[2] / "assets" / "sampling"
FORMAT = "skipunet-v1"


def weights_path(preset: str) -> Path:
    """Where the shipped weights of a preset live."""
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    return ASSET_DIR / f"{preset}.safetensors"


def save_model(model: SkipUNet, path, preset: str) -> None:
    """Write the model's state (float32) and its architecture as safetensors metadata."""
    meta = {"format": FORMAT, "preset": preset, "hidden": str(model.hidden), "levels": str(model.levels)}
    state = {k: v.detach().to("cpu", torch.float32).contiguous() for k, v in model.state_dict().items()}
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(path), metadata=meta)


def load_model(path) -> SkipUNet:
    """Rebuild a SkipUNet from a file written by save_model; anything unexpected is a ValueError."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such weights file (train with `python -m explorer.sampling.train`)")
    try:
        with safe_open(str(path), framework="pt") as f:
            meta = f.metadata() or {}
            tensors = {key: f.get_tensor(key) for key in f.keys()}
    except Exception as exc:  # safetensors raises its own error types for corrupt headers
        raise ValueError(f"{path}: not a readable safetensors file ({exc})") from None
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path}: expected format {FORMAT!r} in the metadata, got {meta.get('format')!r}")
    try:
        model = SkipUNet(hidden=int(meta["hidden"]), levels=int(meta["levels"]))
    except (KeyError, ValueError) as exc:
        raise ValueError(f"{path}: bad architecture metadata {meta!r} ({exc})") from None
    expected = model.state_dict()
    missing, extra = sorted(set(expected) - set(tensors)), sorted(set(tensors) - set(expected))
    if missing or extra:
        raise ValueError(f"{path}: tensor names do not match the network (missing {missing}, unexpected {extra})")
    for key, ref in expected.items():
        got = tensors[key]
        if got.shape != ref.shape or got.dtype != torch.float32:
            raise ValueError(
                f"{path}: tensor {key!r} is {got.dtype} {tuple(got.shape)}, expected float32 {tuple(ref.shape)}"
            )
        if not torch.isfinite(got).all():
            raise ValueError(f"{path}: tensor {key!r} has non-finite values")
    if not tensors["sigma_data"] > 0.0:
        raise ValueError(f"{path}: sigma_data must be positive")
    model.load_state_dict(tensors)
    return model.eval()


def load_pretrained(preset: str) -> SkipUNet:
    """The shipped network for a preset (see train.py)."""
    return load_model(weights_path(preset))
