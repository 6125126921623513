"""memberdesk profile list | show | use | check | import | export: accessibility profiles,
for support staff setting a councillor up (and for scripts that deploy the result)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from memberdesk import config
from memberdesk.commands import CommandError, Context

DESCRIPTION = """\
Accessibility profiles: colours, reading layout and behaviour (see the README, "Profiles for
support staff"). Built-in profiles ship with memberdesk; your own live in LIBRARY/profiles.
The profile for a run is --profile NAME, else $MEMBERDESK_PROFILE, else (with --screen-reader)
the screen-reader profile, else the one saved by 'profile use', else 'standard'."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "profile",
        help="accessibility profiles: list, show, use, check, import, export",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=lambda args, ctx: _usage(parser))
    actions = parser.add_subparsers(title="actions", metavar="ACTION", parser_class=type(parser))

    listing = actions.add_parser(
        "list",
        help="every profile, built-in and your own; the active one is marked",
        description="List every profile: name, built-in or your own, and what it is for. "
        "The profile active for a run is marked with the reason it is active.",
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=run_list)

    show = actions.add_parser(
        "show",
        help="print a profile as a complete TOML file",
        description="Print every setting of a profile as TOML (the active one when no "
        "NAME is given). The output is a complete profile file.",
    )
    show.add_argument("name", metavar="NAME", nargs="?", help="profile name (default: the active profile)")
    show.set_defaults(handler=run_show)

    use = actions.add_parser(
        "use",
        help="make NAME the profile memberdesk starts with",
        description="Save NAME as the profile memberdesk starts with (settings.toml in the "
        "library folder). --profile and $MEMBERDESK_PROFILE still win for a run.",
    )
    use.add_argument("name", metavar="NAME")
    use.set_defaults(handler=run_use)

    check = actions.add_parser(
        "check",
        help="contrast of every colour pair; exit 1 below WCAG AA",
        description="Validate a profile file (or a profile NAME) and print each colour "
        "pair's contrast ratio and the WCAG level it reaches. Exit status 1 when the "
        "file is invalid or any pair is below AA (4.5:1 text, 3:1 indicators).",
    )
    check.add_argument("file", metavar="FILE", help="a profile .toml file, or the name of a profile")
    check.add_argument("--strict", action="store_true", help="body text must reach AAA (7:1), as built-ins do")
    check.set_defaults(handler=run_check)

    imp = actions.add_parser(
        "import",
        help="validate FILE and add it to your profiles",
        description="Validate FILE and store it in LIBRARY/profiles under the name it gives. "
        "An invalid file is refused, naming the line and key at fault. A profile of the same "
        "name is replaced only with --replace (or when you answer yes at a terminal).",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--replace", action="store_true", help="replace your profile of the same name")
    imp.set_defaults(handler=run_import)

    export = actions.add_parser(
        "export",
        help="write a profile to a file (or print it)",
        description="Write every setting of profile NAME to FILE (or into a folder as "
        "NAME.toml), ready to import on another machine. Without --to, prints it.",
    )
    export.add_argument("name", metavar="NAME")
    export.add_argument("--to", metavar="FILE", help="file or folder to write (default: standard output)")
    export.set_defaults(handler=run_export)


def _usage(parser: argparse.ArgumentParser) -> int:
    from memberdesk.commands import UsageError

    raise UsageError(
        "say what to do: memberdesk profile list | show NAME | use NAME | check FILE | import FILE | export NAME"
    )


def _registry(ctx: Context):
    from memberdesk.access.registry import ProfileRegistry

    return ProfileRegistry(ctx.home)


def _get(ctx: Context, name: str):
    from memberdesk.access.loading import ProfileError
    from memberdesk.access.registry import ProfileNotFound

    try:
        return _registry(ctx).get(name)
    except (ProfileNotFound, ProfileError) as exc:
        raise CommandError(str(exc)) from None


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    registry = _registry(ctx)
    active, problem = None, None
    try:
        active = ctx.active_profile()
    except CommandError as exc:
        problem = str(exc)
    rows = []
    for entry in registry.entries():
        rows.append(
            {
                "name": entry.name,
                "builtin": entry.builtin,
                "active": bool(active and entry.name == active.name),
                "description": entry.description,
                "path": str(entry.path),
                "problem": entry.problem,
            }
        )
    if args.json:
        data = {
            "active": active.name if active else None,
            "active_from": active.source if active else None,
            "profiles": rows,
        }
        print(json.dumps(data, indent=2, ensure_ascii=False), file=ctx.out)
    else:
        for row in rows:
            # Name first, then what kind, then the marker in words (never colour alone).
            kind = "built-in" if row["builtin"] else "your own"
            if row["active"] and active is not None:
                kind += f", active: {active.describe_source()}"
            about = f"cannot be used: {row['problem']}" if row["problem"] else row["description"]
            print(f"{row['name']} ({kind}) - {about}", file=ctx.out)
    if problem:
        ctx.fail(problem)
        return 1
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.access.loading import profile_to_toml

    profile = _get(ctx, args.name) if args.name else ctx.active_profile().profile
    print(profile_to_toml(profile), end="", file=ctx.out)
    return 0


def run_use(args: argparse.Namespace, ctx: Context) -> int:
    import os

    from memberdesk.access.active import save_choice
    from memberdesk.access.loading import ProfileError
    from memberdesk.access.registry import ProfileNotFound

    try:
        profile = save_choice(ctx.home, args.name)
    except (ProfileNotFound, ProfileError) as exc:
        raise CommandError(str(exc)) from None
    print(
        f"memberdesk will start with the '{profile.name}' profile (saved in {config.settings_path(ctx.home)})",
        file=ctx.out,
    )
    env = os.environ.get(config.PROFILE_ENV, "").strip()
    if env and env != profile.name:
        print(
            f"note: {config.PROFILE_ENV}={env} is set here, and wins over the saved choice while it is set",
            file=ctx.out,
        )
    return 0


def _load_for_check(ctx: Context, target: str):
    from memberdesk.access.loading import ProfileError, load_profile

    path = Path(target).expanduser()
    if not path.exists() and "/" not in target and not target.endswith(".toml"):
        return _get(ctx, target)  # a profile name, e.g. `profile check dyslexia`
    try:
        return load_profile(path, bases=_registry(ctx).builtins)
    except ProfileError as exc:
        raise CommandError(str(exc).replace("\n", "\nmemberdesk: ")) from None


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.access.checks import check_profile, failures
    from memberdesk.access.contrast import format_ratio
    from memberdesk.access.depth import depth_report

    profile = _load_for_check(ctx, args.file)
    rows = check_profile(profile, strict=args.strict)
    print(f"{profile.name}: {profile.description}".rstrip(": "), file=ctx.out)
    if profile.uses_terminal_palette:
        print(
            "uses the terminal's own colours: the terminal's settings decide the contrast, so there is"
            " nothing to measure here",
            file=ctx.out,
        )
        return 0
    for row in rows:
        print(f"  {row}", file=ctx.out)
    for depth in ("256", "16"):
        print(f"  {depth} colours: {depth_report(profile, depth, strict=args.strict).summary}", file=ctx.out)
    bad = failures(rows)
    for row in bad:
        level = "AAA" if row.required >= 7 else "AA"
        ctx.fail(
            f"{args.file}: {row.pair} is {format_ratio(row.ratio)}, below {level} ({row.required:g}:1):"
            f" {row.foreground} on {row.background}"
        )
    if not bad:
        print("every pair meets its level", file=ctx.out)
    return 1 if bad else 0


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.access.checks import check_profile, failures
    from memberdesk.access.contrast import format_ratio
    from memberdesk.access.loading import ProfileError
    from memberdesk.access.registry import ProfileExists

    registry = _registry(ctx)
    path = Path(args.file).expanduser()
    try:
        try:
            profile = registry.import_file(path, replace=args.replace)
        except ProfileExists as exc:
            if not _yes(ctx, f"{exc.problems[0].message.split(':')[0]}. Replace it? [y/N] "):
                raise
            profile = registry.import_file(path, replace=True)
    except ProfileError as exc:
        for line in str(exc).splitlines():
            ctx.fail(line)
        ctx.fail(f"{args.file}: not imported; fix the lines above and try again")
        return 1
    print(
        f"imported '{profile.name}' into {registry.user_dir}; start with it: memberdesk profile use {profile.name}",
        file=ctx.out,
    )
    for row in failures(check_profile(profile)):
        ctx.fail(f"warning: {row.pair} is {format_ratio(row.ratio)}, below AA ({row.required:g}:1)")
    return 0


def _yes(ctx: Context, question: str) -> bool:
    """Ask at a terminal; a script (no terminal) gets no, and the message says --replace."""
    import sys

    if not (sys.stdin.isatty() and ctx.err.isatty()):
        return False
    print(question, end="", file=ctx.err, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.access.loading import profile_to_toml

    profile = _get(ctx, args.name)
    if not args.to:
        print(profile_to_toml(profile), end="", file=ctx.out)
        return 0
    try:
        written = _registry(ctx).export(args.name, args.to)
    except OSError as exc:
        raise CommandError(f"{args.to}: cannot be written ({exc.strerror or exc})") from None
    print(f"exported '{profile.name}' to {written}", file=ctx.out)
    return 0
