"""The planning notebook runs top to bottom on its generated data, and its charts are legible."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "docs" / "notebooks"
FONT = NOTEBOOKS / "fonts" / "FulianDocsSansSC-Regular.otf"


def test_the_planning_notebook_runs_top_to_bottom(monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip(
        "nbformat", reason="the docs tools (requirements/docs.txt, installed by scripts/dev.py)"
    )
    from nbclient import NotebookClient

    # jupyter_core warns about its old paths unless told which to use.
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    notebook = nbformat.read(NOTEBOOKS / "planning.ipynb", as_version=4)
    with warnings.catch_warnings():
        # The kernel machinery's own deprecations are not the notebook's; the notebook's
        # warnings reach its stderr, which is checked below.
        warnings.simplefilter("ignore", DeprecationWarning)
        NotebookClient(
            notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    stderr = [output.text for output in outputs if output.output_type == "stream" and output.name == "stderr"]
    assert not stderr, "the notebook wrote to stderr (a missing glyph, a warning):\n" + "\n".join(stderr)
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(images) == 2, "a bar chart of tiers per village and a line of coverage against the target"
    tables = [output.data["text/markdown"] for output in outputs if "text/markdown" in output.get("data", {})]
    assert len(tables) == 3
    assert tables[0].splitlines()[0] == "| 单位 | 精品户 | 示范户 | 清洁户 | 总户数 | 达标率 |"
    assert "人和镇" in tables[0].splitlines()[2]


def test_the_docs_font_draws_chinese_and_a_missing_glyph_is_caught() -> None:
    """The notebook relies on two things: the vendored font has the glyphs of GB 2312, and a
    character it lacks makes matplotlib warn (which the docs build turns into an error)."""
    matplotlib = pytest.importorskip(
        "matplotlib", reason="the docs tools (requirements/docs.txt, installed by scripts/dev.py)"
    )
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    os.environ.setdefault("MPLBACKEND", "Agg")
    font_manager.fontManager.addfont(str(FONT))
    with plt.rc_context({"font.family": ["Fulian Docs Sans SC", "DejaVu Sans"]}):
        figure, axes = plt.subplots()
        try:
            axes.set_title("人和镇各村庭院等级：精品户、示范户、清洁户（达标率 89.99%）")
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                figure.canvas.draw()
            axes.set_title("𬌗")  # an extension-B character (a rare one used in names), not in GB 2312
            with pytest.warns(UserWarning, match="missing from font"):
                figure.canvas.draw()
        finally:
            plt.close(figure)
