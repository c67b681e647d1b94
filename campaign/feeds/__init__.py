"""Adapters for the public feeds the platform reads: each does the HTTP request and turns the provider's
JSON into a small domain dataclass, so the services never see a provider's field names.

parliament.py   one petition on petition.parliament.uk (PARLIAMENT_PETITIONS_URL)"""
