"""The OpenAPI 3.1 description of the public JSON."""

from ..services.petitions.listings import LISTS, SORTS
from ..services.petitions.regions import NATIONS, REGIONS

_STATES = ["open", "closed", "rejected"]


def openapi_document() -> dict:
    petition = {
        "type": "object",
        "required": [
            "slug",
            "title",
            "state",
            "signature_count",
            "target",
            "deadline",
            "created_at",
            "opened_at",
        ],
        "properties": {
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "action": {"type": "string"},
            "state": {"type": "string", "enum": _STATES},
            "signature_count": {
                "type": "integer",
                "minimum": 0,
                "description": "Confirmed signatures, rolled up every few seconds.",
            },
            "target": {"type": "integer"},
            "milestones": {"type": "array", "items": {"type": "integer"}},
            "milestones_reached": {"type": "array", "items": {"type": "integer"}},
            "deadline": {"type": ["string", "null"], "format": "date-time"},
            "created_at": {"type": "string", "format": "date-time"},
            "opened_at": {"type": ["string", "null"], "format": "date-time"},
            "closed_at": {"type": ["string", "null"], "format": "date-time"},
            "rejected_at": {"type": ["string", "null"], "format": "date-time"},
            "url": {"type": "string", "format": "uri"},
            "json_url": {"type": "string", "format": "uri"},
            "rejection": {
                "type": "object",
                "description": "Rejected petitions only. Where text_withheld is true, the title is a "
                "stand-in and the action is empty: the petition's wording is not published.",
                "properties": {
                    "code": {"type": ["string", "null"]},
                    "reason": {"type": "string"},
                    "text_withheld": {"type": "boolean"},
                },
            },
        },
    }
    region = {
        "type": "object",
        "required": ["code", "name", "count"],
        "properties": {
            "code": {"type": "string", "enum": list(REGIONS)},
            "name": {"type": "string"},
            "nation": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
        },
    }
    nation = {
        "type": "object",
        "required": ["code", "name", "count"],
        "properties": {
            "code": {"type": "string", "enum": list(NATIONS)},
            "name": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
        },
    }
    detail = {
        "allOf": [
            {"$ref": "#/components/schemas/Petition"},
            {
                "type": "object",
                "properties": {
                    "background": {"type": "string"},
                    "details": {"type": "string"},
                    "signatures_by_region": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/RegionCount"},
                    },
                    "signatures_by_nation": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/NationCount"},
                    },
                    "signatures_outside_uk": {"type": "integer"},
                    "rejection": {
                        "type": "object",
                        "properties": {"code": {"type": "string"}, "details": {"type": "string"}},
                    },
                },
                "required": ["signatures_by_region"],
            },
        ]
    }
    error = {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Support Not Separation petitions",
            "version": "1.0.0",
            "description": "Read-only petition data. No personal data. CORS open. Counts may lag a few seconds.",
        },
        "paths": {
            "/petitions.json": {
                "get": {
                    "summary": "List petitions",
                    "parameters": [
                        {
                            "name": "state",
                            "in": "query",
                            "description": "Which list: open, closing (open, deadline within two "
                            "weeks, soonest first), closed (most recently closed first) or rejected "
                            "(most recent first). Anything else is the open list.",
                            "schema": {"type": "string", "enum": list(LISTS)},
                        },
                        {
                            "name": "sort",
                            "in": "query",
                            "description": "open: popular or newest; closed: recent or popular. The "
                            "first is the default; one a list does not have is ignored.",
                            "schema": {
                                "type": "string",
                                "enum": sorted({sort for sorts in SORTS.values() for sort in sorts}),
                            },
                        },
                        {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}},
                        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of petitions",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["data", "links", "meta"],
                                        "properties": {
                                            "data": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Petition"},
                                            },
                                            "links": {"type": "object"},
                                            "meta": {"type": "object"},
                                        },
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": "The request held a character no real text has (a NUL byte)",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                            },
                        },
                    },
                }
            },
            "/petitions/{slug}.json": {
                "get": {
                    "summary": "One petition with counts by region and nation",
                    "parameters": [
                        {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {
                            "description": "The petition",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["data"],
                                        "properties": {
                                            "data": {"$ref": "#/components/schemas/PetitionDetail"}
                                        },
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": "The request held a character no real text has (a NUL byte)",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                            },
                        },
                        "404": {
                            "description": "No public petition has that slug",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                            },
                        },
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Petition": petition,
                "PetitionDetail": detail,
                "RegionCount": region,
                "NationCount": nation,
                "Error": error,
            }
        },
    }
