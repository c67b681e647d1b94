"""Stripe's form encoding decoded, and request parameters checked against the ``stripe`` package's own
``params`` TypedDicts (names, required keys, enum values), so the checks follow the pinned API version."""

from __future__ import annotations

import re
import sys
from urllib.parse import parse_qsl

from .common import StripeAPIError

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


def decode_form(raw: bytes | str) -> dict:
    """Stripe's bracket encoding (``line_items[0][price_data][unit_amount]=1000``,
    ``metadata[ref]=abc``) as nested dicts; a dict whose keys are exactly 0..n-1 becomes a list."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    root: dict = {}
    for key, value in parse_qsl(raw, keep_blank_values=True, strict_parsing=False):
        match = _KEY.match(key)
        if not match:
            raise StripeAPIError(f"Invalid parameter name: {key}", key)
        parts = [match.group(1)] + re.findall(r"\[([^\[\]]*)\]", match.group(2))
        node = root
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if part == "":  # key[] appends
                part = str(len(node))
            if last:
                if isinstance(node.get(part), dict):
                    raise StripeAPIError(f"Invalid hash: {key}", key)
                node[part] = value
            else:
                child = node.setdefault(part, {})
                if not isinstance(child, dict):
                    raise StripeAPIError(f"Invalid hash: {'['.join(parts[: i + 1])}", key)
                node = child
    return _listify(root)


def _listify(node):
    if not isinstance(node, dict):
        return node
    node = {k: _listify(v) for k, v in node.items()}
    if node and all(k.isdigit() for k in node) and sorted(int(k) for k in node) == list(range(len(node))):
        return [node[str(i)] for i in range(len(node))]
    return node


# Parameter schemas, read from the stripe package's params TypedDicts.


def _option_keys() -> set[str]:
    from stripe._request_options import RequestOptions

    return set(RequestOptions.__annotations__)


def _split_union(text: str, sep: str = "|") -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return [p for p in parts if p]


def _annotation_text(annotation) -> str:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    text = re.sub(r"ForwardRef\((['\"])(.*?)\1(?:, module='[\w.]+')?\)", r"\2", text)
    text = re.sub(r"<class '(?:[\w.]+\.)?(\w+)'>", r"\1", text)
    text = text.replace("typing_extensions.", "").replace("typing.", "").replace("decimal.", "")
    changed = True
    while changed:
        changed = False
        for wrapper in ("NotRequired[", "Required["):
            if text.startswith(wrapper) and text.endswith("]"):
                text, changed = text[len(wrapper) : -1], True
        if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
            text, changed = text[1:-1], True
        if text.startswith("Union[") and text.endswith("]"):
            text, changed = "|".join(_split_union(text[6:-1], ",")), True
        if text.startswith("Optional[") and text.endswith("]"):
            text, changed = text[9:-1], True
    return text


class Schema:
    """One parameter's expected shape: kind is object/list/map/enum/int/bool/decimal/str/any."""

    def __init__(self, kind: str, *, cls=None, item: Schema | None = None, values=(), empty_ok=False):
        self.kind, self.cls, self.item, self.values, self.empty_ok = kind, cls, item, tuple(values), empty_ok

    @classmethod
    def of(cls, annotation, module) -> Schema:
        text = _annotation_text(annotation)
        literals, others = [], []
        for part in _split_union(text):
            if part.startswith("Literal["):
                literals += re.findall(r"'((?:[^'\\]|\\.)*)'", part)
            else:
                others.append(part)
        empty_ok = "" in literals
        values = [v for v in literals if v]
        if values and others in ([], ["str"]):
            return cls("enum", values=values, empty_ok=empty_ok)
        types = [o for o in others if o != "str"] or others
        shapes = [cls._single(t, module, empty_ok) for t in types]
        if len({s.kind for s in shapes}) != 1:
            return cls("any")
        return shapes[0]

    @classmethod
    def _single(cls, text: str, module, empty_ok: bool) -> Schema:
        if text.startswith("List[") and text.endswith("]"):
            return cls("list", item=cls.of(text[5:-1], module), empty_ok=empty_ok)
        if text.startswith(("Dict[str", "UntypedStripeObject[")):
            return cls("map", empty_ok=empty_ok)
        simple = {"int": "int", "bool": "bool", "Decimal": "decimal", "float": "decimal", "str": "str"}
        if text in simple:
            return cls(simple[text], empty_ok=empty_ok)
        target = getattr(module, text, None)
        if isinstance(target, type) and hasattr(target, "__annotations__"):
            return cls("object", cls=target, empty_ok=empty_ok)
        return cls("any")

    def fields(self) -> dict[str, Schema]:
        cached = _FIELDS.get(self.cls)
        if cached is None:
            module = sys.modules[self.cls.__module__]
            skip = _option_keys()
            cached = {
                name: Schema.of(ann, module)
                for name, ann in self.cls.__annotations__.items()
                if name not in skip
            }
            _FIELDS[self.cls] = cached
        return cached

    def required(self) -> set[str]:
        return set(getattr(self.cls, "__required_keys__", ())) - _option_keys()

    def check(self, value, param: str):
        """The value made typed (ints, bools), or StripeAPIError as Stripe words it."""
        if value == "" and self.empty_ok:
            return ""
        if self.kind == "object":
            if not isinstance(value, dict):
                raise StripeAPIError(f"Invalid object: {param}", param)
            fields = self.fields()
            out = {}
            for key, sub in value.items():
                where = f"{param}[{key}]" if param else key
                if key not in fields:
                    raise StripeAPIError(f"Received unknown parameter: {where}", where)
                out[key] = fields[key].check(sub, where)
            for key in sorted(self.required()):
                if key not in value:
                    where = f"{param}[{key}]" if param else key
                    raise StripeAPIError(f"Missing required param: {where}.", where)
            return out
        if self.kind == "list":
            if isinstance(value, dict):
                raise StripeAPIError(f"Invalid array: {param}", param)
            if not isinstance(value, list):
                raise StripeAPIError(f"Invalid array: {param}", param)
            return [self.item.check(v, f"{param}[{i}]") for i, v in enumerate(value)]
        if self.kind == "map":
            if isinstance(value, list):
                value = {str(i): v for i, v in enumerate(value)}
            if not isinstance(value, dict):
                raise StripeAPIError(f"Invalid object: {param}", param)
            for key, sub in value.items():
                if not isinstance(sub, str):
                    raise StripeAPIError(
                        f"Invalid value for {param}[{key}]: must be a string", f"{param}[{key}]"
                    )
            return dict(value)
        if self.kind == "any":
            return value
        if isinstance(value, dict | list):
            raise StripeAPIError(
                f"Invalid {'array' if isinstance(value, list) else 'string'}: {param}", param
            )
        if self.kind == "enum":
            if value not in self.values:
                listed = ", ".join(self.values[:-1]) + (", or " if len(self.values) > 2 else " or ")
                listed = listed + self.values[-1] if len(self.values) > 1 else self.values[0]
                raise StripeAPIError(f"Invalid {param}: must be one of {listed}", param)
            return value
        if self.kind == "int":
            if not re.fullmatch(r"-?\d+", value):
                raise StripeAPIError(f"Invalid integer: {value}", param)
            return int(value)
        if self.kind == "bool":
            if value not in ("true", "false"):
                raise StripeAPIError(f"Invalid boolean: {value}", param)
            return value == "true"
        if self.kind == "decimal":
            if not re.fullmatch(r"-?\d+(\.\d{1,12})?", value):
                raise StripeAPIError(f"Invalid decimal: {value}", param)
            return value
        return value


_FIELDS: dict = {}


def params_schema(dotted: str) -> Schema:
    """The schema for e.g. ``"stripe.params.checkout.SessionCreateParams"``."""
    module_name, _, name = dotted.rpartition(".")
    __import__(module_name)
    cls = getattr(sys.modules[module_name], name)
    return Schema("object", cls=cls)
