"""The house's one rule between apps: `home` is the root and imports neither section app;
`hub` and `reopening` build on `home` and never on each other. What a section adds to the
site comes through the hooks named in `home/extensions.py`.

Every import statement counts, at module level or inside a function (where a cycle would
otherwise hide). Migrations are left out: they record the paths of their own app's blocks.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {"hub", "reopening"}
# Which top-level packages each app may not import.
FORBIDDEN = {"home": SECTIONS, "hub": {"reopening"}, "reopening": {"hub"}}


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


def imported(path):
    """The top-level package of every absolute import in the file, with its line."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_no_app_imports_the_apps_built_on_it(app):
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {package}"
        for path in modules(app)
        for package, line in imported(path)
        if package in FORBIDDEN[app]
    ]
    assert found == []


def test_the_check_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from hub.models import Topic\n    import reopening.views\n")
    assert list(imported(sample)) == [("hub", 2), ("reopening", 3)]


def test_every_app_is_checked():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps == set(FORBIDDEN)
