"""The coalition: membership, member organisations and their pages, the coalition's own pages and what the public reads."""
