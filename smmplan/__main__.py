from smmplan.cli import run

run()
