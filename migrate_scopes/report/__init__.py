"""Tell the user what happened: stderr lines, a summary, JSON and GitHub annotations."""

from migrate_scopes.report.format import Style
from migrate_scopes.report.json_report import JsonReport
from migrate_scopes.report.markdown import MarkdownReport
from migrate_scopes.report.terminal import TerminalReporter
from migrate_scopes.report.totals import Totals

__all__ = ["JsonReport", "MarkdownReport", "Style", "TerminalReporter", "Totals"]
