"""The floors of the house hold: import-linter checks the contracts in pyproject.toml (README,
"How it is laid out"), so a new import that points up a floor, or a circle between apps, fails."""

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_import_contracts_are_kept(capsys):
    status = lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert status == 0, report[-4000:]
    assert "2 kept, 0 broken" in report
