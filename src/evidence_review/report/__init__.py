"""Stage 4: the narrative HTML report (tables, prose, PRISMA flow, appendix)."""
