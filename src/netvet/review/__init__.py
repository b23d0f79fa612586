"""Review decisions: a person marks a match a false positive or confirmed; findings and screening
results show the decision in force."""
