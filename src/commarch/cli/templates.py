"""`commarch templates [--lang de|en]`: list the starting templates with a one-line description."""

from __future__ import annotations

import argparse

from commarch.templates import list_templates


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("templates", help="list the templates for `commarch new --template`",
                            description="List the starting templates: name, title and a short description.")
    parser.add_argument("--lang", choices=("de", "en"), default="en",
                        help="language of the list (default: en)")


def run(args: argparse.Namespace) -> int:
    rows = list_templates(args.lang)
    width = max(len(name) for name, _, _ in rows)
    for name, title, description in rows:
        print(f"{name:<{width}}  {title}: {description}")
    return 0
