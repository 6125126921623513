"""The command table in `cli` names every command each module registers, and nothing else."""

from __future__ import annotations

import argparse
import importlib

from memberdesk import cli


def test_the_table_is_what_the_modules_register() -> None:
    registered: dict[str, str] = {}
    for module in cli.COMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"memberdesk.commands.{module}").register(subparsers)
        registered.update(dict.fromkeys(subparsers.choices, module))
    assert registered == cli.COMMANDS
    # Every module file in memberdesk.commands that registers commands is in the table.
    import pkgutil

    import memberdesk.commands as commands

    with_register = {
        info.name
        for info in pkgutil.iter_modules(commands.__path__)
        if hasattr(importlib.import_module(f"memberdesk.commands.{info.name}"), "register")
    }
    assert with_register == set(cli.COMMAND_MODULES)


def test_only_the_named_commands_module_is_needed() -> None:
    assert cli.modules_for(["import", "a.pdf"]) == ["importing"]
    assert cli.modules_for(["--library", "sync", "text", "1"]) == ["text"]  # a folder named "sync"
    assert cli.modules_for(["--profile", "dyslexia", "--plain", "read", "2"]) == ["read"]
    assert cli.modules_for(["--library=/x", "reindex"]) == ["search"]
    assert cli.modules_for([]) == ["app"]
    assert cli.modules_for(["--plain"]) == ["app"]
    assert cli.modules_for(["--help"]) == cli.COMMAND_MODULES
    assert cli.modules_for(["nosuch"]) == cli.COMMAND_MODULES


def test_a_word_that_is_no_command_lists_them_all(capsys: object) -> None:
    try:
        cli.main(["nosuch"])
    except SystemExit as exc:
        assert exc.code == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "invalid choice: 'nosuch'" in err
    assert "'import'" in err and "'print'" in err


def test_a_stop_after_the_command_finished_exits_with_its_status() -> None:
    """A SIGTERM while Python shuts down (here: a thread still to be joined) ends the process
    at once with the finished command's status, not killed by the signal (-15)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import threading, time\n"
        "import memberdesk.cli as cli\n"
        "def finished():\n"
        "    threading.Thread(target=time.sleep, args=(30,)).start()  # shutdown waits for it\n"
        "    print('done', flush=True)\n"
        "    return 0\n"
        "cli.main = finished\n"
        "cli.run()\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    assert child.stdout.readline() == "done\n"
    time.sleep(0.2)  # main has returned; Python is waiting for the thread
    started = time.monotonic()
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=5) == 0
    assert time.monotonic() - started < 2
