"""A small lexicon written for each test, so tests do not hang on the shipped wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import reports

SMALL_LEXICON = '''
version = 1
[categories.labels]
name = "Labels that reduce a person"
description = "Words that make a person a category."
[categories.blame]
name = "Blame or deficit words"
description = "Words that put the whole problem in the person."
[spelling]
behaviour = ["behavior"]
[[rule]]
id = "service-user"
category = "labels"
phrases = ["service user+"]
why = "It makes a person a user of services."
alternatives = ["the person I support", "<their name>"]
source = "test"
[[rule]]
id = "case"
category = "labels"
phrases = ["case", "cases", "case-load+"]
exceptions = ["in case", "in any case"]
why = "A person is not a case."
alternatives = ["the person"]
source = "test"
[[rule]]
id = "non-compliant"
category = "blame"
phrases = ["non-compliant", "non-compliance"]
why = "It puts all the problem in the person."
alternatives = ["chose not to", "said no to"]
source = "test"
[[rule]]
id = "challenging-behaviour"
category = "blame"
phrases = ["challenging behaviour+"]
why = "Behaviour is how a person tells us something."
alternatives = ["distressed", "behaviour that challenges us"]
source = "test"
'''


@pytest.fixture
def lexicon_file(tmp_path: Path) -> Path:
    """A four-rule lexicon in a temporary file."""
    path = tmp_path / "lexicon.toml"
    path.write_text(SMALL_LEXICON, encoding="utf-8")
    return path


# the lens's precision and recall on the labelled sentences, printed after the run
SCORES = reports.section("language lens on the labelled sentences")
