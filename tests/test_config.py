"""Per-repository configuration: discovery, keys, validation messages and precedence."""
from __future__ import annotations

import pytest

from goescape.linter.config.file import ConfigError, find_config, load_config
from goescape.linter.registry.registry import build_registry

ESCAPING = """type T struct{ n int }

func New() *T {
	t := T{}
	return &t
}

func make2() *T {
	t := T{}
	return &t
}
"""


def test_nearest_goescape_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.goescape]\nfail-on = 'error'\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".goescape.toml").write_text("fail-on = 'note'\n")
    assert find_config(tmp_path / "sub") == tmp_path / "sub" / ".goescape.toml"
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def test_pyproject_without_our_table_is_skipped(tmp_path):
    (tmp_path / ".goescape.toml").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert find_config(tmp_path / "sub") == tmp_path / ".goescape.toml"


def test_config_is_found_from_the_linted_paths(cli, gofile, tmp_path):
    gofile("pkg/a.go", ESCAPING)
    (tmp_path / ".goescape.toml").write_text("ignore = ['ESC101']\n")
    elsewhere = tmp_path.parent
    result = cli("check", str(tmp_path / "pkg"), cwd=elsewhere)
    assert (result.status, result.stdout) == (0, "")


def test_flags_override_the_file(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    (tmp_path / ".goescape.toml").write_text("fail-on = 'error'\n")
    assert cli("check", cwd=tmp_path).status == 0
    assert cli("check", "--fail-on", "warning", cwd=tmp_path).status == 1


def test_explicit_config_flag(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    custom = tmp_path / "custom.toml"
    custom.write_text("[severity]\naddress-return = 'error'\n")
    assert "[error]" in cli("check", "--config", str(custom), cwd=tmp_path).stdout


def test_severity_table_and_prefixes(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    (tmp_path / ".goescape.toml").write_text("[severity]\nESC1 = 'note'\n")
    result = cli("check", "--fail-on", "warning", cwd=tmp_path)
    assert result.status == 0
    assert "[note]" in result.stdout


def test_exclude_and_per_file_ignores(cli, gofile, tmp_path):
    gofile("gen/a.go", ESCAPING)
    gofile("cmd/tool/b.go", ESCAPING)
    gofile("pkg/c.go", ESCAPING)
    (tmp_path / ".goescape.toml").write_text(
        "exclude = ['gen/**']\n[per-file-ignores]\n'cmd/**/*.go' = ['address-return']\n")
    result = cli("check", cwd=tmp_path)
    paths = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert paths == {"pkg/c.go"}


def test_rule_options(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    (tmp_path / ".goescape.toml").write_text("[rules.address-return]\nignore-functions = ['New*']\n")
    lines = cli("check", cwd=tmp_path).stdout.splitlines()
    assert [line.split(":")[1] for line in lines] == ["12"]  # make2 only


def test_pyproject_table(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    (tmp_path / "pyproject.toml").write_text("[tool.goescape]\nselect = ['ESC0']\n")
    assert cli("check", cwd=tmp_path).status == 0


@pytest.mark.parametrize("text, expected", [
    ("selct = ['ESC1']\n", "unknown key: selct (did you mean 'select'?)"),
    ("select = ['ESC1O1']\n", "unknown rule code or name: select = 'ESC1O1' (did you mean 'ESC101'?)"),
    ("ignore = 'adress-return'\n", "(did you mean 'address-return'?)"),
    ("fail-on = 'warn'\n", "expected one of note, warning, error, never: fail-on = 'warn' (did you mean 'warning'?)"),
    ("[severity]\nESC101 = 'loud'\n", "severity.ESC101 = 'loud'"),
    ("exclude = ['gen/[abc']\n", "bad glob (unclosed '[' in glob 'gen/[abc')"),
    ("include-generated = 'yes'\n", "expected true or false"),
    ("[rules.ESC101]\nignore-function = ['x']\n",
     "ESC101 has no such option: rules.ESC101.ignore-function (did you mean 'ignore-functions'?)"),
    ("[per-file-ignores]\n'*.go' = ['ESC999']\n", "unknown rule code or name"),
    ("select = [\n", "invalid TOML"),
])
def test_bad_configuration_names_file_key_and_spelling(tmp_path, text, expected):
    path = tmp_path / ".goescape.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as error:
        load_config(path, build_registry())
    assert str(error.value).startswith(str(path))
    assert expected in str(error.value)


def test_broken_config_exits_2_without_traceback(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    (tmp_path / ".goescape.toml").write_text("selct = 1\n")
    result = cli("check", cwd=tmp_path)
    assert result.status == 2
    assert result.stderr.startswith("goescape: error: ")
    assert ".goescape.toml: unknown key: selct (did you mean 'select'?)" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_explicit_config_exits_2(cli, tmp_path):
    result = cli("check", "--config", str(tmp_path / "none.toml"), cwd=tmp_path)
    assert result.status == 2
    assert "no such configuration file" in result.stderr
