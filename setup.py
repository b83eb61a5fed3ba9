"""The one thing pyproject.toml cannot say: the optional C loader.

smmplan/_fastyaml.c builds the plan tree straight from libyaml's events
(see smmplan/loader.py). It needs libyaml's header and library (Debian and
Ubuntu: libyaml-dev; macOS: brew install libyaml). Where they are missing the
build prints a warning, skips the module, and smmplan reads plans with its
pure-Python builder: the same results, about three times slower on big files.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "smmplan._fastyaml",
            sources=["smmplan/_fastyaml.c"],
            libraries=["yaml"],
            optional=True,
        )
    ]
)
