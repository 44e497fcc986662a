"""Meta-analysis engine that agrees with R's metafor (escalc, rma, MH, Peto, Egger, trim-and-fill, ...)."""
