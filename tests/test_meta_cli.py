"""`evidence-review pool` end to end (subprocess) on the pinned metafor reference CSVs (tests/data/metafor),
against metafor's numbers."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from metafor_reference import PINNED_CASES

CASES_DIR = PINNED_CASES
CASES = sorted(p.stem for p in CASES_DIR.glob("*.json"))


def run_pool(*args: str) -> subprocess.CompletedProcess:
    """The real command in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "evidence_review.cli", "pool", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def run_pool_here(capsys, *args: str) -> subprocess.CompletedProcess:
    """The same command line through evidence_review.cli.main in this process (no interpreter start-up)."""
    from evidence_review.cli import main

    code = main(["pool", *map(str, args)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


SUBPROCESS_CASES = {"nielweise2007_OR", "pritz1997_PFT", "riley2003_HR"}  # the rest run in-process


def close(a, b, rtol, atol=1e-12):
    if b is None:
        return a is None
    return a is not None and abs(a - b) <= rtol * abs(b) + atol


def check(out: dict, ref: dict, rtol: float, pairs: dict, atol: float = 1e-12):
    bad = {k: (out_val, ref.get(r)) for k, r in pairs.items()
           if not close(out_val := out.get(k), ref.get(r), rtol, atol)}
    assert not bad, bad


FIT = {"estimate": "estimate", "se": "se", "stat": "zval", "p": "pval", "ci_low": "ci.lb", "ci_high": "ci.ub",
       "tau2": "tau2", "i2": "I2", "h2": "H2", "q": "QE", "q_df": "QE.df", "q_p": "QEp"}
PRED = {"pi_low": "pi.lb", "pi_high": "pi.ub"}
TRANSF = {"estimate": "pred", "ci_low": "ci.lb", "ci_high": "ci.ub", "pi_low": "pi.lb", "pi_high": "pi.ub"}
MH = {"estimate": "estimate", "se": "se", "ci_low": "ci.lb", "ci_high": "ci.ub", "q": "QE", "q_p": "QEp"}


@pytest.mark.parametrize("case", CASES)
def test_pool_json_matches_metafor_dl(case, capsys):
    """DL is closed form, so every block (egger, trimfill, leave1out, MH, Peto) must agree to 1e-9."""
    ref = json.loads((CASES_DIR / f"{case}.json").read_text())
    args = (CASES_DIR / ref["data_file"], "--measure", ref["measure"], "--method", "DL", "--json")
    proc = run_pool(*args) if case in SUBPROCESS_CASES else run_pool_here(capsys, *args)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    m = ref["models"]["DL"]
    assert out["k"] == ref["k"] and out["method"] == "DL" and out["test"] == "z"
    check(out, m["fit"], 1e-9, FIT)
    check(out, m["predict"], 1e-9, PRED)
    ci = m["confint_tight"]
    check(out, {"lo": ci["tau2"]["ci.lb"], "hi": ci["tau2"]["ci.ub"], "ilo": ci["I2"]["ci.lb"],
                "ihi": ci["I2"]["ci.ub"]}, 1e-6,
          {"tau2_ci_low": "lo", "tau2_ci_high": "hi", "i2_ci_low": "ilo", "i2_ci_high": "ihi"})
    if ref["measure"] in ("OR", "RR", "IRR", "HR"):
        check(out["exp"], m["predict_transf"], 1e-9, TRANSF)
    else:
        assert out["exp"] is None
    if ref["back_transform"]:
        check(out["transf"], m["predict_transf"], 1e-9, TRANSF)
    check(out["egger"], m["regtest"], 1e-9, {"stat": "zval", "p": "pval"})
    check(out["egger_lm"], ref["egger_lm"], 1e-9, {"stat": "zval", "p": "pval"})
    tf = m["trimfill"]
    assert out["trimfill"]["k0"] == tf["k0"] and out["trimfill"]["side"] == tf["side"]
    check(out["trimfill"], tf, 1e-9, {"estimate": "estimate", "ci_low": "ci.lb", "ci_high": "ci.ub"})
    l1o = m["leave1out"]
    assert [r["study"] for r in out["leave1out"]] == l1o["study"]
    for i, row in enumerate(out["leave1out"]):
        check(row, {k: l1o[k][i] for k in ("estimate", "ci.lb", "ci.ub", "tau2", "I2")}, 1e-9,
              {"estimate": "estimate", "ci_low": "ci.lb", "ci_high": "ci.ub", "tau2": "tau2", "i2": "I2"})
    for block in ("mh", "peto"):
        if ref.get(block):
            check(out[block], ref[block], 1e-9, MH)
        else:
            assert out[block] is None


def check_diagnostics(out: dict, m: dict, rtol: float):
    """pool --json's egger, trimfill and leave1out blocks against metafor's regtest(fit), trimfill(fit),
    leave1out(fit)."""
    check(out["egger"], m["regtest"], rtol, {"stat": "zval", "p": "pval", "est": "est", "ci_low": "ci.lb",
                                              "ci_high": "ci.ub", "tau2": "tau2", "slope": "slope"})
    tf = m["trimfill"]
    assert out["trimfill"]["k0"] == tf["k0"] and out["trimfill"]["side"] == tf["side"]
    check(out["trimfill"], tf, rtol, {"estimate": "estimate", "se": "se", "p": "pval", "ci_low": "ci.lb",
                                      "ci_high": "ci.ub", "tau2": "tau2"})
    assert out["trimfill"]["filled_yi"] == pytest.approx(tf["filled_yi"], rel=rtol, abs=1e-12)
    l1o = m["leave1out"]
    for i, row in enumerate(out["leave1out"]):
        # metafor gives no tau² column for an EE model's leave-one-out (null); the engine's rows then hold None
        check(row, {k: None if l1o[k] is None else l1o[k][i]
                    for k in ("estimate", "se", "pval", "ci.lb", "ci.ub", "tau2", "Q")}, rtol,
              {"estimate": "estimate", "se": "se", "p": "pval", "ci_low": "ci.lb", "ci_high": "ci.ub",
               "tau2": "tau2", "q": "Q"})
        # I² in percent: its absolute floor is 100 times tau²'s (a creeping ML fit stops at tau² ~ 1e-6)
        check(row, {"I2": l1o["I2"][i]}, rtol, {"i2": "I2"}, atol=1e-10)


@pytest.mark.parametrize("method", ["REML", "ML", "PM", "EB"])
@pytest.mark.parametrize("case", ["nielweise2007_RD", "pritz1997_PR", "normand1999_MD", "diag_bcg_RD",
                                  "diag_gibson2002_MD", "diag_gibson2002_RD"])
def test_pool_json_diagnostics_refit_as_metafor_does(case, method, capsys):
    """Iterative estimators: the pooled fit is the exact optimum (checked against metafor's tight refits), but
    metafor's diagnostics refit with its default stopping rules; on the RD scale (tau² ~ 1e-4) the exact refits
    differ from them by up to 1e-1, so pool repeats metafor's iteration for every diagnostic refit."""
    ref = json.loads((CASES_DIR / f"{case}.json").read_text())
    proc = run_pool_here(capsys, CASES_DIR / ref["data_file"], "--measure", ref["measure"], "--method", method,
                         "--json")
    assert proc.returncode == 0, proc.stderr
    check_diagnostics(json.loads(proc.stdout), ref["models"][method], 1e-9)


@pytest.mark.parametrize("case", ["normand1999_SMD", "riley2003_HR", "pritz1997_PLO"])
@pytest.mark.parametrize("test", ["z", "knha"])
def test_pool_json_reml_matches_tight_refit(case, test, capsys):
    ref = json.loads((CASES_DIR / f"{case}.json").read_text())
    proc = run_pool_here(capsys, CASES_DIR / ref["data_file"], "--measure", ref["measure"], "--test", test, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    tight = ref["models"]["REML"]["tight"]
    check(out, tight["fit"] if test == "z" else tight["knha"], 1e-7, FIT)
    if test == "z":
        check(out, tight["predict"], 1e-7, PRED)
    assert out["test"] == test


def test_pool_by_groups_gives_one_json_line_per_group(tmp_path):
    a = pd.read_csv(CASES_DIR / "normand1999_SMD.csv").assign(trial_set="all")
    b = pd.read_csv(CASES_DIR / "normand1999_orpington_SMD.csv").assign(trial_set="orpington")
    path = tmp_path / "two.csv"
    pd.concat([a, b]).drop(columns=["yi", "vi"]).to_csv(path, index=False)
    proc = run_pool(path, "--measure", "SMD", "--method", "DL", "--by", "trial_set", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["group"] for x in lines] == ["all", "orpington"]
    for line, case in zip(lines, ("normand1999_SMD", "normand1999_orpington_SMD")):
        ref = json.loads((CASES_DIR / f"{case}.json").read_text())["models"]["DL"]["fit"]
        check(line, ref, 1e-9, FIT)


def riley2003_hr_with_ci(tmp_path, encoding: str):
    """riley2003's HRs with their 95% CIs as a CSV: "ratio" all on the ratio scale, "log estimate, ratio CI" the
    estimate logged, "log" all three logged."""
    import numpy as np

    df = pd.read_csv(CASES_DIR / "riley2003_HR.csv")
    est, lo, hi = df["hr"], df["hr_ci_low"], df["hr_ci_high"]
    if encoding != "ratio":
        est = np.log(est)
    if encoding == "log":
        lo, hi = np.log(lo), np.log(hi)
    path = tmp_path / "hr.csv"
    pd.DataFrame({"study": df["study"], "yi": est, "ci_low": lo, "ci_high": hi}).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("encoding", ["ratio", "log estimate, ratio CI", "log"])
def test_pool_ratio_with_ci_columns(tmp_path, encoding, capsys):
    """HR given with its 95% CI (on either scale) gives back metafor's yi/vi, so the same pooled result."""
    path = riley2003_hr_with_ci(tmp_path, encoding)
    proc = run_pool_here(capsys, path, "--measure", "HR", "--method", "DL", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    ref = json.loads((CASES_DIR / "riley2003_HR.json").read_text())["models"]["DL"]["fit"]
    check(out, ref, 1e-8, FIT)


def test_pool_readable_summary():
    proc = run_pool(CASES_DIR / "nielweise2007_OR.csv", "--measure", "OR")
    assert proc.returncode == 0, proc.stderr
    assert "REML meta-analysis of 18 studies" in proc.stdout
    assert "MH:" in proc.stdout and "PETO:" in proc.stdout and "leave-one-out" in proc.stdout


@pytest.mark.parametrize("content,args,message", [  # in-process: same main() and ConfigError handling
    ("yi,vi\n0.1,0.02\n0.3,-0.01\n", ("--measure", "GEN"), "sampling variances must be positive"),
    ("yi,vi\n0.1,0.02\n", ("--measure", "XYZ"), "unknown --measure"),
    ("yi,vi\n0.1,0.02\n", ("--measure", "GEN", "--method", "FOO"), "unknown --method"),
    ("a,b\n1,2\n", ("--measure", "OR"), "needs yi,vi or ai,bi,ci,di"),
    ("yi,ci_low,ci_high\n0.8,0.9,1.2\n", ("--measure", "HR"), "does not contain its estimate"),
    ("yi,vi\n0.1,0.02\n", ("--measure", "GEN", "--by", "site"), "--by column"),
])
def test_pool_user_errors_are_one_line(tmp_path, content, args, message, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    proc = run_pool_here(capsys, path, *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_pool_missing_file_and_edge_sizes(tmp_path):
    proc = run_pool(tmp_path / "nope.csv", "--measure", "GEN")
    assert proc.returncode == 2 and "no such file" in proc.stderr
    one = tmp_path / "one.csv"
    one.write_text("study,yi,vi\nA,0.2,0.04\n")
    proc = run_pool(one, "--measure", "GEN", "--json", "--test", "knha")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["k"] == 1 and out["estimate"] == 0.2 and out["tau2"] is None and out["pi_low"] is None
    empty = tmp_path / "empty.csv"
    empty.write_text("study,yi,vi\nA,,\n")
    proc = run_pool(empty, "--measure", "GEN", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["k"] == 0 and out["estimate"] is None and any("no studies" in n for n in out["notes"])


def test_pft_without_ni_pools_without_back_transform(tmp_path, capsys):
    df = pd.read_csv(CASES_DIR / "pritz1997_PFT.csv")[["study", "yi", "vi"]]
    path = tmp_path / "pft.csv"
    df.to_csv(path, index=False)
    proc = run_pool_here(capsys, path, "--measure", "PFT", "--method", "DL", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["transf"] is None and any("back-transform" in n for n in out["notes"])
    ref = json.loads((CASES_DIR / "pritz1997_PFT.json").read_text())["models"]["DL"]["fit"]
    check(out, ref, 1e-9, FIT)


@pytest.mark.parametrize("name", ["FE", "CE", "EE"])
@pytest.mark.parametrize("case", ["diag_bcg_RR", "diag_bcg_flipped_RR"])
def test_equal_effects_under_any_of_metafors_names_gives_every_diagnostic(case, name, capsys):
    """metafor calls the equal-effects model EE, FE or CE; each name gives the EE fit and its trim-and-fill
    (dat.bcg: k0 = 4 on the right with group 1 vaccinated, on the left in the other orientation), regtest and
    leave-one-out, in the engine and in `pool`."""
    ref = json.loads((CASES_DIR / f"{case}.json").read_text())
    m = ref["models"]["EE"]
    df = pd.read_csv(CASES_DIR / ref["data_file"])
    from evidence_review.meta import trimfill

    tf = trimfill(df["yi"], df["vi"], method=name)
    assert (tf["k0"], tf["side"]) == (m["trimfill"]["k0"], m["trimfill"]["side"])
    assert tf["estimate"] == pytest.approx(m["trimfill"]["estimate"], rel=1e-9)
    proc = run_pool_here(capsys, CASES_DIR / ref["data_file"], "--measure", "RR", "--method", name, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["method"] == "EE"
    check(out, m["fit"], 1e-9, FIT)
    check_diagnostics(out, m, 1e-9)


@pytest.mark.parametrize("test,pi_type", [("adhoc", "default"), ("adhoc", "t"), ("z", "t"), ("knha", "riley")])
def test_pool_adhoc_and_prediction_interval_types_match_metafor(test, pi_type, capsys):
    """`--test adhoc` and `--pi-type t|riley` give metafor's rma(test=) and predict(pi.type=) (DL, k = 3)."""
    ref = json.loads((CASES_DIR.parent / "intervals.json").read_text())["cases"]["normand1999_orpington_SMD"]
    want = next(r for r in ref if (r["method"], r["test"], r["pi_type"]) == ("DL", test, pi_type))
    proc = run_pool_here(capsys, CASES_DIR / "normand1999_orpington_SMD.csv", "--measure", "SMD", "--method", "DL",
                         "--test", test, "--pi-type", pi_type, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["test"] == test
    check(out, want, 1e-9, {"estimate": "estimate", "se": "se", "p": "pval", "ci_low": "ci.lb", "ci_high": "ci.ub",
                            "pi_low": "pi.lb", "pi_high": "pi.ub"})


def test_pool_says_on_stderr_which_scale_yi_was_read_on(tmp_path):
    """The real command: the scale sentence goes to stderr, also with --json, so stdout stays one JSON object."""
    path = tmp_path / "hr.csv"
    path.write_text("study,yi,vi\nJeong 2016,0.599,0.0722\nZhou 2025,1.256,0.2984\nKim 2021,0.799,0.1337\n")
    proc = run_pool(path, "--measure", "HR", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["k"] == 3  # stdout is the JSON alone
    assert proc.stderr.strip() == "yi read on the log scale (ratio measure HR)"
    proc = run_pool(path, "--measure", "MD")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "yi read on the raw scale (measure MD)"
    assert "yi read" not in proc.stdout


@pytest.mark.parametrize("encoding,sentence", [
    ("ratio", "yi, ci_low and ci_high read on the ratio scale (HR); logged before pooling"),
    ("log estimate, ratio CI", "yi read on the log scale, ci_low and ci_high on the ratio scale (HR)"),
    ("log", "yi, ci_low and ci_high read on the log scale (HR)"),
])
def test_pool_names_the_reading_of_ci_columns(tmp_path, encoding, sentence, capsys):
    path = riley2003_hr_with_ci(tmp_path, encoding)
    proc = run_pool_here(capsys, path, "--measure", "HR", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == sentence
    json.loads(proc.stdout)


def test_pool_by_group_names_the_scale_per_group(tmp_path, capsys):
    path = tmp_path / "counts.csv"  # BCG trials' 2x2 counts (metafor's dat.bcg, first four)
    path.write_text("study,site,ai,bi,ci,di\nAronson 1948,north,4,119,11,128\nFerguson 1949,north,6,300,29,274\n"
                    "Rosenthal 1960,south,3,228,11,209\nHart 1977,south,62,13536,248,12619\n")
    proc = run_pool_here(capsys, path, "--measure", "RR", "--by", "site", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"group site={site}: yi computed from ai, bi, ci, di on the log scale (ratio measure RR)"
        for site in ("north", "south")]
    assert [json.loads(x)["group"] for x in proc.stdout.splitlines()] == ["north", "south"]
