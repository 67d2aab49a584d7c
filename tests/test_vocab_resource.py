"""The shipped data·inclusion labels are exactly the installed schema package's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from spro_desk import vocab
from spro_desk.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from build_vocab import render, vocabularies  # noqa: E402


def test_shipped_vocabularies_match_the_installed_schema() -> None:
    shipped = resource_path(*vocab.DATA_INCLUSION_VOCAB).read_text(encoding="utf-8")
    assert shipped == render(vocabularies()), "run: python tools/build_vocab.py"


def test_vocab_answers_from_the_resource() -> None:
    from data_inclusion.schema import v1 as di

    assert (
        vocab.thematiques()["famille--garde-denfants"]
        == di.Thematique("famille--garde-denfants").label
    )
    assert set(vocab.publics()) == {p.value for p in di.Public}
    assert vocab.is_need("famille") and not vocab.is_need("famille--inconnue")
    assert len(json.loads(resource_path(*vocab.DATA_INCLUSION_VOCAB).read_text())) == 6
