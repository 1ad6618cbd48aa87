"""Rules between fields, per kind, as data: a small vocabulary of rule kinds, each with its parameters and message.

`checks.py` interprets them on the checked values of a file (`apply`); `propose.js` interprets the same data,
written into the form's rules files
(`theme/js/propose-<kind>.<lang>.js`) by `contribute/rules.py`, on the values of the web form. Each rule names the
field it reports at (`at`, a path; a list means the first one given, else the last) and its message; `form` and
`form_at` say it in the form's words and beside the form's control where a file's words would not fit
("add timezone: …" means nothing to someone choosing from a list).

Two notions of presence, the same in both interpreters: a field is *given* when the file (or the form) has a
non-empty value for it, even a wrong one (its own error is reported; a rule does not add a second); a field
has a *value* when it passed its checks. Presence rules look at what is given, comparisons at values.

The vocabulary (paths are dotted, relative to the item of `each` when a rule applies to each item of a list):
- `order`: the value at `late` is not before the one at `early` (`compare: "day"`: datetimes as their day;
  `mixed`: the message when one has a time and the other not); message arguments `value` (late), `limit`.
- `zone_for_times`: a time in any of `times` needs `zone` given.
- `not_both`: `a` true and `b` given.
- `one_given`: at least one of `paths` given.
- `requires`: when `if` is true (or equals `equals`), `then` must be given.
- `exactly_one`: exactly one of `a` and `b` given.
- `more_than`: the value at `field` above `limit`.
- `not_future`: the date at `field` not after the build date.
- `total`: the value at `field` equals the sum of `of` over the items at `items`; when absent it is set to it.
- `sums_to`: the parts of `group`, all given, add up to `total`.
- `precision`: the amount at `amount` has no more decimals than its `currency` allows.
- `prefix`: the text at `field` starts with `prefix`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_precision

from .fieldtypes import value_text
from .frontmatter import FrontMatter, Path_, Problem, format_path
from .messages import Message, message, shown

#: Every msgid of this module (the browser data carries the translations of those it uses).
MESSAGES: set[str] = set()


def N_(text: str) -> str:  # noqa: N802 - the gettext marker pybabel extracts; it also records the msgid
    MESSAGES.add(text)
    return text


def rule(kind: str, **params: Any) -> dict:
    if kind not in KINDS:
        raise ValueError(f"content model: unknown cross-field rule {kind!r}")
    return {"rule": kind, **params}


_ZONE_FORM = N_("A time is given: choose the time zone.")

#: The rules of each content kind (kinds without rules have none).
RULES: dict[str, tuple[dict, ...]] = {}


def _rules() -> dict[str, tuple[dict, ...]]:
    return {
        "event": (
            rule("order", early="start", late="end", at="end",
                 message=N_("{value} is before the start ({limit}); fix one of them"),
                 form=N_("The end is before the start."),
                 mixed=N_("use the same form as \"start\": both dates, or both dates with times"),
                 form_mixed=N_("Give a time for both the start and the end, or for neither.")),
            rule("zone_for_times", times=["start", "end"], zone="timezone", at="start",
                 message=N_("has a time but the event has no \"timezone\"; add e.g. \"timezone: "
                            "Africa/Ouagadougou\""), form=_ZONE_FORM, form_at="timezone"),
            rule("not_both", a="free", b="price", at="free",
                 message=N_("an event cannot be free and have a price; remove one of them"),
                 form=N_("An event cannot be free and have a price: clear one of them.")),
            rule("one_given", paths=["location", "online"], at="location",
                 message=N_("say where the event takes place: give a \"location\" (venue, city, country) or an "
                            "\"online\" link, or both"),
                 form=N_("Say where the event takes place: give a venue, an online link, or both.")),
            rule("order", early="registration.deadline", late="start", compare="day", at="registration.deadline",
                 message=N_("the registration deadline is after the start"),
                 form=N_("The registration deadline is after the start.")),
        ),
        "project": (
            rule("requires", equals="seeking_funding", then="funding", at="status", form_at="funding",
                 message=N_("a project \"seeking_funding\" needs a \"funding\" group (currency and goal); add it or "
                            "change the status"),
                 form=N_("A project seeking funding needs its funding: at least the currency and the goal."),
                 **{"if": "status"}),
            rule("more_than", field="funding.goal", limit=0, at="funding.goal", message=N_("must be more than {limit}"),
                 form=N_("The goal must be more than {limit}.")),
            rule("order", early="funding.goal", late="funding.optimum", at="funding.optimum",
                 message=N_("{value} is below the minimum goal ({limit})"),
                 form=N_("The optimum must not be below the minimum goal.")),
            rule("exactly_one", each="funding.contributions", a="name", b="anonymous", at="",
                 message=N_("give either \"name\" or \"anonymous: true\", not both or neither")),
            rule("not_future", each="funding.contributions", field="date", at="date",
                 message=N_("{value} is after the build date ({today}); list a contribution once it is received")),
            rule("total", field="funding.raised", items="funding.contributions", of="amount", at="funding.raised",
                 message=N_("{value} differs from the sum of the contributions ({total}); fix one of them or remove "
                            "\"raised\" (it is then computed)")),
        ),
        "service": (
            rule("sums_to", group="revenue_split", parts=["consultant", "platform", "ess_fund"], total=100,
                 at="revenue_split", message=N_("the parts add up to {sum}, not {total}; adjust them"),
                 form=N_("The three parts must add up to {total} (now {sum}).")),
            # The revenue split is paid in the currency's smallest unit: a price finer than that cannot be split.
            rule("precision", amount="price.amount", currency="price.currency", at="price.amount",
                 message=N_("{value} is finer than the currency allows: {currency} amounts are {unit}; round it"),
                 whole=N_("whole numbers"), decimals=N_("given to {digits} decimal places at most"),
                 form=N_("Amounts in {currency} have at most {digits} decimal places; round it.")),
        ),
        "tender": (
            rule("exactly_one", a="issuer", b="issuer_name", at=["issuer", "title"], form_at="issuer",
                 message=N_("give either \"issuer\" (an organisation of the directory) or \"issuer_name\", exactly "
                            "one"),
                 form=N_("Choose an issuing organisation or give the issuer's name: exactly one of them.")),
            rule("order", early="published", late="deadline", compare="day", at="deadline",
                 message=N_("the deadline is before the publication date ({limit})"),
                 form=N_("The deadline is before the publication date.")),
            rule("zone_for_times", times=["deadline"], zone="timezone", at="deadline",
                 message=N_("has a time but no \"timezone\"; add e.g. \"timezone: Africa/Ouagadougou\""),
                 form=_ZONE_FORM, form_at="timezone"),
            # Only content/documents/ is copied into the site (STATIC_PATHS): a file elsewhere would be a dead link.
            rule("prefix", each="documents", field="file", prefix="documents/", at="file",
                 message=N_("{value} is not under content/documents/, the folder published with the site; move the "
                            "file there")),
        ),
        "article": (
            rule("requires", then="sponsor", at="sponsored",
                 message=N_("a sponsored announcement must name its \"sponsor\""), **{"if": "sponsored"}),
            rule("requires", then="sponsored", at="sponsor",
                 message=N_("add \"sponsored: true\" to label the announcement as sponsored"), **{"if": "sponsor"}),
        ),
    }


# -- the Python interpreter -----------------------------------------------------------------------------------

def given(raw: Any) -> bool:
    """A value written in the file: not empty, not a group of empty values, not `false`."""
    if raw is None or raw is False or raw == [] or raw == {} or (isinstance(raw, str) and not raw.strip()):
        return False
    if isinstance(raw, dict):
        return any(given(v) for v in raw.values())
    return True


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
        if data is None:
            return None
    return data


def _path(prefix: Path_, rel: str) -> Path_:
    return prefix + tuple(rel.split(".")) if rel else prefix


def _has_time(value: Any) -> bool:
    return isinstance(value, dt.datetime)


def _day(value: Any) -> Any:
    return value.date() if _has_time(value) else value


def number_text(value: float) -> str:
    """A sum for a message: rounded to 6 decimals, no trailing zeros (99.99999999999999 is "100")."""
    return format(Decimal(repr(round(value, 6))).normalize(), "f")


def same_total(a: float, b: float) -> bool:
    """Compare sums of decimals written by people: 0.1 + 65.1 + 34.8 is 100 even if floats say 99.99…"""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@dataclass
class Scope:
    """One file's checked values and what was written, and where problems go."""

    data: dict
    fm: FrontMatter
    today: dt.date
    problems: list[Problem] = field(default_factory=list)
    prefix: Path_ = ()

    def value(self, rel: str) -> Any:
        return _get(self.data, _path(self.prefix, rel))

    def given(self, rel: str) -> bool:
        return given(_get(self.fm.data, _path(self.prefix, rel)))

    def report(self, r: dict, msg: Message, key: str = "at") -> None:
        at = r[key]
        if isinstance(at, list):
            at = next((p for p in at if self.given(p)), at[-1])
        path = _path(self.prefix, at)
        self.problems.append(Problem(self.fm.line_of(path), format_path(path), msg))

    def items(self, rel: str) -> list[Scope]:
        values = self.value(rel)
        if not isinstance(values, list):
            return []
        base = _path(self.prefix, rel)
        return [Scope(self.data, self.fm, self.today, self.problems, base + (i,)) for i in range(len(values))]


def _order(r, s):
    early, late = s.value(r["early"]), s.value(r["late"])
    if early is None or late is None:
        return
    if r.get("mixed") and _has_time(early) != _has_time(late):
        s.report(r, message(r["mixed"]))
        return
    if r.get("compare") == "day":
        early, late = _day(early), _day(late)
    if late < early:
        s.report(r, message(r["message"], value=value_text(late), limit=value_text(early)))


def _zone_for_times(r, s):
    if any(_has_time(s.value(t)) for t in r["times"]) and not s.given(r["zone"]):
        s.report(r, message(r["message"]))


def _not_both(r, s):
    if s.value(r["a"]) and s.given(r["b"]):
        s.report(r, message(r["message"]))


def _one_given(r, s):
    if not any(s.given(p) for p in r["paths"]):
        s.report(r, message(r["message"]))


def _requires(r, s):
    value = s.value(r["if"])
    condition = value == r["equals"] if "equals" in r else bool(value)
    if condition and not s.given(r["then"]):
        s.report(r, message(r["message"]))


def _exactly_one(r, s):
    if s.given(r["a"]) == s.given(r["b"]):
        s.report(r, message(r["message"]))


def _more_than(r, s):
    value = s.value(r["field"])
    if value is not None and value <= r["limit"]:
        s.report(r, message(r["message"], value=value_text(value), limit=r["limit"]))


def _not_future(r, s):
    value = s.value(r["field"])
    if value is not None and _day(value) > s.today:
        s.report(r, message(r["message"], value=value_text(value), today=s.today.isoformat()))


def _total(r, s):
    items = s.value(r["items"])
    if not items:
        return
    total = sum(item.get(r["of"], 0) for item in items if isinstance(item, dict))
    stated = s.value(r["field"])
    if stated is not None and not same_total(stated, total):
        s.report(r, message(r["message"], value=value_text(stated), total=number_text(total)))
    *parent, name = _path(s.prefix, r["field"])
    holder = _get(s.data, tuple(parent))
    if isinstance(holder, dict):
        holder[name] = total  # computed: the pages show what the contributions add up to


def _sums_to(r, s):
    group = s.value(r["group"]) or {}
    if all(isinstance(group.get(p), (int, float)) for p in r["parts"]):
        total = sum(group[p] for p in r["parts"])
        if not same_total(total, r["total"]):
            s.report(r, message(r["message"], sum=number_text(total), total=r["total"]))


def _precision(r, s):
    amount, currency = s.value(r["amount"]), s.value(r["currency"])
    if amount is None or currency is None:
        return
    digits = get_currency_precision(currency)
    if -Decimal(str(amount)).normalize().as_tuple().exponent > digits:
        unit = message(r["whole"]) if digits == 0 else message(r["decimals"], digits=digits)
        s.report(r, message(r["message"], value=value_text(amount), currency=currency, unit=unit, digits=digits))


def _prefix(r, s):
    value = s.value(r["field"])
    if isinstance(value, str) and not value.startswith(r["prefix"]):
        s.report(r, message(r["message"], value=shown(value)))


#: The vocabulary: rule kind -> its Python interpreter (propose.js has one for each).
KINDS = {"order": _order, "zone_for_times": _zone_for_times, "not_both": _not_both, "one_given": _one_given,
         "requires": _requires, "exactly_one": _exactly_one, "more_than": _more_than, "not_future": _not_future,
         "total": _total, "sums_to": _sums_to, "precision": _precision, "prefix": _prefix}

RULES.update(_rules())


def apply(kind: str, data: dict, fm: FrontMatter, today: dt.date) -> list[Problem]:
    """The problems the rules of `kind` find in one file; `data` (its checked values) may gain computed values."""
    scope = Scope(data, fm, today)
    for r in RULES.get(kind, ()):
        for s in scope.items(r["each"]) if "each" in r else [scope]:
            KINDS[r["rule"]](r, s)
    return scope.problems
