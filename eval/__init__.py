"""Reflect's evaluation harness: gold set, scorers, runner and reports."""
