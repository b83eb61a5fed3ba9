"""smmplan: hold social-media content plans to a content formula, honestly."""

__version__ = "0.1.0"
