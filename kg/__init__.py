"""kg — a knowledge-graph builder for public-accountability documents.

Every fact is traceable to the sentence that states it. See :mod:`kg.api` for the library API
and ``kg --help`` for the command line.
"""

__version__ = "0.1.0"
