"""The README's worked example runs and prints what docs/examples/worked_example.out shows."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def test_worked_example_output(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("worked_example", EXAMPLES / "worked_example.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["worked_example"] = module
    try:
        spec.loader.exec_module(module)
        module.main()
    finally:
        del sys.modules["worked_example"]
    expected = (EXAMPLES / "worked_example.out").read_text(encoding="utf-8")
    assert capsys.readouterr().out == expected
