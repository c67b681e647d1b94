"""Business rules and permission checks. No request objects here: views and jobs both call in."""
