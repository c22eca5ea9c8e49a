"""The least a + b + c with N = ab + c (kexue.fm/archives/9775): pure model."""

from .model import *  # noqa: F401,F403
from .model import __all__  # noqa: F401
