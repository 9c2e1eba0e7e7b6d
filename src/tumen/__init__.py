"""Tumen: an evidence base of reports on the dispatch of North Korean workers abroad."""

__version__ = "0.1.0"
