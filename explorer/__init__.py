"""Scientific Spaces Explorer: interactive tabs for posts from kexue.fm."""

__version__ = "0.1.0"
