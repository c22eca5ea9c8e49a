"""The README stays true: its test command is what CI runs, and it documents every tab and flag."""

import re

from helpers import ROOT

from explorer.cli import build_parser
from explorer.registry import TOPICS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", README)


def test_exactly_two_setup_commands_and_ci_runs_the_test_one():
    run, test = readme_commands()[:2]
    assert "spaces-explorer" in run and "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert ci[-1] == test


def test_every_tab_and_flag_is_documented():
    for topic in TOPICS:
        assert f"`{topic.id}`" in README and topic.post_url in README
    for action in build_parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert flag in README, f"{flag} is not in the README"
