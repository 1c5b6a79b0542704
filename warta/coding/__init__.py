"""PLOVER event coding and attribution: lexicons, argument patterns, modality, casualties, claims.

Example:
    >>> from warta.coding import RuleCoder
    >>> RuleCoder.name.split("/")[0]  # then the coder version, bumped whenever output changes
    'warta-rules'
"""
from .attribution import find_claims
from .rules import CODER_NAME, CODER_VERSION, RuleCoder

__all__ = ["CODER_NAME", "CODER_VERSION", "RuleCoder", "find_claims"]
