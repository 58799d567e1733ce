"""The public API is on purpose: __all__ lists exactly the public names, each documented."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
import typing
from typing import TypeGuard

import pytest

import fulian_core


def is_class(value: object) -> TypeGuard[type]:
    # On Python 3.10 inspect.isclass(dict[str, int]) is True: a generic alias (a type alias
    # such as tabular.Record) is not a class.
    return inspect.isclass(value) and not isinstance(value, types.GenericAlias)


PUBLIC_MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(fulian_core.__path__, "fulian_core.")
    if not any(part.startswith("_") for part in name.split("."))
)


def _public_names(module: types.ModuleType) -> set[str]:
    names = set()
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, types.ModuleType):
            continue
        if getattr(value, "__module__", None) == "typing":
            continue  # typing's special forms (Any, Final) are classes only on newer Pythons
        if is_class(value) or inspect.isfunction(value):
            defined_here = value.__module__ == module.__name__
        else:
            defined_here = not isinstance(value, typing.TypeVar) and value is not typing.Final
        if defined_here or module.__name__.endswith(("fulian_core", "testing")):
            names.add(name)
    return names


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_lists_exactly_the_public_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    declared = set(module.__all__)
    assert len(declared) == len(module.__all__), "duplicates in __all__"
    assert all(hasattr(module, name) for name in declared)
    public = _public_names(module) - {"annotations", "__version__"}
    if hasattr(module, "__path__"):
        # A package re-exports what its modules define.
        assert public <= declared
    else:
        assert public == declared


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_public_object_has_a_docstring(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__doc__
    for name in module.__all__:
        value = getattr(module, name)
        if getattr(value, "__module__", None) == "typing":
            continue  # typing's special forms (Any, Final) are classes only on newer Pythons
        if is_class(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{module_name}.{name} has no docstring"
            if is_class(value):
                for attribute, member in vars(value).items():
                    if attribute.startswith("_") or not (
                        inspect.isfunction(member) or isinstance(member, (classmethod, property))
                    ):
                        continue
                    assert inspect.getdoc(member), f"{module_name}.{name}.{attribute} has no docstring"


# Names that stay in their module: helpers and data constants, not a newcomer's first needs.
STAY_IN_MODULE = {
    "join_path",
    "MIN_YEAR",
    "MAX_YEAR",
    "CN_2019",
    "CN_2020",
    "CN_2021",
    "CN_2022",
    "CN_2023",
    "CN_2024",
    "CN_2025",
    "CN_2026",
    "PAYLOADS",
    "MAX_BALLOTS_PER_DAY",
    "MAX_TEXT",
    "MAX_VALUE",
    "MAX_ITEMS",
}


def test_packages_reexport_their_modules() -> None:
    """The kernel is re-exported at the top; each capability package re-exports its modules."""
    for module_name in PUBLIC_MODULES:
        parts = module_name.split(".")
        if len(parts) < 2 or parts[1] == "testing" or parts[-1] in {"catalog", "guards"}:
            continue
        module = importlib.import_module(module_name)
        if hasattr(module, "__path__"):
            continue
        package = importlib.import_module(".".join(parts[:-1]))
        for name in module.__all__:
            assert name in STAY_IN_MODULE or name in package.__all__, f"{module_name}.{name} is not re-exported"


def test_docstrings_carry_the_chinese_term() -> None:
    for name in fulian_core.__all__:
        value = getattr(fulian_core, name)
        if (
            is_class(value)
            and issubclass(value, fulian_core.FulianError | object)
            and value.__module__.startswith("fulian_core")
        ):
            doc = inspect.getdoc(value) or ""
            if name not in ("Fault",):
                assert any("\u4e00" <= ch <= "\u9fff" for ch in doc), f"{name} docstring has no Chinese term"
