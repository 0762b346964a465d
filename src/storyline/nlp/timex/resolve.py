"""A time expression's words as a TimeML/ISO value, resolved against the publication date.

:func:`resolve` tries its rules in order (:data:`_RULES` and the context rules, which need what the
sentence says around the expression): weekdays, relative days and units, "ago", quarters, halves,
holidays, calendar dates, clock times, durations, references ("recently", "now").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...vocabulary import CARDINALS, TEN_WORDS, UNIT_WORDS

PAST, FUTURE, NEAREST = "past", "future", "nearest"
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
WEEKDAYS.update({d[:3]: i for d, i in list(WEEKDAYS.items())})
WEEKDAYS.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3})
MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                           "august", "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update({"sept": 9})
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI"}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q",
         "hour": "H", "minute": "M", "second": "S", "weekend": "WE"}
# Counts of units ("two weeks", "a few days"): one to twelve, fifteen and the tens to fifty; "X" is
# TimeML's unknown number.
NUMBERS = {"a": 1, "an": 1, **{w: n for w, n in CARDINALS.items() if n <= 12 or n in (15, 20, 30, 40, 50)},
           "hundred": 100, "half": 0.5, "several": "X", "few": "X", "many": "X", "some": "X", "couple": 2}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# Single words spaCy does not tag but TimeML does: their reference values.
REF_WORDS = {"recently": "PAST_REF", "currently": "PRESENT_REF", "lately": "PAST_REF", "presently": "PRESENT_REF",
             "nowadays": "PRESENT_REF", "current": "PRESENT_REF", "recent": "PAST_REF"}
PRESENT_WORDS = {"now", "current", "currently", "presently", "at present", "nowadays", "the present", "right now",
                 "these days", "today's"}
# ("past" alone is "the past" / "in the past" once the qualifiers are stripped.)
PAST_WORDS = {"recently", "lately", "the past", "in the past", "past", "previously", "formerly", "once", "earlier",
              "recent", "former"}
FUTURE_WORDS = {"the future", "in the future", "soon", "eventually", "someday", "future"}
# Words that only qualify a time expression ("about 10:35 a.m.", "more than three decades").
_QUALIFIERS = re.compile(
    r"^(?:(?:about|around|roughly|approximately|nearly|almost|some|more than|less than|fewer than|over|under|"
    r"only|just|at least|at most|up to|since|until|through|by|from|within|for|during|on|in|at|of|the|early|"
    r"sometime|some time|the day|as of|as early as|as late as|"
    r"late|mid|earlier|later|the end of|the beginning of|the start of|the middle of|end of|beginning of)\s+)+")
# Verbs whose complement is in the future: "is expected to speak on Tuesday".
FUTURE_VERBS = frozenset({"expect", "schedule", "plan", "set", "due", "slate", "intend", "aim", "hope", "go",
                          "prepare", "propose", "vow", "promise", "threaten", "pledge", "want", "seek"})
# A month and day within this many days of the publication date are taken in that year,
# whatever the tense ("the vote was set for Nov. 10" written on Oct. 27). Set on TempEval-3
# training, where month-day dates a year off were the commonest date error.
CLOSE_DATE_DAYS = 90
# ... and a month named alone within this many days ("early March" on Feb. 10); further off, a
# month with no tense to go by is taken in the past, as news mostly reports what happened.
CLOSE_MONTH_DAYS = 62
_YEAR = re.compile(r"^(?:'(\d\d)|(1[5-9]\d\d|20\d\d))$")
_DECADE = re.compile(r"^(?:(1[5-9]\d|20\d)0s|'(\d)0s)$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?)?$")
_NUMERIC_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$|^(\d{1,2})/(\d{1,2})/(\d{2,4})$")


# ------------------------------------------------------------------ resolution
_TENS, _UNITS = TEN_WORDS, UNIT_WORDS
_SPOKEN_YEAR = re.compile(rf"\b(nineteen|twenty) ({'|'.join(_TENS)})(?:-({'|'.join(_UNITS)}))?\b"
                          rf"|\btwo thousand(?: and)?(?: ({'|'.join(_UNITS)}))?\b")


def _spoken_years(words: str) -> str:
    """Years said in words, as broadcast transcripts write them: "nineteen ninety-six" -> "1996"."""
    def year(m: re.Match) -> str:
        if m.group(1):
            return str({"nineteen": 1900, "twenty": 2000}[m.group(1)] + _TENS[m.group(2)] + _UNITS.get(m.group(3), 0))
        return str(2000 + _UNITS.get(m.group(4), 0))
    return _SPOKEN_YEAR.sub(year, words)


def resolve(text: str, dct: date | None, direction: str = NEAREST,
            context: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """Normalise a time expression: ``(type, value)``; type None when it is no time at all.

    Args:
        text: the expression as written ("on Monday", "Oct. 7", "three decades").
        dct: the publication date, or None (relative expressions then get no value).
        direction: PAST, FUTURE or NEAREST, for relative expressions.
    """
    raw = " ".join(text.lower().replace("’", "'").split()).strip(" .,;:")
    raw = re.sub(r"'s?$", "", raw)  # "last year's", "next week's"
    raw = re.sub(r"\b(mid|early|late)-(?=[a-z0-9])", "", raw)  # "mid-November", "late-1990s"
    raw = _spoken_years(raw)
    words = _QUALIFIERS.sub("", raw).strip()
    if not words:
        return None, None
    context = {} if context is None else context
    for rule in (_reference, _plural_reference, _year_earlier, _quarter, _anchored, _half, _holiday, _duration,
                 _clock, _relative_day, _weekday, _relative_unit, _ago, _calendar):
        found = rule(words, dct, context) if rule in _CONTEXT_RULES else rule(words, dct, direction)
        if found is not None:
            return found
    if any(c.isdigit() for c in words) or any(w in MONTHS for w in re.findall(r"[a-z]+", words)):
        return "DATE", None
    return ("DATE", None) if re.search(r"\b(day|week|month|year|season|quarter|decade|century)s?\b", words) else \
        (None, None)


def _plural_reference(words, dct, direction):
    """"recent years", "the past few months", "coming quarters", "a few years ago"."""
    if re.fullmatch(r"(?:recent|past|the past|last|previous|the last|the previous)(?: (?:few|several|many))? "
                    r"(?:days|weeks|months|years|decades|quarters)", words) or \
            re.fullmatch(r"(?:several|a few|many|some) (?:days|weeks|months|years|decades) ago", words):
        return "DATE", "PAST_REF"
    if re.fullmatch(r"(?:the )?(?:coming|next few|upcoming|future)(?: few)? (?:days|weeks|months|years|quarters)", words):
        return "DATE", "FUTURE_REF"
    return None


def _anchored(words, dct, context):
    """"that year", "the following month", "later that year": relative to the last date in the story."""
    m = re.fullmatch(r"(?:later |earlier )?(?:that|the same|the following|the next|the previous|the preceding) "
                     r"(day|month|year)", words)
    last = context.get("last")
    if not m:
        if re.fullmatch(r"(?:the |this )?(?:full |whole |entire |calendar )?year", words) and dct:
            return "DATE", str(dct.year)
        m2 = re.fullmatch(r"(?:around )?year[- ]end", words)
        if m2 and dct:
            return "DATE", f"{dct.year}-12-31"
        return None
    if not last:
        return "DATE", None
    unit = m.group(1)
    step = 1 if ("following" in words or "next" in words) else -1 if ("previous" in words or "preceding" in words) else 0
    if unit == "year":
        return "DATE", str(int(last[:4]) + step)
    if unit == "month" and len(last) >= 7:
        month = int(last[5:7]) - 1 + step
        return "DATE", f"{int(last[:4]) + month // 12}-{month % 12 + 1:02d}"
    if unit == "day" and len(last) == 10:
        return "DATE", (date.fromisoformat(last) + timedelta(days=step)).isoformat()
    return "DATE", None


def _half(words, dct, context):
    m = re.fullmatch(r"(?:the )?(first|second|last|latter) half(?: of (\d{4}))?", words)
    if not m:
        return None
    year = m.group(2) or (str(dct.year) if dct else None)
    if year is None:
        return "DATE", None
    return "DATE", f"{year}-H{1 if m.group(1) == 'first' else 2}"


def _holiday(words, dct, direction):
    m = re.fullmatch(r"(?:(last|next|this) )?(christmas(?: day| eve)?|new year's(?: day| eve)?|thanksgiving(?: day)?|"
                     r"election day|independence day|the fourth of july|labor day|memorial day|halloween|"
                     r"valentine's day|easter(?: sunday)?)", words)
    if not m:
        return None
    if dct is None:
        return "DATE", None
    name = m.group(2)
    direction = {"last": PAST, "next": FUTURE}.get(m.group(1), direction)
    candidates = [d for d in (_holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)) if d]
    if direction == PAST:
        candidates = [d for d in candidates if d <= dct] or candidates
    elif direction == FUTURE:
        candidates = [d for d in candidates if d >= dct] or candidates
    return "DATE", min(candidates, key=lambda d: abs((d - dct).days)).isoformat()


def _holiday_date(name: str, year: int) -> date | None:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's": (1, 1),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "the fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14)}
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("thanksgiving"):  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if name == "labor day":
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial day":
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if name.startswith("easter"):  # Anonymous Gregorian algorithm
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 19 * l_) // 433
        month = (h + l_ - 7 * m + 90) // 25
        return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)
    return None


def _quarter(words, dct, context):
    """"third-quarter", "the fourth quarter of 1998", "the quarter", "the latest quarter", "fiscal 1989"."""
    earlier = bool(re.search(r"\b(?:year[- ](?:ago|earlier)|comparable|corresponding)\b", words))
    words = re.sub(r"\b(?:the )?(?:comparable |corresponding )?year[- ](?:ago|earlier) ", "", words)
    m = re.fullmatch(r"(?:fiscal )?(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ]|(?:the )?(latest|current|"
                     r"past|last|previous|this|next|same)? ?)(?:fiscal )?quarter(?:s)?(?: of (?:fiscal )?(\d{4}))?"
                     r"(?:[- ](?:earnings|results|profit|loss|sales))?", words)
    if m:
        if dct is None and not m.group(3):
            return "DATE", None
        which = m.group(1)
        if which:
            number = ORDINALS[which]
            year = int(m.group(3)) if m.group(3) else dct.year
            if not m.group(3) and (number - 1) * 3 + 1 > dct.month:
                year -= 1  # a quarter that has not begun yet is last year's
            if earlier:
                year -= 1  # "the year-ago third quarter"
            return "DATE", f"{year}-Q{number}"
        current = (dct.month - 1) // 3
        step = {"next": 1, "current": 0, "this": 0}.get(m.group(2), -1)
        index = current + step
        if m.group(2) == "same" and "quarter" in context:
            return "DATE", context["quarter"]
        return "DATE", f"{dct.year + index // 4}-Q{index % 4 + 1}"
    quarter = context.get("quarter")
    # In a quarterly report: "the 1988 period" is that quarter of 1988; "the corresponding period
    # last year" the quarter a year back
    m = re.fullmatch(r"(?:the )?(\d{4}) (?:period|quarter)", words)
    if m and quarter:
        return "DATE", f"{m.group(1)}{quarter[4:]}"
    if quarter and re.fullmatch(r"(?:the )?(?:same|corresponding|comparable) period (?:of )?(?:a year ago|last year|"
                                r"the previous year|the prior year|a year earlier)", words):
        return "DATE", f"{int(quarter[:4]) - 1}{quarter[4:]}"
    m = re.fullmatch(r"(?:the )?(?:current )?fiscal(?: year)?(?: (\d{4}))?", words)
    if m:
        if m.group(1):
            return "DATE", m.group(1)
        return "DATE", str(dct.year) if dct else None
    return None


def _year_earlier(words, dct, context):
    """"a year ago", "year-earlier", "the year-ago quarter": a year before the period under report."""
    if not re.fullmatch(r"(?:a |one |the )?year[- ](?:ago|earlier)(?: (?:quarter|period|level|results))?", words):
        return None
    if dct is None:
        return "DATE", None
    quarter = context.get("quarter")
    if quarter:  # "the year-ago quarter", "a year earlier" in a quarterly report: that quarter a year back
        return "DATE", f"{int(quarter[:4]) - 1}{quarter[4:]}"
    try:
        return "DATE", dct.replace(year=dct.year - 1).isoformat()
    except ValueError:  # 29 February
        return "DATE", dct.replace(year=dct.year - 1, day=28).isoformat()


def _reference(words, dct, direction):
    if words in REF_WORDS:
        return "DATE", REF_WORDS[words]
    if words in PRESENT_WORDS:
        return "DATE", "PRESENT_REF"
    if words in PAST_WORDS:
        return "DATE", "PAST_REF"
    if words in FUTURE_WORDS:
        return "DATE", "FUTURE_REF"
    return None


def _number(word: str):
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _duration(words, dct, direction):
    """"three days", "more than three decades", "16-hour", "the past five years", "a year"."""
    m = re.fullmatch(r"(?:(?:the )?(?:past|last|next|coming|first|final) )?(\w+)(?:[- ]and[- ]a[- ]half)?[- ]"
                     r"(day|week|month|year|decade|century|hour|minute|second|quarter)s?(?:[- ]long|[- ]old)?", words)
    if not m:
        m2 = re.fullmatch(r"(days|weeks|months|years|decades|centuries|hours|minutes)", words)
        if m2:
            unit = m2.group(1).rstrip("s").replace("centurie", "century")
            return "DURATION", f"P{'T' if unit in ('hour', 'minute') else ''}X{UNITS[unit]}"
        return None
    number = _number(m.group(1))
    if number is None:
        return None
    unit = m.group(2)
    if unit in ("quarter",):
        return "DURATION", f"P{_fmt(number * 3)}M"
    if number == 1 and words.startswith(("the past", "the last", "last", "past", "the next", "next", "the coming")):
        return None  # "the past year" / "next week": a calendar reference, not a length
    t = "T" if unit in ("hour", "minute", "second") else ""
    code = "M" if unit == "minute" else UNITS[unit]
    return "DURATION", f"P{t}{_fmt(number)}{code}"


def _fmt(number) -> str:
    if number == "X":
        return "X"
    return str(int(number)) if float(number).is_integer() else str(number)


def _clock(words, dct, direction):
    m = _CLOCK.fullmatch(words)
    if not m or not (m.group(2) or m.group(3)):
        return None
    hour = int(m.group(1)) % 12 + (12 if m.group(3) and m.group(3).startswith("p") else 0) if m.group(3) else int(m.group(1))
    value = f"T{hour:02d}:{m.group(2) or '00'}"
    return "TIME", (dct.isoformat() + value) if dct else None


def _relative_day(words, dct, direction):
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
               "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
               "tomorrow morning": 1, "tomorrow night": 1, "tomorrow evening": 1, "overnight": 0}
    if words not in offsets:
        return None
    if dct is None:
        return "DATE", None
    day = dct + timedelta(days=offsets[words])
    part = next((code for key, code in PARTS_OF_DAY.items() if key in words), None)
    if part and words not in ("today",):
        return "TIME", f"{day.isoformat()}T{part}"
    return "DATE", day.isoformat()


def _weekday(words, dct, direction):
    m = re.fullmatch(r"(?:(last|next|this|past|coming|previous) )?([a-z]+)\.?(?: (morning|afternoon|evening|night))?",
                     words)
    if not m or m.group(2) not in WEEKDAYS:
        return None
    if dct is None:
        return ("TIME" if m.group(3) else "DATE"), None
    target = WEEKDAYS[m.group(2)]
    modifier = m.group(1)
    delta = target - dct.weekday()
    if modifier in ("last", "past", "previous"):
        delta = delta - 7 if delta >= 0 else delta
    elif modifier in ("next", "coming"):
        delta = delta + 7 if delta <= 0 else delta
    elif modifier == "this":
        pass  # the same ISO week
    elif direction == PAST:
        delta = delta - 7 if delta > 0 else delta
    elif direction == FUTURE:
        delta = delta + 7 if delta < 0 else delta
    else:
        back, forward = (delta - 7 if delta > 0 else delta), (delta + 7 if delta < 0 else delta)
        delta = forward if abs(forward) <= abs(back) else back
    day = (dct + timedelta(days=delta)).isoformat()
    if m.group(3):
        return "TIME", f"{day}T{PARTS_OF_DAY[m.group(3)]}"
    return "DATE", day


def _relative_unit(words, dct, direction):
    if words in ("the weekend", "weekend", "over the weekend"):
        if dct is None:
            return "DATE", None
        # the weekend just past, unless the verb points forward or it is the end of the week already
        ahead = direction == FUTURE or (direction == NEAREST and dct.weekday() >= 3)
        day = dct if ahead or dct.weekday() >= 5 else dct - timedelta(weeks=1)
        year, week, _ = day.isocalendar()
        return "DATE", f"{year}-W{week:02d}-WE"
    m = re.fullmatch(r"(?:(earlier|later) )?(this|last|next|past|coming|previous|current|the same)"
                     r" (week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)", words)
    if not m:
        return None
    if dct is None:
        return "DATE", None
    which, unit = m.group(2), m.group(3)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit in ("week", "weekend"):
        year, week, _ = (dct + timedelta(weeks=step)).isocalendar()
        return "DATE", f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        month = dct.month - 1 + step
        return "DATE", f"{dct.year + month // 12}-{month % 12 + 1:02d}"
    if unit == "year":
        return "DATE", str(dct.year + step)
    if unit == "quarter":
        quarter = (dct.month - 1) // 3 + step
        return "DATE", f"{dct.year + quarter // 4}-Q{quarter % 4 + 1}"
    if unit == "decade":
        return "DATE", str(dct.year // 10 + step)[:3] + "X"
    if unit == "century":
        return "DATE", str(dct.year // 100 + step)
    season = SEASONS[unit]
    year = dct.year + step
    return "DATE", f"{year}-{season}"


def _ago(words, dct, direction):
    m = re.fullmatch(r"(\w+) (day|week|month|year|decade)s? (ago|earlier|before|later|from now|hence)", words)
    if not m:
        m = re.fullmatch(r"in (\w+) (day|week|month|year)s?", words)
        if not m:
            return None
        sign = 1
    else:
        sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
    number = _number(m.group(1))
    if number is None or number == "X":
        return "DATE", None
    if dct is None:
        return "DATE", None
    unit = m.group(2)
    n = int(number) * sign
    if unit == "day":
        return "DATE", (dct + timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (dct + timedelta(weeks=n)).isocalendar()
        return "DATE", f"{year}-W{week:02d}"
    if unit == "month":
        month = dct.month - 1 + n
        return "DATE", f"{dct.year + month // 12}-{month % 12 + 1:02d}"
    if unit == "year":
        return "DATE", str(dct.year + n)
    return "DATE", str(dct.year // 10 + n)[:3] + "X"


def _calendar(words, dct, direction):
    """Calendar dates: "Oct. 7", "March 4, 2024", "March 2024", "1998", "the 1990s", "fall 1998"."""
    words = words.replace(",", " ").replace(".", " ")
    words = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", words)
    tokens = [t for t in words.split() if t not in ("of", "the")]
    if not tokens:
        return None
    m = _NUMERIC_DATE.fullmatch(" ".join(tokens))
    if m:
        if m.group(1):
            return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        year = int(m.group(6))
        year = year + 2000 if year < 50 else year + 1900 if year < 100 else year
        return _ymd(year, int(m.group(4)), int(m.group(5)))
    m = re.fullmatch(r"(\d{1,2}) ?(?:st|nd|rd|th)? century", " ".join(tokens))
    if m:
        return "DATE", f"{int(m.group(1)) - 1:02d}"
    if len(tokens) == 1:
        token = tokens[0]
        y = _YEAR.fullmatch(token)
        if y:
            return "DATE", y.group(2) or _century(y.group(1), dct)
        d = _DECADE.fullmatch(token)
        if d:
            return "DATE", (d.group(1) + "X") if d.group(1) else _century(d.group(2) + "0", dct)[:3] + "X"
    month = next((MONTHS[t] for t in tokens if t in MONTHS), None)
    years = [int(t) for t in tokens if t.isdigit() and len(t) == 4]
    days = [int(t) for t in tokens if t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31]
    season = next((SEASONS[t] for t in tokens if t in SEASONS), None)
    quarter = next((ORDINALS[t] for t in tokens if t in ORDINALS), None) if "quarter" in tokens else None
    year = years[0] if years else None
    if season and (year or dct):
        return "DATE", f"{year or _year_for(dct, None, direction, season=season)}-{season}" if (year or dct) else None
    if quarter and (year or dct):
        return "DATE", f"{year or dct.year}-Q{quarter}"
    if month is None:
        return None
    if len(tokens) > 4:
        return None
    if days:
        if year is None:
            if dct is None:
                return "DATE", None
            weekday = next((WEEKDAYS[t] for t in tokens if t in WEEKDAYS), None)
            matching = [y for y in (dct.year, dct.year - 1, dct.year + 1) if _weekday_of(y, month, days[0]) == weekday]
            year = matching[0] if weekday is not None and matching else _year_for(dct, (month, days[0]), direction)
        return _ymd(year, month, days[0])
    if year is None:
        if dct is None:
            return "DATE", None
        modifier = tokens[0] if tokens[0] in ("last", "next", "this", "past", "coming") else None
        if modifier in ("last", "past"):  # "last June" written in October: the June just gone (but
            year = dct.year if month < dct.month - 1 else dct.year - 1  # "last February" on March 1: a year back)
        elif modifier in ("next", "coming"):  # "next March" written in October: the March to come
            year = dct.year if month > dct.month else dct.year + 1
        elif modifier:
            year = dct.year
        else:
            year = _year_for(dct, (month, None), PAST if direction == NEAREST else direction)
    return "DATE", f"{year}-{month:02d}"


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _ymd(year: int, month: int, day: int):
    try:
        return "DATE", date(year, month, day).isoformat()
    except ValueError:
        return "DATE", None


def _century(two_digits: str, dct: date | None) -> str:
    base = (dct.year // 100 * 100) if dct else 2000
    year = base + int(two_digits)
    if dct and year > dct.year + 10:
        year -= 100
    return str(year)


def _year_for(dct: date, month_day, direction: str, season: str | None = None) -> int:
    """The year that puts a month (and day) on the right side of the publication date."""
    if season is not None:
        return dct.year
    month, day = month_day
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day or 15))
        except ValueError:
            continue
    nearest = min(candidates, key=lambda c: abs((c - dct).days))
    if direction != FUTURE and abs((nearest - dct).days) <= (CLOSE_DATE_DAYS if day is not None else CLOSE_MONTH_DAYS):
        return nearest.year  # "Nov. 10" written on Oct. 27 is this Nov. 10, whatever the tense
    if direction == PAST:
        pool = [c for c in candidates if (c.year, c.month) <= (dct.year, dct.month)]
        if day is not None:
            pool = [c for c in candidates if c <= dct] or pool
    elif direction == FUTURE:
        pool = [c for c in candidates if (c.year, c.month) >= (dct.year, dct.month)]
        if day is not None:
            pool = [c for c in candidates if c >= dct] or pool
    else:
        pool = candidates
    pool = pool or candidates
    return min(pool, key=lambda c: abs((c - dct).days)).year


_CONTEXT_RULES = (_quarter, _year_earlier, _anchored, _half)
