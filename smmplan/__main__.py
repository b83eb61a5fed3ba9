"""The `smmplan` command and `python -m smmplan`."""

import gc


def run() -> None:
    """:func:`smmplan.cli.run`, with the cyclic garbage collector off from the first import:
    importing typer and pydantic makes objects that live as long as the process, which the
    collector would only scan again and again (see :func:`smmplan.cli.run`)."""
    gc.disable()
    from smmplan.cli import run as cli_run

    cli_run()


if __name__ == "__main__":
    run()
