"""JSON, JSON Lines, and several JSON objects concatenated in one file followed by plain text
(the shape Semantic Scholar-style scrapers produce).

Depth is measured before parsing (strings removed, brackets counted with numpy), so a document nested
100,000 deep is refused with a reason instead of reaching Python's recursion limit; RecursionError is
caught as well, belt and braces.
"""
from __future__ import annotations

import json
import re

import numpy as np

from ..limits import MAX_JSON_DEPTH, MAX_RECORDS_PER_FILE
from ..markup import has_markup
from ..records import ReaderError, Record
from ..language import pick_english_title

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>]+")

TITLE_KEYS = ("title", "articletitle", "article_title", "titleen", "title_en", "englishtitle", "maintitle",
              "display_name", "papertitle")
OTHER_TITLE_KEYS = ("titlecn", "title_cn", "originaltitle", "original_title", "vernaculartitle", "translatedtitle")
ABSTRACT_KEYS = ("abstract", "abstracttext", "abstract_text", "abstracten", "abstract_en", "summary", "description")
BODY_KEYS = ("text", "body", "fulltext", "full_text", "content", "maintext")
AUTHOR_KEYS = ("authors", "author", "creators", "authorlist", "author_list", "authorships")
DOI_KEYS = ("doi",)
PMID_KEYS = ("pmid", "pubmedid", "pubmed_id", "pubmed")
YEAR_KEYS = ("year", "publicationyear", "publication_year", "pubyear", "py")
DATE_KEYS = ("publicationdate", "publication_date", "date", "pubdate", "published", "published-print",
             "published-online", "issued", "epubdate", "created", "coverdate")
JOURNAL_KEYS = ("journal", "venue", "periodicalname", "journalname", "journal_title", "container-title",
                "source", "publicationvenue")
TYPE_KEYS = ("publicationtypes", "publication_types", "publicationtype", "doctype", "document_type", "type", "pt")
LANGUAGE_KEYS = ("language", "lang")
RECORD_LIST_KEYS = ("records", "data", "results", "items", "papers", "articles", "documents", "hits", "docs")
ID_CONTAINER_KEYS = ("externalids", "external_ids", "ids", "identifiers")


def _bracket_depth(text: str) -> int:
    """Maximum nesting of brackets counting those inside strings too (an upper bound); numpy, linear."""
    raw = np.frombuffer(text.encode("utf-8", "replace"), dtype=np.uint8)
    steps = (raw == ord("[")).astype(np.int32) + (raw == ord("{"))
    steps -= (raw == ord("]")).astype(np.int32) + (raw == ord("}"))
    return int(np.cumsum(steps).max(initial=0))


def _string_aware_depth(text: str) -> int:
    """Exact nesting outside string literals: a plain state machine, linear whatever the quoting."""
    depth = best = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth -= 1
    return best


def json_depth(text: str) -> int:
    """Maximum bracket nesting outside string literals, in linear time. The fast upper bound settles almost
    every file; only a file that looks too deep is scanned exactly (brackets inside strings do not count)."""
    bound = _bracket_depth(text)
    return bound if bound <= MAX_JSON_DEPTH else _string_aware_depth(text)


def looks_like_json(text: str) -> bool:
    head = text.lstrip()[:1]
    return head in ("{", "[")


def _lower_keys(obj: dict) -> dict:
    return {str(k).lower(): v for k, v in obj.items()}


def _as_text(value) -> str:
    """A text field whatever type the exporter used; wrong types (numbers, objects) count as absent."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(v.strip() for v in value)
    return ""


def _language_variants(value) -> list[str]:
    """A text field, or each string of a {language: text} object (multilingual exports)."""
    if isinstance(value, dict):
        return [v.strip() for v in value.values() if isinstance(v, str) and v.strip()]
    text = _as_text(value)
    return [text] if text else []


def _english_variant(value) -> str:
    """From a {language: text} object: the English text, else the first one."""
    if not isinstance(value, dict):
        return ""
    d = _lower_keys(value)
    for key in ("en", "eng", "english"):
        if isinstance(d.get(key), str) and d[key].strip():
            return d[key].strip()
    variants = _language_variants(value)
    return variants[0] if variants else ""


def _as_id(value) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return ""


def _first(obj: dict, keys) -> object:
    for k in keys:
        if k in obj and obj[k] not in (None, "", [], {}):
            return obj[k]
    return None


def _authors(value) -> str:
    if isinstance(value, str):
        items = [a.strip() for a in value.split(",") if a.strip()]
        # "Jing Zhou, Xiaolin Yang, ..." (given-name-first, comma separated) -> "; " separated
        if ";" not in value and len(items) > 1 and all(" " in a for a in items):
            return "; ".join(items)
        return value.strip()
    if not isinstance(value, list):
        return ""
    names = []
    for item in value[:2000]:
        if isinstance(item, str):
            names.append(item.strip())
        elif isinstance(item, dict):
            d = _lower_keys(item)
            if isinstance(d.get("author"), dict):
                d = _lower_keys(d["author"])
            name = _as_text(d.get("name") or d.get("full_name") or d.get("fullname") or d.get("display_name"))
            if not name:
                given = _as_text(d.get("given") or d.get("first") or d.get("forename") or d.get("firstname"))
                family = _as_text(d.get("family") or d.get("last") or d.get("lastname") or d.get("surname"))
                name = " ".join(p for p in (given, family) if p)
            if name:
                names.append(name)
    return "; ".join(n for n in names if n)


def _journal(value) -> str:
    if isinstance(value, dict):
        d = _lower_keys(value)
        return _as_text(d.get("name") or d.get("title") or d.get("display_name"))
    if isinstance(value, list):
        return _as_text(value[0]) if value else ""
    return _as_text(value)


def _types(value) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in re.split(r"[;,|]", value) if t.strip()]
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def _nested_json_values(obj: dict) -> list[dict]:
    """String values that are themselves JSON objects (e.g. Semantic Scholar's `resultStr`)."""
    out = []
    for value in obj.values():
        if isinstance(value, str) and value.startswith("{") and value.endswith("}") and len(value) < 2_000_000:
            try:
                if json_depth(value) > MAX_JSON_DEPTH:
                    continue
                parsed = json.loads(value)
            except (ValueError, RecursionError):
                continue
            if isinstance(parsed, dict):
                out.append(parsed)
    return out


def _inverted_index_text(value) -> str:
    """OpenAlex's `abstract_inverted_index` ({word: [positions]}) back to running text."""
    if not isinstance(value, dict):
        return ""
    slots: dict[int, str] = {}
    for word, positions in value.items():
        if isinstance(positions, list):
            for pos in positions[:10_000]:
                if isinstance(pos, int) and 0 <= pos < 1_000_000:
                    slots[pos] = str(word)
    return " ".join(slots[i] for i in sorted(slots))


def _year_from_date(value) -> str:
    """A year from a date string or a Crossref date object ({"date-parts": [[2020, 5, 1]]})."""
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            value = str(parts[0][0])
        else:
            return ""
    m = _YEAR.search(value) if isinstance(value, str) else None
    return m.group(1) if m else ""


def _nested_venue(d: dict) -> str:
    """Journal names nested the OpenAlex way: primary_location.source.display_name, host_venue.display_name."""
    for key in ("primary_location", "host_venue", "best_oa_location"):
        loc = d.get(key)
        if isinstance(loc, dict):
            loc = _lower_keys(loc)
            src = loc.get("source")
            name = _journal(src) if isinstance(src, dict) else _journal(loc)
            if name:
                return name
    return ""


def record_from_object(obj: dict, index: int) -> Record:
    """One Record from a JSON object, reading nested JSON strings as a second source of the same fields."""
    sources = [_lower_keys(obj)] + [_lower_keys(n) for n in _nested_json_values(obj)]
    rec = Record(record=index)
    titles: list[str] = []
    abstracts: list[str] = []
    bodies: list[str] = []
    for d in sources:
        for k in TITLE_KEYS + OTHER_TITLE_KEYS:
            for t in _language_variants(d.get(k)):
                if t not in titles:
                    titles.append(t)
        a = (_as_text(_first(d, ABSTRACT_KEYS)) or _english_variant(_first(d, ABSTRACT_KEYS))
             or _inverted_index_text(d.get("abstract_inverted_index")))
        if a and a not in abstracts:
            abstracts.append(a)
        b = _as_text(_first(d, BODY_KEYS))
        if b and b not in bodies:
            bodies.append(b)
        rec.authors = rec.authors or _authors(_first(d, AUTHOR_KEYS))
        ids = {}
        for k in ID_CONTAINER_KEYS:
            if isinstance(d.get(k), dict):
                ids.update(_lower_keys(d[k]))
        rec.doi = rec.doi or _as_id(_first(d, DOI_KEYS)) or _as_id(ids.get("doi"))
        rec.pmid = rec.pmid or _as_id(_first(d, PMID_KEYS)) or _as_id(ids.get("pubmed") or ids.get("pmid"))
        if not rec.doi:
            for v in d.values():
                if isinstance(v, str) and "doi.org/" in v:
                    m = _DOI.search(v)
                    if m:
                        rec.doi = m.group(0)
                        break
        year = _as_id(_first(d, YEAR_KEYS))
        if not _YEAR.fullmatch(year or ""):
            year = _year_from_date(_first(d, DATE_KEYS))
        rec.year = rec.year or year
        rec.journal = rec.journal or _journal(_first(d, JOURNAL_KEYS)) or _nested_venue(d)
        rec.publication_types += [t for t in _types(_first(d, TYPE_KEYS)) if t not in rec.publication_types]
        rec.language = rec.language or _as_text(_first(d, LANGUAGE_KEYS))
    rec.title, rec.title_original = pick_english_title(titles)
    rec.title_candidates = titles
    parts = ([rec.title] if rec.title else []) + abstracts[:1] + bodies[:1]
    rec.body = "\n\n".join(parts)
    rec.body_has_markup = has_markup(rec.body)
    if not (abstracts or bodies or rec.title):
        rec.skip_reason = "JSON record has no title, abstract or text field (or they have the wrong type)"
    return rec


def _records_from_value(value, start: int) -> list[Record]:
    if isinstance(value, dict):
        d = _lower_keys(value)
        if isinstance(d.get("message"), (dict, list)) and not any(k in d for k in TITLE_KEYS):
            return _records_from_value(d["message"], start)  # Crossref's envelope
        if not any(k in d for k in TITLE_KEYS + ABSTRACT_KEYS):
            for k in RECORD_LIST_KEYS:
                if isinstance(d.get(k), list):
                    return _records_from_value(d[k], start)
        return [record_from_object(value, start)]
    if isinstance(value, list):
        out = []
        for i, item in enumerate(value[:MAX_RECORDS_PER_FILE]):
            if isinstance(item, dict):
                out.append(record_from_object(item, start + i))
            else:
                out.append(Record(record=start + i, skip_reason=f"JSON item {start + i} is a "
                                  f"{type(item).__name__}, not an object with title/abstract fields"))
        if len(value) > MAX_RECORDS_PER_FILE:
            out.append(Record(record=start + MAX_RECORDS_PER_FILE,
                              skip_reason=f"more than {MAX_RECORDS_PER_FILE} records in one file; the rest were not read"))
        return out
    raise ReaderError(f"JSON holds a single {type(value).__name__}, not records with title/abstract fields")


def read_json(text: str) -> list[Record]:
    """Records from JSON, concatenated JSON objects (+ trailing plain text), or JSON Lines."""
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ReaderError(f"JSON nested {depth} levels deep (limit {MAX_JSON_DEPTH}); refused")
    try:
        return _records_from_value(json.loads(text), 0)
    except RecursionError:
        raise ReaderError("JSON nested too deeply to parse") from None
    except json.JSONDecodeError:
        pass
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines[:5]):
        return read_json_lines(lines)
    return _read_concatenated(text)


def read_json_lines(lines: list[str]) -> list[Record]:
    out = []
    for i, line in enumerate(lines[:MAX_RECORDS_PER_FILE]):
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            out.append(Record(record=i, skip_reason=f"line {i + 1} is not valid JSON ({_short(exc)})"))
            continue
        if isinstance(value, dict):
            out.append(record_from_object(value, i))
        else:
            out.append(Record(record=i, skip_reason=f"line {i + 1} is a JSON {type(value).__name__}, not an object"))
    return out


def _short(exc: Exception) -> str:
    return str(exc).split(":")[0][:80]


def _read_concatenated(text: str) -> list[Record]:
    decoder = json.JSONDecoder()
    pos, values = 0, []
    error = None
    while pos < len(text) and len(values) < MAX_RECORDS_PER_FILE:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text) or text[pos] not in "{[":
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            error = exc
            break
        except RecursionError:
            raise ReaderError("JSON nested too deeply to parse") from None
        values.append(value)
    if not values:
        msg = _short(error) if error else "no JSON object found"
        raise ReaderError(f"truncated or invalid JSON ({msg})")
    records: list[Record] = []
    for value in values:
        records.extend(_records_from_value(value, len(records)))
    trailing = text[pos:].strip()
    if error is not None and trailing:
        # A later object is cut off: keep the complete ones, report the rest.
        records.append(Record(record=len(records), skip_reason=f"truncated JSON after record {len(records) - 1} ({_short(error)})"))
    elif trailing:
        # Plain text after the objects belongs to the (last) document: scrapers append the page text.
        last = records[-1]
        last.body = (last.body + "\n\n" + trailing) if last.body else trailing
        if last.skip_reason and last.body.strip():
            last.skip_reason = ""
    return records
