"""Importers for official list and registry layouts; each returns rows and Issues."""
