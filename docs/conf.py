"""Sphinx configuration of the fulian_core documentation site.

Build it with ``python3 scripts/dev.py docs`` (the test command builds it too, with warnings
as errors). Pages are MyST Markdown; the planning notebook is executed on every build.
"""

from __future__ import annotations

import enum
from typing import Any

import fulian_core

project = "fulian_core"
author = "fulian_core developers"
copyright = "2026, fulian_core developers"
release = fulian_core.__version__
version = release

extensions = [
    "myst_nb",  # MyST Markdown pages and executed notebooks
    "sphinx.ext.autodoc",  # the API reference from the docstrings
    "sphinx.ext.viewcode",
    "sphinx_copybutton",  # copy an example without its >>> and ... prompts
    "sphinxcontrib.mermaid",  # the workflow diagrams, drawn from each declaration
]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "examples", "notebooks/fonts", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
root_doc = "index"

# MyST: heading anchors so pages can link to sections; definition lists for the glossary.
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]

# Notebooks run top to bottom on every build; an error or anything written to stderr
# (a missing-glyph warning from matplotlib, a deprecation) fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_output_stderr = "warn"
nb_merge_streams = True
# Markdown a notebook displays (the tables of the planning notebook) is parsed as MyST: tables render.
nb_render_markdown_format = "myst"

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"show-inheritance": True, "undoc-members": True}

copybutton_prompt_text = r">>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True  # the inputs, not what Python printed

html_theme = "furo"
html_title = f"fulian_core {release}"
language = "en"


def _enum_signature(*event: Any) -> tuple[str, str | None] | None:
    """An enumeration is not called: show it without Enum's constructor signature.

    The event is (app, what, name, obj, options, signature, return annotation)."""
    what, obj = event[1], event[3]
    if what == "class" and isinstance(obj, type) and issubclass(obj, enum.Enum):
        return "", None
    return None


def _enum_labels(*event: Any) -> None:
    """List an enumeration's members with the Chinese label each carries and the code it is
    written as in data. The event is (app, what, name, obj, options, lines)."""
    what, obj, lines = event[1], event[3], event[5]
    if what == "class" and isinstance(obj, type) and issubclass(obj, enum.Enum):
        lines += ["", "Members (label, code):", ""]
        lines += [f"- ``{member.name}``: {getattr(member, 'label', '')} (``{member.value}``)" for member in obj]
        lines.append("")


def setup(app: Any) -> None:
    app.connect("autodoc-process-signature", _enum_signature)
    app.connect("autodoc-process-docstring", _enum_labels)
