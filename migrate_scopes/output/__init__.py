"""Render results for stdout: unified diffs that `git apply` accepts."""

from migrate_scopes.output.diff import colorize_diff, display_path_for_diff, encode_diff, unified_diff
from migrate_scopes.output.quoting import quote_path

__all__ = ["colorize_diff", "display_path_for_diff", "encode_diff", "quote_path", "unified_diff"]
