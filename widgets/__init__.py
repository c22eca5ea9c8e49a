"""Reusable Qt pieces with no topic knowledge."""
