"""The generator's pieces (tests/corpus/generate.py): labelled text pieces,
the per-report context, one generator per planted category and the hard
negatives, and the tables (GEN, GEN_CATS) that name them."""

import datetime
import re
import unicodedata

from corpus_data import (A9A_OUT, AA9A_OUT, ALLOW_FORMS, CITE_PAREN, CITE_TEXT, COUNTRIES,
    DISABILITY_HAS, DISABILITY_IS, ESTATES, ETHNICITY, GIVEN_F, GIVEN_M, HEALTH, IMM_A, IMM_HAVE,
    INST_STEMS, INWARD_LETTERS, LANDLINES, LANGUAGES, MONTHS, NATIONALITY, NUMWORDS, ONE_AREAS,
    ONE_AREA_MAX, RELIGION_ADJ, RELIGION_NOUN, SAINTS, STREET_FIRST, STREET_TYPE, SURNAMES, TOWNS,
    TWO_AREAS, WEEKDAYS, WELSH_STREETS, WORSHIP)


# ---------------------------------------------------------------------------
# Pieces: (text, [(start, end, category, why)])
# ---------------------------------------------------------------------------


def lab(text, cat, why=None):
    return (text, [(0, len(text), cat, why)])


def seq(*parts):
    """Concatenate str / (str, cat) / piece parts into one piece."""
    text, spans = "", []
    for p in parts:
        if isinstance(p, str):
            text += p
        elif isinstance(p, tuple) and len(p) == 2 and isinstance(p[1], list):
            off = len(text)
            text += p[0]
            spans += [(s + off, e + off, c, w) for (s, e, c, w) in p[1]]
        else:  # (str, cat)
            off = len(text)
            text += p[0]
            spans.append((off, off + len(p[0]), p[1], None))
    return (text, spans)


def article(word):
    return "an " if word[:1].upper() in "AEIOU" else "a "


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def nhs_check(nine):
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1)))
    c = 11 - total % 11
    if c == 11:
        return 0
    if c == 10:
        return None
    return c


class Ctx:
    """Per-report state: random source, cast of (leaked) real names, dates."""

    def __init__(self, rng, idx):
        self.rng = rng
        self.idx = idx
        r = rng
        self.year = r.randint(2011, 2017)
        self.child_sex = r.choice("FM")
        self.child = r.choice(GIVEN_F if self.child_sex == "F" else GIVEN_M)
        self.sibling = r.choice(GIVEN_F + GIVEN_M)
        while self.sibling == self.child:
            self.sibling = r.choice(GIVEN_F + GIVEN_M)
        self.family = r.choice(SURNAMES)
        self.mother = r.choice(GIVEN_F)
        self.father = r.choice(GIVEN_M)
        self.father_surname = r.choice([self.family, r.choice(SURNAMES)])
        self.partner = (r.choice(GIVEN_M), r.choice(SURNAMES))
        self.gm = (r.choice(GIVEN_F), r.choice(SURNAMES))
        self.town = r.choice(TOWNS)
        p = {"F": ("she", "her", "her", "herself"), "M": ("he", "his", "him", "himself")}
        self.pron = p[self.child_sex]

    # random helpers
    def date(self, lo=-2, hi=1):
        r = self.rng
        y = self.year + r.randint(lo, hi)
        m = r.randint(1, 12)
        d = r.randint(1, 28)
        return datetime.date(y, m, d)


# ---- generators ------------------------------------------------------------

def g_name(ctx, v):
    r = ctx.rng
    v = v or r.choice(["given", "full", "titled", "initials", "poss", "surname", "random"])
    if v == "child":
        return lab(ctx.child, "name")
    if v == "child_poss":
        return seq((ctx.child, "name"), "'s")
    if v == "child_full":
        return lab(ctx.child + " " + ctx.family, "name")
    if v == "sibling":
        return lab(ctx.sibling, "name")
    if v == "sibling_full":
        return lab(ctx.sibling + " " + ctx.family, "name")
    if v == "mother":
        return lab(ctx.mother, "name")
    if v == "mother_full":
        return lab(ctx.mother + " " + ctx.family, "name")
    if v == "mother_titled":
        return lab(r.choice(["Ms ", "Miss ", "Mrs "]) + r.choice(["", ctx.mother + " "]) + ctx.family, "name")
    if v == "father":
        return lab(ctx.father, "name")
    if v == "father_full":
        return lab(ctx.father + " " + ctx.father_surname, "name")
    if v == "father_titled":
        return lab("Mr " + r.choice(["", ctx.father + " "]) + ctx.father_surname, "name")
    if v == "family":
        return lab(ctx.family, "name")
    if v == "partner":
        return lab(ctx.partner[0], "name")
    if v == "partner_full":
        return lab(ctx.partner[0] + " " + ctx.partner[1], "name")
    if v == "gm_full":
        return lab(r.choice(["", "Mrs "]) + ctx.gm[0] + " " + ctx.gm[1], "name")
    if v == "initials":
        first = r.choice([ctx.mother, ctx.father, ctx.child, ctx.partner[0]])
        sur = r.choice([ctx.family, ctx.father_surname, ctx.partner[1]])
        second = r.choice(GIVEN_F + GIVEN_M)
        form = r.randrange(4)
        if form == 0:
            ini = first[0] + ". "
        elif form == 1:
            ini = first[0] + second[0] + " "
        elif form == 2:
            ini = first[0] + " "
        else:
            ini = first[0] + "." + second[0] + ". "
        return lab(ini + sur, "name")
    # generic / random (extra names outside the cast: neighbours, relatives)
    given = r.choice(GIVEN_F + GIVEN_M)
    sur = r.choice(SURNAMES)
    if v == "given":
        return lab(given, "name")
    if v == "surname":
        return lab(sur, "name")
    if v == "poss":
        return seq((given, "name"), "'s")
    if v == "titled":
        return lab(r.choice(["Mr ", "Mrs ", "Ms ", "Miss "]) + sur, "name")
    return lab(given + " " + sur, "name")


def g_prof(ctx, v):
    r = ctx.rng
    given = r.choice(GIVEN_F + GIVEN_M)
    sur = r.choice(SURNAMES)
    v = v or r.choice(["plain", "titled", "dr", "police"])
    if v == "plain":
        return lab(given + " " + sur, "professional_name")
    if v == "titled":
        return lab(r.choice(["Mrs ", "Ms ", "Mr ", "Miss "]) + r.choice(["", "", given + " "]) + sur,
                   "professional_name")
    if v == "dr":
        return lab("Dr " + r.choice(["", given + " "]) + sur, "professional_name")
    if v == "police":
        rank = r.choice(["PC ", "DC ", "DS ", "Sergeant ", "Inspector ", "DI ", "PCSO "])
        return lab(rank + r.choice(["", given + " "]) + sur, "professional_name")
    return lab(given + " " + sur, "professional_name")


DATE_FORMS = ["slash", "slash_short", "dot_short", "dot", "dash", "long", "ord", "us",
              "wd", "wd_full", "ordof", "abbr", "wd_comma", "long", "slash", "ord"]


def fmt_date(d, form):
    wd = WEEKDAYS[d.weekday()]
    mon = MONTHS[d.month - 1]
    if form == "slash":
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if form == "slash_short":
        return "%d/%d/%02d" % (d.day, d.month, d.year % 100)
    if form == "dot_short":
        return "%d.%d.%02d" % (d.day, d.month, d.year % 100)
    if form == "dot":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if form == "dash":
        return "%02d-%02d-%d" % (d.day, d.month, d.year)
    if form == "long":
        return "%d %s %d" % (d.day, mon, d.year)
    if form == "ord":
        return "%s %s %d" % (ordinal(d.day), mon, d.year)
    if form == "us":
        return "%s %d, %d" % (mon, d.day, d.year)
    if form == "wd":
        return "%s %d %s" % (wd, d.day, mon)
    if form == "wd_full":
        return "%s %s %s %d" % (wd, ordinal(d.day), mon, d.year)
    if form == "ordof":
        return "%s of %s %d" % (ordinal(d.day), mon, d.year)
    if form == "abbr":
        return "%d %s %d" % (d.day, mon[:3], d.year)
    if form == "wd_comma":
        return "%s, %d %s %d" % (wd, d.day, mon, d.year)
    raise ValueError(form)


def g_date(ctx, v):
    form = ctx.rng.choice(DATE_FORMS)
    return lab(fmt_date(ctx.date(), form), "date")


def g_dob(ctx, v):
    r = ctx.rng
    if v == "adult":
        d = datetime.date(r.randint(1972, 1999), r.randint(1, 12), r.randint(1, 28))
    else:
        d = datetime.date(ctx.year - r.randint(0, 6), r.randint(1, 12), r.randint(1, 28))
    form = r.choice([f for f in DATE_FORMS if not f.startswith("wd")] + ["slash", "dot"])
    return lab(fmt_date(d, form), "date_of_birth")


def g_age(ctx, v):
    r = ctx.rng
    v = v or r.choice(["aged", "old"])
    y, m, w, d = r.randint(1, 15), r.randint(1, 11), r.randint(1, 10), r.randint(2, 13)
    mo = r.randint(2, 23)
    ys = "%d year%s" % (y, "" if y == 1 else "s")
    if v == "aged":
        t = r.choice([
            "aged %s and %d months" % (ys, m), "aged %s %d months" % (ys, m),
            "age %s %d months" % (ys, m), "aged %d months" % mo, "aged %d weeks" % w,
            "aged %d days" % d, "aged %s months" % NUMWORDS[r.randint(2, 12)],
            "aged %d" % y, "aged %d and a half" % y, "aged %dy %dm" % (y, m),
        ])
    elif v == "old":
        t = r.choice([
            "%d months old" % mo, "%d weeks old" % w, "%d days old" % d,
            "%s and %d months old" % (ys, m), "%s weeks old" % NUMWORDS[r.randint(2, 12)],
            "%s old" % ys, "%d months old" % mo,
        ])
    elif v == "adj":
        t = r.choice(["%d-month-old" % mo, "%d-week-old" % w, "%d-year-old" % y,
                      "%d-day-old" % d, "%s-month-old" % NUMWORDS[r.randint(2, 12)]])
    elif v == "adult":
        a = r.randint(16, 44)
        t = r.choice(["aged %d" % a, "%d years old" % a, "age %d" % a])
    else:
        raise ValueError(v)
    return lab(t, "age")


def street_name(r):
    if r.random() < 0.08:
        return r.choice(WELSH_STREETS)
    return r.choice(STREET_FIRST) + " " + r.choice(STREET_TYPE)


def g_address(ctx, v):
    r = ctx.rng
    n = r.randint(1, 240)
    form = r.randrange(6)
    st = street_name(r)
    if form == 0:
        t = "%d %s" % (n, st)
    elif form == 1:
        t = "Flat %d, %d %s" % (r.randint(1, 24), n, st)
    elif form == 2:
        t = "%d%s %s" % (n, r.choice("abc"), st)
    elif form == 3:
        t = "Flat %d%s, %s House, %d %s" % (r.randint(1, 9), r.choice("ABC"), r.choice(INST_STEMS), n, st)
    elif form == 4:
        t = "%d %s" % (n, st)
    else:
        t = "Apartment %d, %d %s" % (r.randint(1, 60), n, st)
    return lab(t, "address")


def postcode(r):
    form = r.randrange(6)
    inward = "%d%s%s" % (r.randint(0, 9), r.choice(INWARD_LETTERS), r.choice(INWARD_LETTERS))
    if form == 0:
        out = r.choice(ONE_AREAS) + str(r.randint(1, 9))
    elif form == 1:
        a = r.choice(ONE_AREAS)
        out = a + str(r.randint(10, ONE_AREA_MAX[a]))
    elif form == 2:
        out = r.choice(TWO_AREAS) + str(r.randint(1, 9))
    elif form == 3:
        out = r.choice(TWO_AREAS) + str(r.randint(10, 39))
    elif form == 4:
        out = r.choice(A9A_OUT)
    else:
        out = r.choice(AA9A_OUT)
    return out, inward


def g_postcode(ctx, v):
    r = ctx.rng
    out, inward = postcode(r)
    sep = "" if r.random() < 0.25 else " "
    return lab(out + sep + inward, "postcode")


def g_pcd(ctx, v):
    r = ctx.rng
    out = (r.choice(ONE_AREAS + TWO_AREAS) + str(r.randint(1, 29)))
    return lab(out, "postcode_district")


def g_place(ctx, v):
    r = ctx.rng
    v = v or r.choice(["town", "estate", "street"])
    if v == "town":
        return lab(r.choice([ctx.town, r.choice(TOWNS)]), "place")
    if v == "estate":
        return lab(r.choice(ESTATES) + " estate", "place")
    if v == "street":
        return lab(street_name(r), "place")
    raise ValueError(v)


def g_inst(ctx, v):
    r = ctx.rng
    stem = r.choice(INST_STEMS)
    v = v or r.choice(["school", "nursery", "hospital", "gp", "centre", "worship", "college"])
    if v == "school":
        t = r.choice([
            r.choice(SAINTS) + " " + r.choice(["Primary School", "RC Primary School",
                                               "CE Primary School", "Catholic High School",
                                               "CE (VC) Junior School"]),
            stem + " " + r.choice(["Primary School", "Academy", "Infant School", "Junior School",
                                   "High School", "Community School", "Primary Academy"]),
            "Ysgol " + r.choice(["Gymraeg Bro Taf", "y Graig", "Pen y Bryn", "Glan Clwyd"]),
        ])
    elif v == "nursery":
        t = r.choice([stem + " " + r.choice(["Nursery", "Day Nursery", "Pre-School", "Playgroup",
                                             "Nursery School"]),
                      r.choice(["Little Acorns", "Busy Bees", "Tiny Steps", "Rainbow Kids"]) + " Nursery"])
    elif v == "hospital":
        t = r.choice([stem + " General Hospital", stem + " Royal Infirmary",
                      "Royal " + stem + " Hospital", stem + " Children's Hospital",
                      "St " + r.choice(["Luke's", "James's", "Helier", "Catherine's"]) + " Hospital",
                      stem + " Women's Hospital", "Ysbyty " + r.choice(["Gwynedd", "Glan Clwyd", "Cwm Rhondda"])])
    elif v == "ward":
        t = r.choice(["Ward %d" % r.randint(1, 52), "Ward %d%s" % (r.randint(1, 40), r.choice("ABC")),
                      r.choice(["Rainbow", "Puffin", "Starfish", "Dolphin", "Robin", "Sunflower"]) + " Ward",
                      "the " + r.choice(["Jenny Lind", "Florence", "Elizabeth"]) + " Ward"])
        if t.startswith("the "):
            return seq("the ", (t[4:], "institution"))
    elif v == "gp":
        t = stem + " " + r.choice(["Medical Centre", "Surgery", "Health Centre", "Medical Practice",
                                   "Family Practice", "Group Practice"])
    elif v == "centre":
        t = stem + " " + r.choice(["Children's Centre", "Family Centre", "Sure Start Centre",
                                   "Health Centre", "Community Centre", "Family Hub"])
    elif v == "worship":
        t = r.choice(WORSHIP)
    elif v == "college":
        t = stem + " " + r.choice(["College", "Sixth Form College", "Pupil Referral Unit",
                                   "Special School", "Short Stay School"])
    else:
        raise ValueError(v)
    return lab(t, "institution")


def g_phone(ctx, v):
    r = ctx.rng
    v = v or r.choice(["mobile", "land"])
    if v == "mobile":
        n = "%03d" % r.randint(0, 999)
        t = r.choice(["07700 900" + n, "07700900" + n, "+44 7700 900" + n, "+447700900" + n,
                      "07700 900 " + n, "07700-900" + n, "(07700) 900" + n])
    else:
        area, pre, nd = r.choice(LANDLINES)
        tail = "%0*d" % (nd, r.randint(0, 999))
        local = pre + tail                      # e.g. "496 0123"
        compact = local.replace(" ", "")
        t = r.choice([area + " " + local, "(" + area + ") " + compact, area + compact,
                      area + " " + compact, "+44 " + area[1:] + " " + local,
                      "+44 (0)" + area[1:] + " " + local, area + "-" + local.replace(" ", "-")])
    return lab(t, "phone")


def slug(s):
    s = s.lower().replace("ł", "l").replace("ø", "o").replace("ı", "i")
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def g_email(ctx, v):
    r = ctx.rng
    first = r.choice([ctx.mother, ctx.father, ctx.partner[0], r.choice(GIVEN_F + GIVEN_M)])
    sur = r.choice([ctx.family, ctx.father_surname, r.choice(SURNAMES)])
    f, s = slug(first), slug(sur)
    local = r.choice([f + "." + s, f + s + str(r.randint(70, 99)), f[0] + "." + s,
                      f + "_" + s[:3] + str(r.randint(1, 9)), s + "-" + f, f + "x" + str(r.randint(100, 999))])
    dom = r.choice(["example.com", "example.org", "example.net", "mail.example.com",
                    "example.co.uk", "northmoor-council.example", "nhs.example.net"])
    return lab(local + "@" + dom, "email")


def g_url(ctx, v):
    r = ctx.rng
    c = slug(ctx.child)
    fam = slug(ctx.family)
    t = r.choice([
        "https://www.example.com/appeal/justice-for-%s" % c,
        "www.example.org/%s-family-fund" % fam,
        "http://fundraise.example.net/%s-%s-memorial" % (c, fam),
        "https://news.example.co.uk/local/%d/%s-court-case" % (ctx.year, fam),
        "example.com/blog/%s%d" % (slug(ctx.mother), r.randint(1, 99)),
        "https://www.example.net/forum/thread/%d" % r.randint(10000, 99999),
        "https://petition.example.org/p/%s" % c,
    ])
    return lab(t, "url")


def g_social(ctx, v):
    r = ctx.rng
    f = slug(r.choice([ctx.mother, ctx.child, ctx.father, ctx.sibling]))
    s = slug(ctx.family)
    v = v or r.choice(["ig", "fb", "snap", "tiktok", "twitter"])
    if v == "ig":
        return seq("Instagram account ", ("@" + f + r.choice(["_x", "_", ".", "xx_"]) + str(r.randint(1, 99)), "social_handle"))
    if v == "fb":
        return seq("Facebook page ", (r.choice(["facebook.com/", "www.facebook.com/", "https://www.facebook.com/"]) + f + "." + s + r.choice(["", ".9", ".31"]), "social_handle"))
    if v == "snap":
        return seq("Snapchat username ", (f + r.choice([".", "_"]) + s[:1] + str(r.randint(2000, 2012)), "social_handle"))
    if v == "tiktok":
        return seq("TikTok account ", ("@" + s + "fam" + str(r.randint(1, 9)), "social_handle"))
    if v == "twitter":
        return seq("Twitter account ", ("@" + f[:5] + s[:4] + str(r.randint(10, 99)), "social_handle"))
    raise ValueError(v)


def nhs_digits(r, valid):
    while True:
        nine = "999" + "".join(str(r.randint(0, 9)) for _ in range(6)) if valid or r.random() < 0.5 \
            else str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(8))
        c = nhs_check(nine)
        if valid and c is not None:
            return nine + str(c)
        if not valid:
            bad = [d for d in range(10) if d != c]
            return nine + str(r.choice(bad))


def fmt_nhs(r, ten):
    return r.choice([ten[:3] + " " + ten[3:6] + " " + ten[6:], ten,
                     ten[:3] + "-" + ten[3:6] + "-" + ten[6:], ten[:3] + " " + ten[3:6] + " " + ten[6:]])


def g_nhs(ctx, v):
    return lab(fmt_nhs(ctx.rng, nhs_digits(ctx.rng, True)), "nhs_number")


NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def fmt_ni(r, prefix):
    d = "".join(str(r.randint(0, 9)) for _ in range(6))
    suf = r.choice("ABCD")
    return r.choice([prefix + " " + d[:2] + " " + d[2:4] + " " + d[4:] + " " + suf,
                     prefix + d + suf, prefix + " " + d + " " + suf, prefix + d + " " + suf])


def g_ni(ctx, v):
    r = ctx.rng
    while True:
        p = r.choice(NI_FIRST) + r.choice(NI_SECOND)
        if p not in NI_BAD_PAIRS:
            return lab(fmt_ni(r, p), "ni_number")


def g_ref(ctx, v):
    r = ctx.rng
    y = ctx.year + r.randint(-2, 1)
    yy = y % 100
    v = v or r.choice(["cp", "crime", "ref", "case", "log", "marac", "court", "hosp", "incident"])
    if v == "cp":
        return seq("reference ", ("CP/%d/%04d" % (y, r.randint(1, 9999)), "reference_number"))
    if v == "crime":
        lead = r.choice(["crime reference ", "CRN ", "crime number ", "crime ref. "])
        return seq(lead, ("%02d/%05d/%02d" % (r.randint(1, 52), r.randint(10000, 99999), yy), "reference_number"))
    if v == "ref":
        return seq(r.choice(["ref. ", "ref ", "reference "]), ("SC-%d-%05d" % (y, r.randint(1, 99999)), "reference_number"))
    if v == "case":
        return seq(r.choice(["case number ", "Mosaic ID ", "LCS number ", "case no. "]),
                   (r.choice(["%07d" % r.randint(100000, 9999999), "CS%d/%04d" % (y, r.randint(1, 9999))]), "reference_number"))
    if v == "log":
        d = datetime.date(y, r.randint(1, 12), r.randint(1, 28))
        return seq(r.choice(["police log ", "log ", "STORM log "]), ("%d" % r.randint(100, 2999), "reference_number"),
                   " of ", (fmt_date(d, r.choice(["slash", "dot", "long"])), "date"))
    if v == "marac":
        return seq("MARAC reference ", ("MR-%02d-%04d" % (yy, r.randint(1, 9999)), "reference_number"))
    if v == "court":
        return seq("court case number ", ("%s%02dC%05d" % (r.choice(["NM", "LS", "BD", "MA", "ZW", "CV"]), yy, r.randint(1, 99999)), "reference_number"))
    if v == "hosp":
        return seq("hospital number ", ("%s%06d" % (r.choice("KMRJ"), r.randint(0, 999999)), "reference_number"))
    if v == "incident":
        return seq("incident number ", ("INC%d-%06d" % (y, r.randint(0, 999999)), "reference_number"))
    raise ValueError(v)


def g_vrm(ctx, v):
    r = ctx.rng
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    area = r.choice("ABCDEFGHKLMNOPRSVWY") + r.choice(letters)
    y = r.randint(2, 17)
    age = y if r.random() < 0.5 else y + 50
    tail = "".join(r.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
    sep = " " if r.random() < 0.7 else ""
    return lab("%s%02d%s%s" % (area, age, sep, tail), "vehicle_registration")


def g_health(ctx, v):
    return lab(ctx.rng.choice(HEALTH), "health")


def g_disab(ctx, v):
    r = ctx.rng
    art, t = r.choice(DISABILITY_HAS if v == "has" else DISABILITY_IS)
    return seq(art, (t, "disability"))


def g_eth(ctx, v):
    r = ctx.rng
    t = r.choice(ETHNICITY)
    if v == "a":
        return seq(article(t), (t, "ethnicity"))
    return lab(t, "ethnicity")


def g_nat(ctx, v):
    r = ctx.rng
    if v == "country":
        return lab(r.choice(COUNTRIES), "nationality")
    return lab(r.choice(NATIONALITY), "nationality")


def g_rel(ctx, v):
    r = ctx.rng
    if v == "a":
        t = r.choice(RELIGION_NOUN)
        return seq(article(t), (t, "religion"))
    return lab(r.choice(RELIGION_ADJ), "religion")


def g_lang(ctx, v):
    return lab(ctx.rng.choice(LANGUAGES), "language")


def g_imm(ctx, v):
    r = ctx.rng
    if v == "a":
        art, t = r.choice(IMM_A)
        return seq(art, (t, "immigration"))
    return lab(r.choice(IMM_HAVE), "immigration")


# ---- hard-negative generators ------------------------------------------------

def g_neg(ctx, v):
    r = ctx.rng
    if v == "monthyear":
        return lab("%s %d" % (r.choice(MONTHS), ctx.year + r.randint(-2, 1)), "negative", "month and year only")
    if v == "year":
        return lab(str(ctx.year + r.randint(-3, 1)), "negative", "year only")
    if v == "weekday":
        return lab(r.choice(WEEKDAYS), "negative", "weekday alone")
    if v == "citep":
        return lab(r.choice(CITE_PAREN), "negative", "research citation")
    if v == "citet":
        return lab(r.choice(CITE_TEXT), "negative", "research citation")
    if v == "allow":
        return lab(r.choice(ALLOW_FORMS), "negative", "public lead reviewer / board chair (allow-list)")
    if v == "reviewer":
        return lab("Margaret Hollis", "negative", "public lead reviewer (allow-list)")
    if v == "chair":
        return lab("Dr Simon Reeve", "negative", "public board chair (allow-list)")
    if v == "nhsbad":
        return lab(fmt_nhs(r, nhs_digits(r, False)), "negative", "10-digit number failing the NHS modulus-11 check")
    if v == "nibad":
        while True:
            p = r.choice(["D", "F", "I", "Q", "U", "V"] + list(NI_FIRST)) + r.choice(["D", "F", "I", "O", "Q", "U", "V"] + list(NI_SECOND))
            if p in NI_BAD_PAIRS or p[0] in "DFIQUV" or p[1] in "DFIOQUV":
                return lab(fmt_ni(r, p), "negative", "National Insurance pattern with an invalid prefix")
    if v == "time":
        return lab("%02d:%02d" % (r.randint(0, 23), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])), "negative", "time of day")
    if v == "page":
        return lab("page %d" % r.randint(2, 60), "negative", "page reference")
    if v == "dur":
        n = r.randint(2, 18)
        return lab(r.choice(["%d months" % n, "%d weeks" % n, "%s months" % NUMWORDS[min(n, 12)]]), "negative", "duration, not an age")
    raise ValueError(v)


def g_pron(key):
    def f(ctx, v):
        i = {"he": 0, "his": 1, "him": 2, "himself": 3}[key.lower()]
        w = ctx.pron[i]
        if key[0].isupper():
            w = w[0].upper() + w[1:]
        return (w, [])
    return f


GEN = {
    "N": g_name, "P": g_prof, "D": g_date, "DOB": g_dob, "AGE": g_age, "ADDR": g_address,
    "PC": g_postcode, "PCD": g_pcd, "PLACE": g_place, "INST": g_inst, "PHONE": g_phone,
    "EMAIL": g_email, "URL": g_url, "SOCIAL": g_social, "NHS": g_nhs, "NI": g_ni,
    "REF": g_ref, "VRM": g_vrm, "HEALTH": g_health, "DISAB": g_disab, "ETH": g_eth,
    "NAT": g_nat, "REL": g_rel, "LANG": g_lang, "IMM": g_imm, "X": g_neg,
    "he": g_pron("he"), "He": g_pron("He"), "his": g_pron("his"), "His": g_pron("His"),
    "him": g_pron("him"), "himself": g_pron("himself"),
}
GEN_CATS = {
    "N": "name", "P": "professional_name", "D": "date", "DOB": "date_of_birth", "AGE": "age",
    "ADDR": "address", "PC": "postcode", "PCD": "postcode_district", "PLACE": "place",
    "INST": "institution", "PHONE": "phone", "EMAIL": "email", "URL": "url",
    "SOCIAL": "social_handle", "NHS": "nhs_number", "NI": "ni_number",
    "REF": "reference_number", "VRM": "vehicle_registration", "HEALTH": "health",
    "DISAB": "disability", "ETH": "ethnicity", "NAT": "nationality", "REL": "religion",
    "LANG": "language", "IMM": "immigration",
}
CATEGORIES = list(GEN_CATS.values())
