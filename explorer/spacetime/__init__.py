"""Relativity, symmetry and the fourth dimension (kexue.fm/archives/1602): pure model."""

from .model import *  # noqa: F401,F403
from .model import __all__  # noqa: F401
