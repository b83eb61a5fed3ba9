"""Texts of smmplan's data files that people read, for the catalogue (a Babel extractor).

Most of ``smmplan/data/`` is vocabulary the rules match (words, aliases,
patterns) and is never translated. A few values are shown to people as they
are: the honesty lexicon's categories (title, why, fix) and the policies
their findings cite. The code translates them where they are shown
(``_(category.title)``); this extractor puts them in the catalogue, so that
``python -m smmplan.locale update`` adds them to ``ru/data.<file>.po`` and the
catalogue test fails when one has no Russian, like any message of the code.

To have another data file's text translated, add its path of keys to
``SHOWN`` (``*`` stands for every key of a mapping or item of a list), and
translate it with ``_()`` where it is shown.
"""

from __future__ import annotations

from collections.abc import Iterator

# file name -> paths of keys whose values are shown to people
SHOWN: dict[str, tuple[tuple[str, ...], ...]] = {
    "honesty.yaml": (
        ("policies", "*"),
        ("categories", "*", "title"),
        ("categories", "*", "why"),
        ("categories", "*", "fix"),
    ),
}


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extraction method for a data file: (line, keyword, text, comments) of each text shown."""
    import yaml

    name = getattr(fileobj, "name", "").replace("\\", "/").rsplit("/", 1)[-1]
    paths = SHOWN.get(name)
    if not paths:
        return
    root = yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)
    found = []
    for path in paths:
        for node in _walk(root, path):
            if isinstance(node, yaml.ScalarNode) and node.value:
                found.append((node.start_mark.line + 1, node.value))
    for line, text in sorted(found):
        yield line, "N_", text, []


def _walk(node, path: tuple[str, ...]):
    import yaml

    if not path:
        yield node
        return
    head, rest = path[0], path[1:]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if head == "*" or key.value == head:
                yield from _walk(value, rest)
    elif isinstance(node, yaml.SequenceNode) and head == "*":
        for item in node.value:
            yield from _walk(item, rest)
