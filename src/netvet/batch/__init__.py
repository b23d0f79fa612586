"""The Arrow batch path of the same core: the answers of the row function, at scale."""
