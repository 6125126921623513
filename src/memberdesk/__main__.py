from memberdesk.cli import run

run()
