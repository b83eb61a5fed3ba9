"""The plan format as JSON Schema, for editors (`smmplan schema`).

Generated from the pydantic models, so it never drifts from what `check`
accepts. Editors read YAML as YAML 1.2 and validate what they see, while
smmplan reads every scalar as text and lets the field decide: an editor sees
`tolerance: 5` as a number, `time: 10:30` and `sponsored: no` as strings and
`title: 2026` as a number. So the schema accepts, for each field, every form
YAML 1.2 gives to a text that smmplan accepts, and no more than that.
Unknown keys are refused everywhere (additionalProperties: false), and every
field carries its description for completion and hover.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema

SCHEMA_ID = "https://smmplan.dev/schema/plan.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_INT_TEXT = r"^\s*[+-]?\d+\s*$"
_NUMBER_TEXT = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$"
_TIME_TEXT = r"^\s*\d{1,2}[:.]\d{2}"
_DATE_TEXT = r"^\d{4}-\d{2}-\d{2}$"
# The words pydantic reads as yes/no; YAML 1.2 leaves all but true/false as strings.
_BOOL_WORDS = ("yes", "no", "on", "off", "y", "n", "t", "f", "true", "false", "1", "0")


class _YamlTextSchema(GenerateJsonSchema):
    """Scalars as an editor reading YAML 1.2 sees the text smmplan accepts."""

    def str_schema(self, schema: Any) -> dict[str, Any]:
        out = super().str_schema(schema)
        out["type"] = ["string", "number", "boolean"]  # `title: 2026`, `title: true` are text to smmplan
        return out

    def int_schema(self, schema: Any) -> dict[str, Any]:
        return {"anyOf": [super().int_schema(schema), {"type": "string", "pattern": _INT_TEXT}]}

    def float_schema(self, schema: Any) -> dict[str, Any]:
        number = super().float_schema(schema)
        number["type"] = "number"
        return {"anyOf": [number, {"type": "string", "pattern": _NUMBER_TEXT}]}

    def bool_schema(self, schema: Any) -> dict[str, Any]:
        words = sorted({v for w in _BOOL_WORDS for v in (w, w.capitalize(), w.upper())})
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": words}]}

    def time_schema(self, schema: Any) -> dict[str, Any]:
        return {"type": "string", "pattern": _TIME_TEXT}

    def date_schema(self, schema: Any) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": _DATE_TEXT}


def _text() -> dict[str, Any]:
    return {"type": ["string", "number", "boolean"]}


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file."""
    from smmplan.model import Plan

    body = Plan.model_json_schema(mode="validation", schema_generator=_YamlTextSchema)
    defs = body.get("$defs", {})
    props = body["properties"]
    # Fields whose model validators accept a shorter form than the type says.
    if "channels" in props:  # `channels: vk` is one channel
        props["channels"] = _alternative(props["channels"], _text())
    if "tactics" in props:  # a tactic may be plain text: its name
        items = props["tactics"].get("items")
        if items is not None:
            props["tactics"]["items"] = {"anyOf": [items, _text()]}
    rubric = defs.get("Rubric", {}).get("properties", {})
    if "ideas" in rubric and "items" in rubric["ideas"]:  # an idea may be plain text: its title
        rubric["ideas"]["items"] = {"anyOf": [rubric["ideas"]["items"], _text()]}
    for schema in (body, *defs.values()):
        if schema.get("type") == "object" and "properties" in schema:
            schema["additionalProperties"] = False
    body.pop("title", None)
    out: dict[str, Any] = {"$schema": DIALECT, "$id": SCHEMA_ID, "title": "smmplan content plan"}
    out.update((k, v) for k, v in body.items() if k != "$defs")
    out["$defs"] = defs  # the models last, after the plan's own keys
    return out


def _alternative(field: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """`field` or `other`, keeping the field's description and default outside."""
    keep = {k: field[k] for k in ("description", "title", "default") if k in field}
    inner = {k: v for k, v in field.items() if k not in keep}
    return {**keep, "anyOf": [inner, other]}


def missing_descriptions(schema: dict[str, Any]) -> list[str]:
    """Properties without a description (the tests require none)."""
    out = []
    for owner, node in [("(plan)", schema), *schema.get("$defs", {}).items()]:
        if "properties" in node and not node.get("description"):
            out.append(owner)
        for name, prop in node.get("properties", {}).items():
            if not prop.get("description"):
                out.append(f"{owner}.{name}")
    return out
