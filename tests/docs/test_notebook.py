"""The planning notebook runs top to bottom on its generated data, and its charts are legible."""

from __future__ import annotations

import json
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


CHARTS = ROOT / "docs" / "chinese-charts.md"


def _route() -> str:
    """The code of docs/chinese-charts.md that finds a Chinese font and sets matplotlib to it."""
    blocks = CHARTS.read_text(encoding="utf-8").split("```python\n")[1:]
    (route,) = [block.split("```", 1)[0] for block in blocks if "CHINESE_FAMILIES = [" in block]
    return "".join(line[4:] + "\n" for line in route.splitlines() if line.startswith((">>> ", "... ")))


def test_the_notebook_takes_the_route_of_the_charts_page() -> None:
    notebook = (NOTEBOOKS / "planning.ipynb").read_text(encoding="utf-8")
    cells = ["".join(cell["source"]) for cell in json.loads(notebook)["cells"] if cell["cell_type"] == "code"]
    lines = {line.strip() for line in cells[0].splitlines()}
    # Every statement but the imports and the condition: the notebook falls back instead.
    taken = [
        line.strip()
        for line in _route().splitlines()
        if line.strip() and not line.startswith(("import ", "from ", "if chinese is not None:"))
    ]
    assert len(taken) == 14
    assert [line for line in taken if line not in lines] == []


@pytest.mark.parametrize(
    ("installed", "first"), [(["DejaVu Sans", "PingFang SC", "SimHei"], "PingFang SC"), (["DejaVu Sans"], None)]
)
def test_the_route_picks_the_first_installed_chinese_font(
    installed: list[str], first: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    matplotlib = pytest.importorskip(
        "matplotlib", reason="the docs tools (requirements/docs.txt, installed by scripts/dev.py)"
    )
    from matplotlib import font_manager

    fonts = [font_manager.FontEntry(fname=f"/fonts/{name}.otf", name=name) for name in installed]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", fonts)
    with matplotlib.rc_context():
        before = list(matplotlib.rcParams["font.sans-serif"])
        namespace: dict[str, object] = {}
        exec(_route(), namespace)  # noqa: S102 - the docs page's own example
        assert namespace["chinese"] == first
        if first is None:
            assert matplotlib.rcParams["font.sans-serif"] == before
        else:
            assert matplotlib.rcParams["font.sans-serif"] == [first, *before]
            assert matplotlib.rcParams["font.family"] == ["sans-serif"]
            assert matplotlib.rcParams["axes.unicode_minus"] is False
