"""Helpers for the site-wide quality gates (tests/gates): parsers, checkers, browser, builds."""
