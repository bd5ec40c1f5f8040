"""reflect assess CLIENT [SESSION_ID]: the latest approved plan against the newest (or given) later session."""

from __future__ import annotations

import argparse

from assistant.cli._common import add_backend_options, add_format_option, print_json, workspace


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("client")
    parser.add_argument("session_id", nargs="?", help="the follow-up session (default: the latest)")
    add_backend_options(parser)
    add_format_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.backends import choose_backend
    from assistant.plans import long_date

    ws = workspace()
    ws.store.client(args.client)
    choice = choose_backend(args.backend, args.model, args.base_url) if args.backend else None
    target = ws.assess_target(args.client, args.session_id)
    assessment = ws.assess(args.client, target.session.id, choice=choice)
    if args.format == "json":
        print_json(assessment)
        return 0
    print(f"{assessment.client}: {target.caption}")
    for entry in assessment.items:
        quote = f' "{entry.evidence[0].quote}" [#{entry.evidence[0].utterance}]' if entry.evidence else ""
        print(f"  {entry.item.id} {entry.progress.replace('_', ' '):12} {entry.item.action}{quote}")
    for heading, found in (
        ("new information", assessment.new_information),
        ("obstacles met", assessment.obstacles_met),
    ):
        for evidence in found:  # a heading only when something was found
            print(f'  {heading}: "{evidence.quote}" [#{evidence.utterance}]')
    for balance in assessment.trend:
        share = "-" if balance.change_share is None else f"{balance.change_share:.0%}"
        print(
            f"  trend {long_date(balance.session_date) or 'undated session'}: "
            f"change {balance.change}, sustain {balance.sustain} ({share} change)"
        )
    return 0
