"""Fetching: the politeness and safety policy, the plain-HTTP fetcher, and the browser fetcher."""
