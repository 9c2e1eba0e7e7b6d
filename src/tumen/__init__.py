"""Tumen: an evidence base of reports on North Korean workers sent abroad."""

__version__ = "0.1.0"
