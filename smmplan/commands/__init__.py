"""The glue of commands whose work goes beyond one call into the core.

`smmplan/cli.py` parses a command's options and calls one function here;
the function reads the files, calls the core, prints and writes. The core
(:mod:`smmplan.engine`, the planners) never imports these modules.
"""
