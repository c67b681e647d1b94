"""Petitions: their life, signing, counting, milestones, signatures' sources and administration, regions."""
