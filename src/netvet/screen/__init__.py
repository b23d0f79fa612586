"""Screening organisation names and parties against the kb's entities, owners and lists."""
