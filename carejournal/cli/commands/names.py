"""`carejournal people` and `carejournal tags`: list, rename and merge them (every entry
follows), and set a person's nicknames and alias."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from carejournal.cli.output import print_json
from carejournal.core.i18n import _, ngettext

if TYPE_CHECKING:
    from carejournal.services.journal import Journal
    from carejournal.services.names import PersonRow


def add_people_arguments(people: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal people`."""
    acts = people.add_subparsers(dest="people_command", metavar="ACTION")
    _json(acts.add_parser("list", help=_("everyone, with their other names, alias and entries")))
    rename = acts.add_parser("rename", help=_("call someone by a new name in every entry (the "
                                            "old name stays among their nicknames)"))
    rename.add_argument("old", metavar="NAME")
    rename.add_argument("new", metavar="NEW_NAME")
    merge = acts.add_parser("merge", help=_("move every entry and goal of one person to "
                                          "another, who keeps the first's names as nicknames"))
    merge.add_argument("source", metavar="NAME")
    merge.add_argument("target", metavar="INTO")
    alias = acts.add_parser("alias", help=_("the alias supervision packs use (empty: initials)"))
    alias.add_argument("name", metavar="NAME")
    alias.add_argument("alias", metavar="ALIAS")
    nickname = acts.add_parser("nickname", help=_("the other names someone goes by (they "
                                                "replace those kept; give none to clear)"))
    nickname.add_argument("name", metavar="NAME")
    nickname.add_argument("nicknames", nargs="*", metavar="NICKNAME")
    for parser in (rename, merge, alias, nickname):
        _json(parser)
    _json(people)


def add_tags_arguments(tags: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal tags`."""
    acts = tags.add_subparsers(dest="tags_command", metavar="ACTION")
    _json(acts.add_parser("list", help=_("every tag with its number of entries")))
    rename = acts.add_parser("rename", help=_("rename a tag in every entry"))
    rename.add_argument("old", metavar="TAG")
    rename.add_argument("new", metavar="NEW_TAG")
    merge = acts.add_parser("merge", help=_("put one tag's entries under another and remove it"))
    merge.add_argument("source", metavar="TAG")
    merge.add_argument("target", metavar="INTO")
    for parser in (rename, merge):
        _json(parser)
    _json(tags)


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def run_people(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal people ACTION`."""
    command = args.people_command or "list"
    if command == "list":
        return _list_people(journal, args.json)
    ops = journal.ops
    if command == "rename":
        was = journal.names.person(args.old).name
        count = ops.rename_person(was, args.new).value
        name = journal.names.person(args.new).name
        text = f"Renamed {was} to {name} in {_entries(count)}."
        if was.casefold() != name.casefold():
            text += f" '{was}' stays among their other names, so packs still hide it."
        return _said(args.json, text, {"name": name, "was": was, "entries": count})
    if command == "merge":
        source, target = journal.names.person(args.source), journal.names.person(args.target)
        count = ops.merge_people(source.name, target.name).value
        return _said(args.json, f"Merged {source.name} into {target.name}: "
                                f"{_entries(count)} followed.",
                     {"name": target.name, "merged": source.name, "entries": count})
    person = journal.names.person(args.name)
    if command == "alias":
        ops.set_person_names(person.name, person.nicknames, args.alias)
    else:
        ops.set_person_names(person.name, args.nicknames, person.alias)
    saved = journal.names.person(person.name)
    return _said(args.json, f"Saved the names for {saved.name}.", _person_json(saved))


def run_tags(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal tags ACTION`."""
    command = args.tags_command or "list"
    names = journal.names
    if command == "list":
        tags = names.tags()
        if args.json:
            print_json([{"name": t.name, "entries": t.entries} for t in tags])
        else:
            for tag in tags:
                print(f"{tag.name}  ({_entries(tag.entries)})")
            if not tags:
                print(_("No tags yet."))
        return 0
    if command == "rename":
        old = names.tag(args.old).name
        count = journal.ops.rename_tag(old, args.new).value
        new = names.tag(args.new).name
        return _said(args.json, f"Renamed the tag {old} to {new} in {_entries(count)}.",
                     {"name": new, "was": old, "entries": count})
    source, target = names.tag(args.source).name, names.tag(args.target).name
    count = journal.ops.merge_tags(source, target).value
    return _said(args.json, f"Merged the tag {source} into {target}: {_entries(count)} "
                            "followed.", {"name": target, "merged": source, "entries": count})


def _list_people(journal: Journal, as_json: bool) -> int:
    people = journal.names.people()
    if as_json:
        print_json([_person_json(p) for p in people])
        return 0
    for p in people:
        extra = f"  also: {', '.join(p.nicknames)}" if p.nicknames else ""
        alias = f"  alias: {p.alias}" if p.alias else ""
        print(f"{p.name}  ({_entries(p.entries)}){extra}{alias}")
    if not people:
        print(_("Nobody is named in the journal yet."))
    return 0


def _person_json(person: PersonRow) -> dict[str, object]:
    return {"name": person.name, "nicknames": list(person.nicknames), "alias": person.alias,
            "entries": person.entries}


def _entries(count: int) -> str:
    return ngettext("{count} entry", "{count} entries", count).format(count=count)


def _said(as_json: bool, text: str, data: dict[str, object]) -> int:
    if as_json:
        print_json(data)
    else:
        print(text)
    return 0
