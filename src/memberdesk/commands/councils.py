"""memberdesk council add|list, committees, follow, unfollow: choosing what to sync."""

from __future__ import annotations

import argparse
import json

from memberdesk.commands import CommandError, Context, UsageError


def register(subparsers: argparse._SubParsersAction) -> None:
    council = subparsers.add_parser(
        "council",
        help="add a council's ModernGov site, or list the councils added",
        description="Add a council by the address of its ModernGov site (e.g. "
        "https://democracy.example.gov.uk): memberdesk checks how the site can be read (the web "
        "service first, the public pages when it is switched off) and says which it will use.",
    )
    actions = council.add_subparsers(title="actions", metavar="ACTION", dest="council_action")
    add = actions.add_parser("add", help="add a council by its site's address")
    add.add_argument("url", metavar="URL", help="the ModernGov site, e.g. https://democracy.example.gov.uk")
    add.add_argument("--name", help="what to call the council (default: the site's address)")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="the councils added, with what is followed")
    listing.set_defaults(handler=run_list)
    council.set_defaults(handler=run_list)

    committees = subparsers.add_parser(
        "committees",
        help="a council's committees, with their ids and which are followed",
        description="List a council's committees (asking the council for the current list). "
        "COUNCIL is a council's id or part of its name or address. Deleted and expired "
        "committees are hidden unless --all is given.",
    )
    committees.add_argument("council", metavar="COUNCIL")
    committees.add_argument("--all", action="store_true", help="include deleted and expired committees")
    committees.add_argument("--json", action="store_true", help="machine-readable output")
    committees.set_defaults(handler=run_committees)

    for name, verb in (("follow", "follow"), ("unfollow", "stop following")):
        parser = subparsers.add_parser(
            name,
            help=f"{verb} committees (sync fetches the papers of followed committees)",
            description=f"{verb.capitalize()} committees of a council. COMMITTEE is the committee's "
            "id (as `memberdesk committees COUNCIL` shows it) or part of its title.",
        )
        parser.add_argument("council", metavar="COUNCIL")
        parser.add_argument("committees", nargs="+", metavar="COMMITTEE")
        parser.set_defaults(handler=run_follow, followed=name == "follow")


def _find_council(ctx: Context, text: str):
    from memberdesk.sync.following import MatchError, find_council

    try:
        return find_council(ctx.library(), text)
    except MatchError as error:
        raise CommandError(str(error)) from None


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.sources.errors import SourceError
    from memberdesk.sync.following import add_council
    from memberdesk.sync.syncer import Syncer

    library = ctx.library()
    with Syncer(library) as syncer:
        try:
            council, how = add_council(syncer, args.url, args.name or "")
        except ValueError as error:
            raise UsageError(str(error)) from None
        except SourceError as error:
            raise CommandError(f"{args.url}: {error}") from None
    current = [c for c in library.councils.committees(council.id)]
    print(
        f"Added {council.name} ({council.base_url}) as council {council.id}: it will be read "
        f"through {how}. {len(current)} committees.",
        file=ctx.out,
    )
    print(
        f"Next: memberdesk committees {council.id}, then memberdesk follow {council.id} "
        f"COMMITTEE, then memberdesk sync.",
        file=ctx.out,
    )
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.sources.moderngov import MODE_DESCRIPTIONS

    library = ctx.library()
    councils = library.councils.all()
    if not councils:
        print("No council added yet: memberdesk council add URL", file=ctx.out)
        return 0
    for council in councils:
        followed = [c.title for c in library.councils.followed(council.id)]
        print(
            f"{council.id:>3}  {council.name}  {council.base_url}  "
            f"(read through {MODE_DESCRIPTIONS.get(council.mode, council.mode)})",
            file=ctx.out,
        )
        print(f"     following: {', '.join(followed) if followed else 'nothing yet'}", file=ctx.out)
    return 0


def run_committees(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.sources.errors import SourceError
    from memberdesk.sync.following import refresh_committees
    from memberdesk.sync.syncer import Syncer

    library = ctx.library()
    council = _find_council(ctx, args.council)
    status = 0
    with Syncer(library) as syncer:
        try:
            refresh_committees(syncer, council)
        except SourceError as error:
            ctx.fail(
                f"{council.name}: the list of committees could not be refreshed ({error}); "
                f"showing the list from the last time"
            )
            status = 1
    committees = library.councils.committees(council.id, include_hidden=args.all)
    if args.json:
        data = {
            "council": {"id": council.id, "name": council.name, "url": council.base_url, "mode": council.mode},
            "committees": [
                {
                    "id": c.id,
                    "remote_id": c.remote_id,
                    "title": c.title,
                    "category": c.category,
                    "followed": c.followed,
                    "deleted": c.deleted,
                    "expired": c.expired,
                }
                for c in committees
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False), file=ctx.out)
        return status
    print(f"{council.name}: committees (id, title)", file=ctx.out)
    for c in committees:
        marks = [m for m, on in (("followed", c.followed), ("deleted", c.deleted), ("expired", c.expired)) if on]
        shown = f"  [{', '.join(marks)}]" if marks else ""
        print(f"{c.remote_id:>6}  {c.title}{shown}", file=ctx.out)
    if not committees:
        print("  (none listed)", file=ctx.out)
    return status


def run_follow(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.sync.following import find_committees

    library = ctx.library()
    council = _find_council(ctx, args.council)
    found, problems = find_committees(library, council, args.committees)
    library.councils.set_followed([c.id for c in found], args.followed)
    verb = "following" if args.followed else "no longer following"
    for committee in found:
        print(f"{verb}: {committee.title} ({committee.remote_id})", file=ctx.out)
    for problem in problems:
        ctx.fail(problem)
    return 1 if problems else 0
