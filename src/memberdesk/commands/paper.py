"""memberdesk paper [--json]: pages read on screen, and the paper that saved."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from memberdesk.commands import Context


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "paper",
        help="the paperless record: pages read on screen and sheets saved",
        description="Pages read on screen, per month and in all, the sheets of paper printing them "
        "would have taken (settings: double_sided, yearly_sheet_target in settings.toml), and "
        "progress against this year's target. A page counts once per version of a paper.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    settings = ctx.settings()
    record = ctx.library().paper_record.record(
        double_sided=settings.double_sided, yearly_sheet_target=settings.yearly_sheet_target
    )
    if args.json:
        data = {**asdict(record), "target_percent": record.target_percent, "summary": record.summary()}
        print(json.dumps(data, indent=2), file=ctx.out)
        return 0
    print(record.summary(), file=ctx.out)
    if record.months:
        print("\nMonth     Pages  Sheets", file=ctx.out)
        for month in record.months:
            print(f"{month.month}  {month.pages:>6,}  {month.sheets:>6,}", file=ctx.out)
    return 0
