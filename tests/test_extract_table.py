"""The public interface: contract columns, skipped documents, evidence offsets, stable ids, CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from evidence_review import cli
from evidence_review.extract import extract_estimates, load_drug_lexicon
from evidence_review.tables import ESTIMATE_COLUMNS

TEXT_A = ("Background: NMOSD relapses are disabling.\nResults: Risk of relapse was lower with RTX than AZA "
          "(HR = 0.25, 95% CI 0.10-0.60; p = 0.002). Relapses occurred in 12 of 40 patients (30%) on AZA.")
TEXT_B = "Myasthenia gravis: efgartigimod responders were 68% (34/50) versus 30% (15/50) on placebo."


def docs(**overrides) -> pd.DataFrame:
    rows = [
        dict(doc_id="a1", source_file="a.txt", status="ok", duplicate_of="", condition="NMOSD"),
        dict(doc_id="b2", source_file="b.txt", status="ok", duplicate_of="", condition=""),
    ]
    for r in rows:
        r.update(overrides.get(r["doc_id"], {}))
    return pd.DataFrame(rows)


def test_columns_in_contract_order_and_evidence_offsets():
    table = extract_estimates(docs(), {"a1": TEXT_A, "b2": TEXT_B})
    assert list(table.columns[:len(ESTIMATE_COLUMNS)]) == ESTIMATE_COLUMNS
    assert len(table) == 4
    texts = {"a1": TEXT_A, "b2": TEXT_B}
    for row in table.to_dict("records"):
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["evidence"]
        assert pd.isna(row["decision"])
    assert set(table["source_file"]) == {"a.txt", "b.txt"}
    assert table.loc[table["doc_id"] == "a1", "condition"].unique().tolist() == ["NMOSD"]
    assert table.loc[table["doc_id"] == "b2", "condition"].unique().tolist() == ["myasthenia gravis"]


def test_skipped_and_duplicate_documents_are_not_extracted():
    table = extract_estimates(docs(a1={"status": "skipped"}, b2={"duplicate_of": "a1"}), {"a1": TEXT_A, "b2": TEXT_B})
    assert len(table) == 0
    assert list(table.columns[:len(ESTIMATE_COLUMNS)]) == ESTIMATE_COLUMNS


def test_ids_are_stable_and_independent_of_other_documents():
    both = extract_estimates(docs(), {"a1": TEXT_A, "b2": TEXT_B})
    again = extract_estimates(docs(), {"a1": TEXT_A, "b2": TEXT_B})
    alone = extract_estimates(docs().iloc[:1], {"a1": TEXT_A})
    assert both["estimate_id"].tolist() == again["estimate_id"].tolist()
    assert set(alone["estimate_id"]) == set(both.loc[both["doc_id"] == "a1", "estimate_id"])
    assert both["estimate_id"].is_unique
    # text added before a sentence moves its offsets but not its ids
    shifted = extract_estimates(docs().iloc[:1], {"a1": "Title line.\n" + TEXT_A})
    assert set(shifted["estimate_id"]) == set(alone["estimate_id"])
    assert (shifted["start"].to_numpy() - alone["start"].to_numpy() == len("Title line.\n")).all()


def test_lexicon_loader_has_canonical_and_class():
    lexicon = load_drug_lexicon()
    classes = dict(zip(lexicon["canonical"], lexicon["class"]))
    assert classes["rituximab"] == "anti-CD20"
    assert classes["satralizumab"] == classes["tocilizumab"] == "IL-6 receptor"
    assert classes["eculizumab"] == classes["ravulizumab"] == "complement C5"
    assert lexicon["canonical"].is_unique


def test_command_line_writes_csv_and_jsonl(tmp_path: Path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (raw / "b.txt").write_text(TEXT_B, encoding="utf-8")
    for suffix in (".csv", ".jsonl"):
        out = tmp_path / f"estimates{suffix}"
        assert cli.main(["extract", str(raw), "--out", str(out)]) == 0
        if suffix == ".csv":
            table = pd.read_csv(out)
            assert sorted(table["measure"]) == ["HR", "PROPORTION", "PROPORTION", "PROPORTION"]
        else:
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            assert {r["source_file"] for r in rows} == {"a.txt", "b.txt"}
    assert cli.main(["extract", str(raw), "--out", str(tmp_path / "x.txt")]) == 2
    assert "--out" in capsys.readouterr().err


def test_sentence_condition_overrides_the_documents_when_several_are_named():
    text = ("Neuromyelitis optica and MOGAD cohorts. In NMOSD, 12 of 40 patients (30%) relapsed on rituximab. "
            "In MOGAD, 8 of 20 patients (40%) relapsed on rituximab. Overall, 20 of 60 (33.3%) relapsed.")
    table = extract_estimates(pd.DataFrame([dict(doc_id="m", source_file="m.txt", status="ok", duplicate_of="",
                                                 condition="NMOSD")]), {"m": text})
    assert table["condition"].tolist() == ["NMOSD", "MOGAD", "NMOSD"]


def test_subgroup_named_after_an_outcome_word_is_not_the_outcome():
    from evidence_review.extract import extract_document
    text = ("A greater proportion achieved a PERR with belimumab versus placebo in the newly diagnosed "
            "{69/148 [46.6%] versus 55/148 [37.2%]; OR 1.36 [95% CI 0.85-2.20]} and relapsed "
            "[27/75 (36.0%) versus 17/75 (22.7%); OR 2.31 (95% CI 1.07-5.01)] subgroups.")
    rows = extract_document("doc", text)
    assert {r["outcome"] for r in rows} == {"primary efficacy renal response"}
    assert [r["intervention"] for r in rows if r["measure"] == "PROPORTION"] == ["belimumab", "placebo"] * 2
