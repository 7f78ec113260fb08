"""Each export loads in the tool its users open it with."""
import json

import duckdb
import networkx as nx
import pandas as pd

from diplograph.analysis.exports import GDELT_COLUMNS, export
from diplograph.store.duck import open_reader

from ..store.corpus_helpers import corpus


def test_gdelt_tsv_has_61_columns_in_gdelt_order(tmp_path):
    path, _ = corpus(tmp_path)
    out = tmp_path / "events.tsv"
    n = export(open_reader(path), "gdelt", out)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype={"EventCode": str, "EventRootCode": str,
                                                                               "EventBaseCode": str})
    assert len(GDELT_COLUMNS) == 61 and df.shape == (n, 61) and n > 0
    assert df["GLOBALEVENTID"].is_unique
    meet = df[(df.Actor1Name == "VLADIMIR PUTIN") & (df.Actor2Name == "NURSULTAN NAZARBAYEV")].sort_values("SQLDATE")
    row = meet.iloc[0]
    assert row.SQLDATE == 20231120 and row.MonthYear == 202311 and row.Year == 2023
    assert row.Actor1Code == "RUSGOV" and row.Actor1CountryCode == "RUS" and row.Actor1Type1Code == "GOV"
    assert row.EventRootCode == "04" and row.QuadClass == 1 and row.NumMentions == 3 and row.NumSources == 2
    assert row.SOURCEURL.startswith("https://")
    assert "'THE VOICE' PARTY" in set(df.Actor1Name)  # quotes and tabs cannot break a row
    rel = duckdb.sql(f"SELECT * FROM read_csv('{out}', delim='\t', header=false)")
    assert len(rel.columns) == 61 and rel.shape[0] == n


def test_parquet_one_row_per_event_unique_id(tmp_path):
    path, _ = corpus(tmp_path)
    out = tmp_path / "events.parquet"
    n = export(open_reader(path), "parquet", out)
    df = pd.read_parquet(out)
    assert len(df) == n and df["id"].is_unique
    assert {"id", "date", "source_actor", "target_actor", "cameo", "goldstein", "modality", "mentions", "sources",
            "evidence_text"} <= set(df.columns)
    assert duckdb.sql(f"SELECT count(DISTINCT id) FROM '{out}'").fetchall()[0][0] == n


def test_plover_jsonl_reads_as_json(tmp_path):
    path, _ = corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    export(open_reader(path), "plover", out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all({"id", "date", "event_type", "mode", "context", "actor", "recipient", "claim_status",
                         "evidence"} <= set(r) for r in rows)
    meet = next(r for r in rows if r["event_type"] == "CONSULT" and r["mentions"] == 3)
    assert [a["name"] for a in meet["actor"]] == ["Vladimir Putin"]
    assert len(meet["evidence"]) == 3 and all("text" in e for e in meet["evidence"])


def test_graphml_loads_in_networkx(tmp_path):
    path, _ = corpus(tmp_path)
    out = tmp_path / "net.graphml"
    export(open_reader(path), "graphml", out)
    g = nx.read_graphml(out)
    assert g.is_directed()
    assert g.nodes["vladimir-putin"]["code"] in ("RUSGOV",) and g.nodes["ukraine"]["name"] == "Ukraine"
    e = g.edges["russian-federation", "ukraine"]
    assert e["sign"] == -1 and e["events"] == 9 and e["weight"] == 9.0


def test_codes_outside_cameo_store_and_export_with_nulls(tmp_path):
    from diplograph.analysis.dyads import dyad, dyad_table

    from ..store.corpus_helpers import document, write

    path = tmp_path / "user.duckdb"
    write(path, [document("u1", "2024-02-01", [("Putin scolded Tokayev today.", "putin", "tokayev", "X42"),
                                              ("Putin met Tokayev today.", "putin", "tokayev", "040")])])
    con = open_reader(path)
    assert export(con, "gdelt", tmp_path / "g.tsv") == 2
    rows = [line.split("\t") for line in (tmp_path / "g.tsv").read_text().splitlines()]
    user = next(r for r in rows if r[GDELT_COLUMNS.index("EventCode")] == "X42")
    assert user[GDELT_COLUMNS.index("GoldsteinScale")] == "" and user[GDELT_COLUMNS.index("QuadClass")] == ""
    export(con, "plover", tmp_path / "p.jsonl")
    plover = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert any(r["cameo"] == "X42" and r["goldstein"] is None and r["event_type"] is None for r in plover)
    export(con, "parquet", tmp_path / "e.parquet")
    assert len(pd.read_parquet(tmp_path / "e.parquet")) == 2
    export(con, "graphml", tmp_path / "n.graphml")
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_edges() >= 1
    table = dyad_table(con)
    assert table and all(d["goldstein"] is not None for d in table)  # the known code's value only
    d = dyad(con, "vladimir-putin", "kassym-jomart-tokayev")
    assert d["a_to_b"]["events"] == 2 and d["a_to_b"]["goldstein"] == 1.0
