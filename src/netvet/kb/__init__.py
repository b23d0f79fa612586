"""The knowledge base: data files with sources, their loaders, importers and builders."""
