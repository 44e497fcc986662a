"""The rules the registry lists (registry.py), grouped by what they find: effects (ratios, differences,
relative changes, rates), proportions (events / total per arm), arm_data (an arm's mean or median)."""
