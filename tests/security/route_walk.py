"""Walking every route in the URL map: filling its variables with real values where the test made some, and
finding the form fields a page offers, so hostile values reach the view rather than a 404 or a CSRF page."""

from __future__ import annotations

import re
from urllib.parse import quote

from werkzeug.routing import IntegerConverter, Rule

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
# Routes that end the walker's own session or account: walked last, so the rest are walked signed in.
SESSION_ENDING = ("auth.sign_out", "auth.sign_out_everywhere", "account.close")


def walkable_rules(app) -> list[Rule]:
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]
    return sorted(rules, key=lambda rule: (rule.endpoint in SESSION_ENDING, rule.rule))


def methods(rule: Rule) -> list[str]:
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def real_value(rule: Rule, name: str, known: dict[str, str]) -> str:
    """The value the test made for this variable of this route (by blueprint, then by name), else one that
    finds nothing."""
    blueprint = rule.endpoint.split(".")[0]
    for key in (f"{blueprint}.{name}", name):
        if key in known:
            return known[key]
    return "1" if isinstance(rule._converters.get(name), IntegerConverter) else "no-such-thing"


def build_path(
    rule: Rule, known: dict[str, str], hostile: str | None = None, number: str | None = None
) -> str:
    """The route's path with every variable filled; with ``hostile`` (already %-encoded), each string
    variable is that instead, and with ``number`` each whole-number variable."""

    def fill(match: re.Match) -> str:
        name = match.group("name")
        is_number = isinstance(rule._converters.get(name), IntegerConverter)
        if hostile is not None and not is_number:
            return hostile
        if number is not None and is_number:
            return number
        return quote(real_value(rule, name, known), safe="")

    return re.sub(r"<(?:[^:<>]+:)?(?P<name>[^<>]+)>", fill, rule.rule)


def has_number_variable(rule: Rule) -> bool:
    return any(isinstance(converter, IntegerConverter) for converter in rule._converters.values())


def form_field_names(page: str) -> list[str]:
    names = re.findall(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', page)
    return sorted({name for name in names if name != "csrf_token"})
