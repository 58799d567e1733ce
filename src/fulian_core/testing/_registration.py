"""The entry point's old home, kept for environments installed before it moved.

An environment installed from an older checkout still names this module as hypothesis' entry
point until it is reinstalled; the registration itself is in ``_fulian_core_hypothesis``, which
imports nothing of fulian_core.
"""

from _fulian_core_hypothesis import register_type_strategies

__all__ = ["register_type_strategies"]
