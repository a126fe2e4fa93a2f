#!/usr/bin/python3
"""Generate a fictional Serious Case Review (SCR) evaluation corpus for the
scrqm anonymisation check.

    generate.py --out DIR [--seed 7] [--reports 40] [--office-reports 4] [--no-office]

Writes DIR/report-NN.txt (one paragraph per line) and DIR/labels.json with
exact spans of planted identifiers and of hard negatives.  With LibreOffice
available, the first --office-reports reports are also written as .odt and
.docx carrying extra identifiers in a table, a footnote, the page header and
a comment.

Everything is fictional: names and places come from the lists below (not
from the checker's lexicons), phone numbers are in Ofcom's drama ranges,
NHS numbers start with 999 (never issued), e-mail and web addresses use
example domains.  Same seed -> byte-identical output.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

# ---------------------------------------------------------------------------
# Embedded data (independent of the checker's lexicons)
# ---------------------------------------------------------------------------

GIVEN_F = [
    "Jade", "Chloe", "Leanne", "Stacey", "Kerry", "Jodie", "Paige", "Demi", "Kelsey",
    "Shannon", "Keeley", "Tegan", "Kacey", "Lexi-Mae", "Tia-Rose", "Ellie-Mai", "Evie",
    "Maisie", "Harley", "Skye", "Brooke", "Amelia", "Poppy", "Isla", "Freya", "Megan",
    "Zoë", "Chloé", "Renée", "Noémie", "Siobhán", "Aoife", "Niamh", "Gráinne", "Róisín",
    "Eilidh", "Morag", "Catrin", "Ffion", "Seren", "Carys", "Angharad", "Małgorzata",
    "Dorota", "Agnieszka", "Katarzyna", "Zsófia", "Inês", "Ayşe", "Çağla", "Gülşen",
    "Kübra", "Ioana", "Andreea", "Aušra", "Ieva", "Chiamaka", "Ngozi", "Abena", "Adwoa",
    "Oluwaseun", "Tendai", "Nusrat", "Shabana", "Aisha", "Fatima", "Amina", "Hodan",
    "Harpreet", "Gurpreet", "Priya", "Anjali", "Thanh", "Mai", "Xiu", "Saoirse",
    "Kayleigh", "Jorja", "Mercedes", "Destiny", "Grace", "Summer", "Rose", "Tallulah",
    "Bethan", "Marnie", "Lacey", "Tamsin", "Wren", "Elowen", "Maryam", "Selin",
]

GIVEN_M = [
    "Liam", "Callum", "Kian", "Ryan", "Dean", "Wayne", "Tyler", "Brandon", "Kayden",
    "Jayden", "Reuben", "Alfie", "Harley", "Riley", "Archie", "Lewis", "Connor",
    "Jamie-Lee", "Jean-Paul", "Łukasz", "Bartłomiej", "Wojciech", "Jiří", "Tomáš",
    "Ádám", "Mihai", "Ionuț", "Ștefan", "Björn", "Søren", "José", "João", "Oisín",
    "Ciarán", "Seán", "Dáithí", "Ruairí", "Padraig", "Eoghan", "Rhys", "Dafydd",
    "Iwan", "Gethin", "Hamish", "Fraser", "Nnamdi", "Adebayo", "Kwame", "Kofi", "Emeka",
    "Tunde", "Farhan", "Imran", "Tariq", "Bilal", "Zain", "Amandeep", "Jaswinder",
    "Ranjit", "Arjun", "Dinh", "Minh", "Kemal", "Mehmet", "Emre", "Darius", "Mantas",
    "Arnas", "Klaus", "Raphaël", "Aurélien", "Ezekiel", "Tobias", "Brody", "Kobe",
    "Tadhg", "Cormac", "Lachlan", "Alasdair", "Yusuf", "Hamza", "Abdirahman", "Bashir",
]

SURNAMES = [
    "Carter", "Hughes", "Smith-Jones", "O'Connor", "D'Souza", "O'Neill", "McAllister",
    "MacLeod", "Fitzgerald", "Kowalczyk", "Nowak", "Wiśniewski", "Wójcik", "Kamińska",
    "Dąbrowski", "Popescu", "Ionescu", "Okafor", "Adeyemi", "Mensah", "Asante", "Begum",
    "Hussain", "Akhtar", "Chaudhry", "Sandhu", "Dhillon", "Nguyen", "Tran", "Yılmaz",
    "Öztürk", "Papadopoulos", "Ó Súilleabháin", "Featherstonehaugh", "Ashworth",
    "Brannigan", "Threlfall", "Postlethwaite", "Dunne", "Fairbrother", "Pickersgill",
    "Ramsbottom", "Sidebottom", "Wainwright", "Woodhouse", "Hirst", "Kaur", "Müller",
    "Schäfer", "Ferreira", "Gonçalves", "da Silva", "van der Merwe", "de Souza",
    "Le Roux", "St John", "Baker-Brown", "Hartley-Wood", "Clarke-Evans", "Pryce-Jones",
    "Llewellyn", "Gruffydd", "ap Rhys", "Quigley", "Mulholland", "Devlin", "McGinty",
    "Kilbride", "Duggan", "Rafferty", "Petrauskas", "Kazlauskas", "Berzins", "Horváth",
    "Novák", "Dvořák", "Haile", "Tesfaye", "Abdi", "Warsame", "Osei", "Boateng",
    "Oyelaran", "Nwosu", "Chukwu", "Igwe", "Baptiste", "Fontaine", "Gallagher",
    "Pemberton", "Holroyd", "Sunderland", "Stansfield", "Ackroyd", "Brearley", "Greenwood",
    "Entwistle", "Heseltine", "Lumb", "Crowther", "Mistry", "Parekh", "Chowdhury",
    "Rahman", "Siddiqui", "Qureshi", "Lindqvist", "Kerr", "Jones", "Brown", "Young",
    "Thompson", "Robinson", "Mahmood", "Bibi", "Ogunleye", "Oduya",
]

TOWNS = [
    "Northallerton", "Kirkby Marsh", "Thornaby-on-Tees", "Ystradgynlais",
    "Llanfair Caereinion", "Market Weighton", "Bishop's Stortford", "Newton-le-Willows",
    "Barrow-in-Furness", "Stoke-on-Trent", "Ashby-de-la-Zouch", "Sutton Coldfield",
    "Holmfirth", "Heckmondwike", "Mexborough", "Ossett", "Cleckheaton", "Brighouse",
    "Todmorden", "Skelmersdale", "Ormskirk", "Rhyl", "Merthyr Tydfil", "Cwmbrân",
    "Dumfries", "Kirkcaldy", "Coatbridge", "Peterlee", "Seaham", "Hetton-le-Hole",
    "Chester-le-Street", "Goole", "Scunthorpe", "Cleethorpes", "Great Yarmouth",
    "Lowestoft", "Thetford", "Wisbech", "Eastbridge", "Kelsby", "Thornwick",
    "Aldwick Green", "Castleford", "Pontefract", "Batley", "Dewsbury", "Keighley",
    "Shipley", "Bridlington", "Whitby", "Redcar", "Hartlepool", "Blyth", "Ashington",
    "Workington", "Maryport", "Morecambe", "Fleetwood", "Accrington", "Nelson", "Colne",
    "Tredegar", "Ebbw Vale", "Llanelli", "Ammanford", "Holyhead", "Kilmarnock",
    "Paisley", "Ballymena", "Newtownabbey", "Scarborough", "Harrogate", "Selby",
]

ESTATES = [
    "Beechwood", "Meadowbank", "Hollybush", "Park Farm", "Ravenscliffe", "Lingfield",
    "Sandyford", "Throstle Nest", "Moorside", "Gorsefield", "Kingfisher", "Ashfield",
    "Brackenhill", "Windmill Hill", "Falcon Ridge", "Broadacres", "Cowlersley",
    "Low Moor", "Orchard Park", "Penrhys", "Gurnos", "Ffaldau", "Kirkholt", "Bransholme",
]

STREET_FIRST = [
    "Elm", "Station", "Mill", "Church", "Beech", "Ash", "Oak", "Victoria", "Albert",
    "Chapel", "Hawthorn", "Rowan", "Cedar", "Willow", "Harehills", "Brudenell",
    "Thornhill", "Kirkgate", "Low Fold", "Birchwood", "Sycamore", "Laburnum", "Primrose",
    "Bluebell", "Foxglove", "Heather", "Juniper", "Larch", "Ivy", "Tanner's", "Weaver's",
    "Cooper's", "St Anne's", "Canal", "Quarry", "Colliery", "Pit", "Furnace", "Forge",
    "Ropewalk", "Gasworks", "Tannery", "Cemetery", "Vicarage", "Rectory", "Manor",
    "Grange", "Priory", "Abbey", "Nightingale", "Kestrel", "Lapwing", "Curlew",
]
STREET_TYPE = [
    "Road", "Street", "Lane", "Grove", "Avenue", "Close", "Crescent", "Drive", "Way",
    "Terrace", "Court", "Gardens", "Place", "Walk", "Mews", "View", "Rise", "Row",
]
WELSH_STREETS = ["Heol y Felin", "Ffordd Llanarth", "Stryd Fawr", "Heol Tŷ Gwyn",
                 "Lôn Isaf", "Ffordd yr Orsaf"]

INST_STEMS = [
    "Northmoor", "Riverside", "Oakfield", "Hillside", "Brookside", "Meadowcroft",
    "Greenbank", "Westfield", "Eastgate", "Highfield", "Springwell", "Fernhill",
    "Lowfield", "Moorlands", "Thornbury", "Ashgrove", "Kingsmead", "Woodlands",
    "Parkside", "Hollins", "Cragside", "Glenfield", "Fairview", "Brambles",
    "Sandbrook", "Hazelwood", "Redhill", "Whinmoor", "Calder Valley", "Aire Valley",
]
SAINTS = ["St Bede's", "St Mary's", "St Joseph's", "St Aidan's", "St Cuthbert's",
          "St Hilda's", "St Oswald's", "St Teilo's", "St Columba's", "Our Lady's",
          "St Wilfrid's", "Holy Trinity", "Christ Church", "St Chad's"]
WORSHIP = [
    "Al-Noor Mosque", "Masjid-e-Umar", "Jamia Mosque", "Guru Nanak Gurdwara",
    "Sri Guru Singh Sabha Gurdwara", "Shree Krishna Mandir", "Kingdom Hall of Jehovah's Witnesses",
    "Beth Shalom Synagogue", "New Testament Church of God", "Redeemed Christian Church of God",
    "Elim Pentecostal Church", "St Michael's Polish Catholic Church", "Romanian Orthodox Church of St Nicholas",
    "Ebenezer Chapel", "Bethel Apostolic Church", "Madina Masjid", "Holy Spirit Church",
]

HEALTH = [
    "cystic fibrosis", "sickle cell anaemia", "type 1 diabetes", "Duchenne muscular dystrophy",
    "Prader-Willi syndrome", "epilepsy", "cerebral palsy", "spina bifida", "Down syndrome",
    "ADHD", "autism spectrum disorder", "hepatitis C", "HIV", "tuberculosis",
    "bipolar disorder", "schizophrenia", "Crohn's disease", "Ehlers-Danlos syndrome",
    "osteogenesis imperfecta", "Kawasaki disease", "hydrocephalus", "gastroschisis",
    "Hirschsprung's disease", "global developmental delay", "foetal alcohol spectrum disorder",
    "neonatal abstinence syndrome", "Fragile X syndrome", "beta thalassaemia major",
    "phenylketonuria", "emotionally unstable personality disorder", "post-natal depression",
    "severe asthma", "Tourette syndrome", "juvenile idiopathic arthritis", "anorexia nervosa",
    "Williams syndrome", "congenital heart disease", "a cleft palate",
]
# (article, labelled part) -- "is ..." forms
DISABILITY_IS = [
    ("", "profoundly deaf"), ("", "registered blind"), ("a ", "wheelchair user"),
    ("", "partially sighted"), ("", "hearing impaired"), ("", "non-verbal"),
    ("", "deafblind"), ("", "visually impaired"), ("an ", "amputee"),
    ("", "severely sight impaired"), ("", "paraplegic"), ("", "registered disabled"),
]
DISABILITY_HAS = [
    ("a ", "learning disability"), ("", "severe learning disabilities"),
    ("a ", "visual impairment"), ("a ", "hearing impairment"), ("a ", "physical disability"),
    ("a ", "mild learning disability"), ("", "profound and multiple learning disabilities"),
    ("a ", "cochlear implant"), ("", "limited mobility following a spinal injury"),
]
ETHNICITY = [
    "White British", "Black British", "Black Caribbean", "Black African", "British Pakistani",
    "British Bangladeshi", "British Indian", "White Irish", "Irish Traveller", "Gypsy/Roma",
    "Roma", "Kurdish", "mixed White and Black Caribbean", "mixed White and Asian",
    "White Eastern European", "Gypsy Traveller", "Arab", "Chinese",
]
NATIONALITY = [
    "Polish", "Romanian", "Lithuanian", "Latvian", "Slovak", "Czech", "Eritrean",
    "Sudanese", "Afghan", "Syrian", "Iraqi", "Iranian", "Nigerian", "Ghanaian",
    "Zimbabwean", "Jamaican", "Albanian", "Vietnamese", "Bulgarian", "Hungarian",
    "Portuguese", "Filipino", "Brazilian", "Pakistani", "Bangladeshi", "Somali",
    "Ethiopian", "Congolese", "Estonian", "Moldovan",
]
COUNTRIES = ["Eritrea", "Sudan", "Afghanistan", "Syria", "Iraq", "Albania", "Vietnam",
             "Romania", "Poland", "Nigeria", "Somalia", "Zimbabwe", "Lithuania", "Slovakia"]
RELIGION_NOUN = [
    "Muslim", "Sikh", "Hindu", "Jehovah's Witness", "Roman Catholic", "Rastafarian",
    "Pentecostal Christian", "Orthodox Jew", "Buddhist", "Seventh-day Adventist",
    "practising Muslim", "Evangelical Christian",
]
RELIGION_ADJ = ["Muslim", "Sikh", "Hindu", "Catholic", "Jewish", "Pentecostal", "Buddhist",
                "Orthodox Christian", "Islamic", "Methodist", "Mormon", "Baptist"]
LANGUAGES = [
    "Tigrinya", "Amharic", "Polish", "Romanian", "Urdu", "Punjabi", "Mirpuri", "Sylheti",
    "Bengali", "Pashto", "Dari", "Farsi", "Arabic", "Kurdish Sorani", "Kurmanji",
    "Lithuanian", "Slovak", "Romani", "Czech", "Somali", "Yoruba", "Igbo", "Twi", "Tamil",
    "Gujarati", "Mandarin", "Cantonese", "Vietnamese", "Portuguese", "Welsh",
    "Scottish Gaelic", "Albanian", "Latvian", "Hungarian", "Shona", "Lingala", "Swahili",
    "Turkish", "British Sign Language", "Oromo",
]
IMM_A = [("an ", "asylum seeker"), ("a ", "refused asylum seeker"), ("an ", "overstayer"),
         ("an ", "unaccompanied asylum-seeking child"), ("a ", "failed asylum seeker"),
         ("a ", "refugee"), ("an ", "undocumented migrant"), ("a ", "visa overstayer")]
IMM_HAVE = ["no recourse to public funds", "indefinite leave to remain",
            "limited leave to remain", "refugee status", "humanitarian protection",
            "pre-settled status", "discretionary leave to remain",
            "an outstanding asylum claim", "a spousal visa", "a Tier 2 dependant visa"]

CITE_PAREN = ["(Munro, 2011)", "(Laming, 2009)", "(Ferguson, 2011)", "(Brandon et al., 2012)",
              "(Sidebotham et al., 2016)", "(Reder and Duncan, 1999)",
              "(Dingwall, Eekelaar and Murray, 1983)", "(Ofsted, 2011)",
              "(Cleaver, Unell and Aldgate, 2011)", "(HM Government, 2015)",
              "(Working Together, HM Government 2015)", "(Brandon et al., 2008)",
              "(Fish, Munro and Bairstow, 2008)", "(Reason, 1997)", "(Horwath, 2013)"]
CITE_TEXT = ["Reason (1997)", "Brandon et al. (2012)", "Munro (2011)",
             "Working Together (HM Government 2015)", "Reder and Duncan (1999)",
             "Fish, Munro and Bairstow (2008)", "Ferguson (2011)", "Laming (2009)",
             "Sidebotham et al. (2016)", "Dingwall, Eekelaar and Murray (1983)",
             "Horwath (2013)", "Turnell and Edwards (1999)"]

ALLOW = ["Margaret Hollis", "Simon Reeve"]
ALLOW_FORMS = ["Margaret Hollis", "Dr Simon Reeve"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMWORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"]

ONE_AREAS = ["B", "E", "G", "L", "M", "N", "S", "W"]
ONE_AREA_MAX = {"B": 98, "E": 18, "G": 84, "L": 40, "M": 90, "N": 22, "S": 81, "W": 14}
TWO_AREAS = ("AB AL BA BB BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DG "
             "DH DL DN DT DY EH EN EX FK FY GL GU HA HD HG HP HR HU HX IG IP KA KT KY "
             "LA LD LE LL LN LS LU ME MK ML NE NG NN NP NR OL OX PE PL PO PR RG RH RM "
             "SA SG SK SL SM SN SO SP SR SS ST SY TA TD TF TQ TR TS TW UB WA WD WF WN "
             "WR WS WV YO").split()
A9A_OUT = ["W1A", "W1B", "W1D", "W1F", "W1G", "W1H", "W1J", "W1K", "W1S", "W1T", "W1U",
           "W1W", "E1W", "N1C", "N1P"]
AA9A_OUT = ["EC1A", "EC1M", "EC1V", "EC2A", "EC2M", "EC3N", "EC4Y", "SW1A", "SW1E",
            "SW1H", "SW1P", "SW1V", "SW1W", "WC1A", "WC1B", "WC1E", "WC1N", "WC2H",
            "WC2N", "SE1P", "NW1W"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Ofcom drama ranges: (area code, local prefix, local digits)
LANDLINES = [("0113", "496 0", 3), ("0114", "496 0", 3), ("0115", "496 0", 3),
             ("0116", "496 0", 3), ("0117", "496 0", 3), ("0118", "496 0", 3),
             ("0121", "496 0", 3), ("0131", "496 0", 3), ("0141", "496 0", 3),
             ("0151", "496 0", 3), ("0161", "496 0", 3), ("0191", "498 0", 3),
             ("020", "7946 0", 3), ("029", "2018 0", 3), ("028", "9018 0", 3),
             ("01632", "960", 3)]

VEHICLES = ["silver Vauxhall Astra", "black BMW 3 Series", "white Ford Transit van",
            "red Ford Fiesta", "blue Volkswagen Golf", "grey Nissan Qashqai",
            "green Skoda Octavia", "black Audi A3", "white Peugeot 208", "maroon Honda Civic"]

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

# ---------------------------------------------------------------------------
# Sentence templates.  {KEY} or {KEY:variant} plants; <<text|why>> marks a
# literal hard negative.  Pseudonyms, roles, agencies, legislation and
# document references in the literal text are labelled as negatives
# automatically (AUTO_NEG below).
# ---------------------------------------------------------------------------

T_INTRO = [
    "This Serious Case Review was commissioned by the Local Safeguarding Children Board after Child A was admitted to hospital with serious injuries in {X:monthyear}.",
    "The review was led by an independent reviewer, {X:reviewer}, who has had no involvement with any of the agencies concerned.",
    "The decision to undertake a review was made by the chair of the Board, {X:chair}, in {X:monthyear}, in line with Working Together to Safeguard Children 2015.",
    "The criteria in <<Regulation 5|regulation number>> of the Local Safeguarding Children Boards Regulations 2006 were met.",
    "Child A was {AGE:old} when {he} was taken to {INST:hospital} with a head injury.",
    "At the time of the incident Child A lived with Mother, Father and Sibling 1 at {ADDR}, {PLACE:town} {PC}.",
    "Child A ({N:child_full}) had been known to several agencies since birth.",
    "The purpose of this review is to identify learning, not to apportion blame {X:citep}.",
    "The Board would like to thank the family, and in particular Maternal Grandmother, for their contribution to this review.",
    "Mother ({N:mother_full}) and Father agreed to meet the lead reviewer at their home in {PLACE:town}.",
    "The report uses pseudonyms throughout to protect the identity of the children and their family.",
    "Child A was pronounced dead at {INST:hospital} on {D}, and a post-mortem examination was carried out two days later.",
    "The review considers the period from the start of Mother's pregnancy, <<in the summer of 2012|season and year only>>, until the death of Child A.",
    "The Board extends its sympathy to everyone who knew and cared for {N:child}.",
    "The review was notified to Ofsted and to the national panel within five working days.",
    "Although criminal proceedings took place, the review has been completed without waiting for their outcome.",
    "Both parents were charged following an investigation by the police, and the trial concluded in {X:monthyear}.",
]

T_METHOD = [
    "The review used the systems methodology described by {X:citet}.",
    "Practitioners from Children's Social Care, the police, health services and CAMHS attended two learning events in {X:monthyear}.",
    "The timeframe for the review is from {D} to {D}.",
    "Agencies provided chronologies and reports covering the period from {X:monthyear} to {X:monthyear}.",
    "The terms of reference are set out in Appendix 1 and the membership of the review panel in Appendix 2.",
    "The panel met on six occasions; the first meeting was held on a {X:weekday} morning.",
    "Conversations with practitioners took place at {INST:centre} over two days.",
    "Information was also obtained from the family's GP practice, {INST:gp}, and from the school nurse.",
    "The review was delayed by parallel criminal proceedings ({REF:crime}).",
    "A draft of the report was shared with Mother on {D}, and her comments have been included.",
    "The review had regard to the Children Act 1989 and the Children Act 2004.",
    "Records were also requested from {INST:school}, which both children attended.",
    "Father declined to take part, but his solicitor, {P:plain}, provided a written statement.",
    "The panel included senior managers from the Local Authority, the Clinical Commissioning Group and the police.",
    "Mother contributed to the review by telephone from {PLACE:town}, where she now lives.",
    "The lead reviewer met Maternal Grandmother at her home on {PLACE:street} in {X:monthyear}.",
]

T_FAMILY = [
    "Child A was born on {DOB} at {INST:hospital}.",
    "Child A (DOB {DOB}) is the second child of Mother and Father.",
    "Sibling 1, {N:sibling}, was {AGE:old} at the time of the incident and attended {INST:school}.",
    "Mother, {N:mother_titled}, was born on {DOB:adult} and grew up in {PLACE:town}.",
    "Father ({N:father_full}, date of birth: {DOB:adult}) has two older children from a previous relationship.",
    "The {N:family} family had lived at {ADDR} since {X:year}.",
    "The family are {ETH} and Mother's first language is {LANG}.",
    "Father is a {NAT} national who came to the United Kingdom in {X:year}.",
    "At the time of the review Mother was {IMM:a} and the family had {IMM:have}.",
    "Maternal Grandmother, {N:gm_full}, lives nearby on {PLACE:street} and provided regular childcare.",
    "Father describes himself as {REL:a} and attended {INST:worship} each week.",
    "Mother has a history of {HEALTH} and has been supported by the community mental health team since {X:year}.",
    "Child A was diagnosed with {HEALTH} {AGE:aged}, which required frequent hospital appointments.",
    "Sibling 1 is {DISAB} and attends a specialist provision.",
    "Mother's partner, {N:partner_full}, moved into the household in {X:monthyear}.",
    "Father's mobile number, {PHONE:mobile}, was recorded on the referral form.",
    "Health records give Child A's NHS number as {NHS}.",
    "Mother's National Insurance number ({NI}) was used to verify her benefit claim.",
    "The family previously lived on the {PLACE:estate} before moving to {PLACE:town}.",
    "Mother used the {SOCIAL:ig} to post photographs of the children.",
    "Father is {ETH:a} man who was brought up by his grandparents in {PLACE:town}.",
    "{N:child_poss} father worked night shifts at a distribution centre near {PLACE:town}.",
    "The children were registered with {INST:gp} in {PLACE:town}.",
    "Child B was {AGE:old} when the family moved to {ADDR}, {PC}.",
    "Mother, who is {NAT}, moved to the area with her parents when she was {AGE:adult}.",
    "Father has {DISAB:has} and receives support from adult social care.",
    "The family's {REL} faith was important to them, although Mother said she no longer practised.",
    "Mother was born in {NAT:country} and speaks {LANG} and some English.",
    "{N:father_titled} has convictions for violence against a previous partner, {N:full}.",
    "Maternal Grandmother (date of birth {DOB:adult}) has cared for Sibling 1 at weekends since {X:year}.",
    "Child A's half-brother, {N:random}, lives with his father in the {PCD} area.",
    "The household also included Mother's cousin, known to professionals as {N:given}.",
    "Maternal Grandmother's National Insurance number, {NI}, appears on the kinship care assessment.",
    "An online appeal for the family ({URL}) raised several thousand pounds.",
    "Maternal Grandmother, who is {DISAB}, could not manage the stairs to the flat.",
    "Child A's ethnicity was recorded as {ETH} by the hospital and as {ETH} by the nursery.",
    "Mother's partner is {NAT} and had lived in the United Kingdom for less than a year.",
    "Paternal relatives live in the {PCD} area and had little contact with the children.",
]

T_EPISODE = [
    "On {D} the health visitor completed a new birth visit at the family home.",
    "On {D} Mother took Child A to {INST:gp}, where GP 1 noted a bruise to the left cheek.",
    "{P:police} attended the address at {X:time} following a call from a neighbour.",
    "Social worker {P:plain} visited on {D} but no one answered the door.",
    "The referral was made on {D} by {P:titled}, the school nurse at {INST:school}.",
    "The health visitor, {P:titled}, recorded that Child A was {AGE:old} and meeting developmental milestones.",
    "A strategy discussion was held on {D} under section 47 of the Children Act 1989.",
    "Child A was admitted to {INST:ward} at {INST:hospital} on {D}.",
    "A skeletal survey carried out on {D} showed healing fractures of the ribs.",
    "The {REF:log} records that Father was arrested at the scene.",
    "Mother telephoned the MASH from {PHONE} to report that Father had taken Child A.",
    "The car in which Child A was found, a {VEH} ({VRM}), belonged to Mother's partner.",
    "Father emailed Social Worker 2 from {EMAIL} on {D}, complaining about the assessment.",
    "Child A's case was transferred to Social Worker 2 under {REF:case}.",
    "Child A became subject to a child protection plan under the category of neglect on {D} ({REF:cp}).",
    "The GP practice recorded a contact number of {PHONE:land} for Maternal Grandmother.",
    "Father was stopped while driving vehicle {VRM} and was found to be over the legal limit.",
    "On {D} Mother missed an appointment at {INST:centre}; this was the third missed appointment in a row.",
    "An anonymous caller reported that the children had been left alone at {ADDR}, {PC}.",
    "Mother posted on her {SOCIAL:fb} that she was 'at the end of her tether'.",
    "After Child A's death a family friend set up a fundraising page ({URL}).",
    "An interpreter who spoke {LANG} was not booked for the initial child protection conference.",
    "The health visitor noted that Father, who is {DISAB}, found it difficult to lift Child A.",
    "{AGE:aged:cap}, Child A was seen in the emergency department with a burn to the hand.",
    "The social worker spoke with {N:child} alone on {D}, and {he} said {he} was happy at home.",
    "Police Officer 1 carried out a welfare check on {D} and found the house cold and dirty.",
    "Child A started at {INST:nursery} on {D}, when {he} was {AGE:old}.",
    "On {D} {P:police} and Social Worker 2 carried out a joint visit.",
    "The midwife, {P:plain}, recorded that Mother had booked late, <<at 24 weeks' gestation|gestation, not an age>>.",
    "The family moved to {ADDR}, {PLACE:town}, in {X:monthyear} without informing Children's Social Care.",
    "Child A was not brought to {his} appointment with the paediatrician at {INST:hospital} on {D}.",
    "Father's sister, who lives in the {PCD} area, offered to care for the children.",
    "The housing officer's records give the family's address as {ADDR}, {PC}.",
    "A referral was sent by email to {EMAIL} but was not acknowledged for eleven days.",
    "Mother's mobile ({PHONE:mobile}) was switched off for most of that week.",
    "The police referral gives Child A's full name, {N:child_full}, and date of birth, {DOB}.",
    "{P:dr}, a consultant paediatrician, concluded that the injuries were likely to have been inflicted.",
    "{INST:school} reported that Sibling 1's attendance had fallen to 71%.",
    "Child A was weighed at {INST:centre} by the health visitor on {D}.",
    "The initial child protection conference on {D} was chaired by {P:titled}.",
    "Mother told the health visitor that {N:partner} was 'just a friend' who sometimes stayed over.",
    "On {D} the family was evicted from {ADDR} because of rent arrears.",
    "A neighbour, {N:titled}, told the police that she often heard a baby crying late at night.",
    "The hospital discharge summary records Child A's NHS number ({NHS}) and {his} {HEALTH}.",
    "Mother attended {INST:gp} on {D} and told GP 2 that she felt isolated in {PLACE:town}.",
    "Health visitor {P:titled} made a referral to Early Help after the visit on {D}.",
    "The benefits agency confirmed that Father's National Insurance number was {NI}.",
    "On {D} Father was seen by a police patrol on {PLACE:street} with Child A in a pushchair.",
    "The out-of-hours GP service recorded a call from {PHONE} at {X:time} on {D}.",
    "CCTV showed Father's car, a {VEH} with the registration {VRM}, outside the address.",
    "Mother said that {N:child} had been 'clingy' since starting at {INST:nursery}.",
    "The school nurse saw Sibling 1 on {D} and noted that {N:sibling} appeared hungry.",
    "Social Worker 2 visited {N:gm_full} at {ADDR}, {PC}, to assess her as a kinship carer.",
    "Father's {SOCIAL:tiktok} showed videos of Child A being thrown into the air.",
    "The police record a further domestic incident on {D} ({REF:marac}).",
    "Care proceedings were issued on {D} under {REF:court}.",
    "Child A was seen at {INST:hospital} ({REF:hosp}) with a spiral fracture of the left arm.",
    "The family's {ETH} heritage and Father's {REL} faith were not explored in the assessment.",
    "An interpreter for {LANG} was used at the review conference on {D}.",
    "The Home Office confirmed on {D} that Father had {IMM:have}.",
    "{N:initials} was named on the tenancy agreement as the sole tenant.",
    "Father's {SOCIAL:snap} was shared with the police by Sibling 1's school.",
    "Mother told {P:titled}, the family support worker, that {N:father} had moved to {PLACE:town}.",
    "On {D} the police log ({REF:incident}) recorded a report of shouting from the flat.",
    "The school, {INST:school}, telephoned Children's Social Care on {D} when Sibling 1 arrived with a bruised eye.",
    "The paediatric assessment took place at {INST:centre} when Child A was {AGE:old}.",
    "{N:poss} mother, a neighbour, described the household as chaotic.",
    "The GP letter to {INST:hospital} gave Mother's NHS number as {NHS} and listed her diagnosis of {HEALTH}.",
    "Father's email address ({EMAIL}) was used to arrange the core group meeting.",
    "Social Worker 1 noted that Mother, {AGE:adult}, had been in care herself in {PLACE:town}.",
    "A local news website ({URL}) published photographs of the house after the arrest.",
    "Mother's blog, {URL}, described her difficulties with the housing provider.",
    "Mother moved to a refuge outside the {PCD} postcode district for her own safety.",
    "The visiting officer noted that Father, who has {DISAB:has}, was the main carer for Child A.",
    "Sibling 1 told the school nurse that other children teased {him} for being {ETH}.",
    "Father's {NAT} passport was held by the police during the investigation.",
    "The family were rehoused in {PCD}, some distance from Maternal Grandmother.",
    "The Department for Work and Pensions held Mother's claim under National Insurance number {NI}.",
    "Father gave his National Insurance number as {NI} when he registered at {INST:gp}.",
]

T_ANALYSIS = [
    "Research has consistently shown that the risks to babies are often underestimated {X:citep}.",
    "{X:citet} describes how practitioners can become over-optimistic about parents' capacity to change.",
    "<<There was hope|'hope' used as a word, not a name>> among practitioners that the birth of Child B would be a turning point.",
    "Mother told the social worker that she <<will|modal verb, not a name>> do anything to keep her children.",
    "A small party was held at the nursery to <<mark|verb, not a name>> the occasion of Child A's second birthday.",
    "The electricity <<bill|noun, not a name>> was unpaid for several months and the family relied on a prepayment meter.",
    "Child A liked to play in the <<rose|noun, not a name>> garden at the local park.",
    "The housing provider allowed a <<grace|noun, not a name>> period of four weeks before starting eviction proceedings.",
    "The assessment was completed <<in May 2015|month and year only>>, outside the expected timescale.",
    "There was no evidence that the risk was discussed at the meeting held on a {X:weekday}.",
    "As set out at para 4.2, the panel considered whether the threshold for a section 47 enquiry had been met.",
    "The decision to provide services under s.17 rather than s.47 was not recorded.",
    "The analysis draws on the concept of the 'hidden male' {X:citep}.",
    "Practitioners were not always clear about the role of the MASH or how to contact CAMHS.",
    "<<Frank|sentence-initial adjective, not a name>> conversations with parents about risk are difficult but necessary.",
    "<<Summer|season word, not a name>> holidays were identified as a time of increased risk for the children.",
    "<<Young|adjective, not a surname>> parents may need additional support to engage with universal services.",
    "<<Brown|colour word, not a surname>> staining was noted on the bedding during the unannounced visit.",
    "In {X:year} the Local Authority restructured its Early Help services.",
    "Ofsted inspected Children's Social Care in {X:monthyear} and judged services to require improvement.",
    "Section 11 of the Children Act 2004 places a duty on agencies to safeguard and promote the welfare of children.",
    "The referral was not passed to CAMHS within the <<18-week|waiting-time target, not an age>> target.",
    "The child protection plan lasted {X:dur} and ended without a clear rationale.",
    "Mother was <<in her early twenties|approximate age, not precise>> and had little support from her own family.",
    "Practitioners across agencies, including GP 1 and Social Worker 2, described very high caseloads.",
    "The findings are consistent with the national analysis of serious case reviews {X:citep}.",
    "The chronology at {X:page} shows that five referrals were made in less than a year.",
    "The batch number on the medicine box, {X:nhsbad}, was checked by the pharmacist.",
    "The serial number of the baby monitor ({X:nhsbad}) was recorded by the police but was not relevant.",
    "The specimen number {X:nibad} printed on the training version of the form was copied into the record by mistake.",
    "A code on the housing file, {X:nibad}, was at first taken for a National Insurance number but is a property reference.",
    "The duty telephone was answered on a {X:weekday} evening by an agency worker.",
    "The term 'toxic trio' has been criticised as too simplistic {X:citep}.",
    "The lead reviewer, {X:reviewer}, discussed the emerging findings with the panel in {X:monthyear}.",
    "Working Together to Safeguard Children 2015 is clear that the child's voice must be heard.",
    "The health visitor's records were detailed, but the significance of the bruise was not recognised.",
    "Professional curiosity about the identity of Mother's partner was limited.",
    "Information about Father's history of violence was held by the police but not shared with Children's Social Care.",
    "The invoice for the nursery place, number {X:nhsbad}, remained unpaid when Child A left.",
    "Mother's <<faith|noun, not a name>> in professionals had been damaged by earlier experiences of care.",
    "The practice of <<Grace|reference to a named model, not a person>> and <<Hope|reference to a named model, not a person>> sessions at the children's centre is described in Appendix 3.",
    "The panel chair, {X:chair}, asked the Board to consider the findings at its meeting in {X:monthyear}.",
    "A <<long|adjective, not a surname>> delay followed before the case was allocated in {X:monthyear}.",
    "Agencies relied on self-report, and there was little triangulation of what Mother said.",
    "The weekly core group met on a {X:weekday}, which Father could not attend because of work.",
    "Neglect is often cumulative and is easily lost in a focus on single incidents {X:citep}.",
    "This was compounded by a lack of supervision for Social Worker 2 between {X:monthyear} and {X:monthyear}.",
    "Table 2 summarises the contacts each agency had with the family.",
]

T_FINDINGS_INTRO = [
    "The review identified the following findings, which are set out with questions for the Board.",
    "The learning from this review is relevant beyond the {N:family} family and the agencies involved.",
    "Each finding is discussed in the analysis section above, at para 5.1 to para 5.4.",
    "The findings are based on the evidence gathered, including the learning events held in {X:monthyear}.",
]
T_FINDINGS = [
    "Finding {n}: Professionals did not consider the impact of Father's history of violence on the care of a young baby.",
    "Finding {n}: Missed health appointments were not recognised as a possible indicator of neglect.",
    "Finding {n}: The voice of the child was not heard during assessments.",
    "Finding {n}: Information held by the police was not shared with the MASH in a timely way.",
    "Finding {n}: Interpreters were not consistently used when working with a family whose first language is not English.",
    "Finding {n}: Agencies did not establish who was living in the household.",
    "Finding {n}: The significance of a bruise in a non-mobile baby was not understood by all practitioners.",
    "Finding {n}: Step-down from a child protection plan to Early Help was not supported by a clear plan.",
]
T_RECS = [
    "Recommendation {n}: The Board should seek assurance that agencies follow the bruising protocol for non-mobile babies.",
    "Recommendation {n}: The Local Authority should review how interpreters are booked for child protection conferences.",
    "Recommendation {n}: The Clinical Commissioning Group should ensure that GP practices record who lives in a child's household.",
    "Recommendation {n}: The police should review how domestic abuse notifications are shared with the MASH.",
    "Recommendation {n}: All agencies should promote the importance of professional curiosity about fathers and partners.",
    "Recommendation {n}: The Board should evaluate the impact of this review within 12 months.",
]
T_CONCLUSION = [
    "This review has highlighted how easily the needs of a young child can be lost among the needs of the adults around them.",
    "The Board has accepted the recommendations and will monitor the action plan through its Learning and Improvement sub-group.",
    "The lead reviewer, {X:reviewer}, is grateful to all the practitioners who contributed.",
    "The report was approved by the Board on a {X:weekday} in {X:monthyear} and published with the agreement of the family.",
    "Any comments about this report should be sent to the Board manager by post, not by telephone.",
]

EPISODE_TITLES = ["Practice episode one: pregnancy and birth",
                  "Practice episode two: the first child protection plan",
                  "Practice episode three: the move to new accommodation",
                  "Practice episode four: the weeks before the incident"]
SECTION_VARIANTS = {
    "intro": ["Introduction", "Introduction and reasons for the review"],
    "method": ["Methodology", "Terms of reference and methodology", "Process of the review"],
    "family": ["Family background", "The family", "Background to the family"],
    "events": ["Summary of events", "Key practice episodes", "Narrative of events"],
    "analysis": ["Analysis", "Analysis of practice"],
    "findings": ["Findings", "Findings and learning"],
    "recs": ["Recommendations"],
    "conclusion": ["Conclusion", "Concluding comments"],
}

AUTO_NEG = [
    (r"Local Safeguarding Children Boards Regulations 2006|Working Together to Safeguard Children 2015|"
     r"Children Act 1989|Children Act 2004", "legislation or statutory guidance"),
    (r"Maternal Grandmother|Paternal Grandmother|Child [AB]|Sibling [12]|Mother|Father|GP [12]|"
     r"Social Worker [12]|Police Officer 1", "pseudonym"),
    (r"the health visitor|the school nurse|the lead reviewer|the social worker|the midwife|"
     r"[Aa] consultant paediatrician|the paediatrician|the family support worker|the housing officer",
     "professional role without a name"),
    (r"the Local Safeguarding Children Board|the Local Authority|Children's Social Care|the police|"
     r"Ofsted|CAMHS|the MASH|the Clinical Commissioning Group|Early Help|the Home Office|"
     r"the Board|the NSPCC|the community mental health team|adult social care", "agency name"),
    (r"Recommendation \d+|Finding \d+|para \d+(?:\.\d+)*|section \d+|Section \d+|s\.\d+|"
     r"Appendix \d+|Table \d+|page \d+", "document or statute reference"),
    (r"Serious Case Review", "document title"),
]
AUTO_NEG_RE = [(re.compile(r"(?<![\w'])(?:%s)(?![\w])" % p.replace("the ", "[Tt]he ")), w)
               for p, w in AUTO_NEG]

TOKEN_RE = re.compile(r"\{([A-Za-z]+)(?::([a-z_]+))?(?::(cap))?\}|<<(.+?)\|(.+?)>>")


def template_cats(t):
    cats = []
    for m in TOKEN_RE.finditer(t):
        if m.group(1) in GEN_CATS:
            cats.append(GEN_CATS[m.group(1)])
    return cats


def render(ctx, template, extra=None):
    """Render one template; returns (text, spans)."""
    text, spans = "", []
    pos = 0
    for m in TOKEN_RE.finditer(template):
        text += template[pos:m.start()]
        pos = m.end()
        if m.group(4) is not None:
            off = len(text)
            text += m.group(4)
            spans.append((off, len(text), "negative", m.group(5)))
            continue
        key, var, cap = m.group(1), m.group(2), m.group(3)
        if extra and key in extra:
            piece = (str(extra[key]), [])
        elif key == "VEH":
            piece = (ctx.rng.choice(VEHICLES), [])
        else:
            piece = GEN[key](ctx, var)
        t, sp = piece
        if cap:
            t = t[0].upper() + t[1:]
        off = len(text)
        text += t
        spans += [(s + off, e + off, c, w) for (s, e, c, w) in sp]
    text += template[pos:]
    return text, spans


def add_auto_negatives(text, spans):
    out = list(spans)
    for rx, why in AUTO_NEG_RE:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(s < e2 and s2 < e for (s2, e2, _, _) in out):
                continue
            out.append((s, e, "negative", why))
    out.sort(key=lambda x: (x[0], x[1]))
    return out


# ---------------------------------------------------------------------------
# Report assembly
# ---------------------------------------------------------------------------

class Builder:
    def __init__(self, counts):
        self.counts = counts  # global planted counts (balancing across the corpus)

    def pick(self, ctx, pool, used, local):
        r = ctx.rng
        cands = [t for t in pool if t not in used]
        if not cands:
            cands = list(pool)
        weights = []
        for t in cands:
            w = 0.4
            for c in template_cats(t):
                n = self.counts.get(c, 0) + local.get(c, 0)
                w += 4.0 / (1.0 + n / 4.0)
            weights.append(w)
        t = r.choices(cands, weights=weights, k=1)[0]
        used.add(t)
        return t


def build_report(ctx, counts):
    r = ctx.rng
    b = Builder(counts)
    used = set()
    local = {}
    lines = []  # (text, spans)

    def heading(text):
        m = re.match(r"^(\d+(?:\.\d+)?\.?\s)(.*)$", text)
        spans = []
        if m:
            spans.append((len(m.group(1)), len(text), "negative", "heading"))
        lines.append((text, spans))

    def para(pool, n):
        sents, spans = [], []
        text = ""
        for _ in range(n):
            t = b.pick(ctx, pool, used, local)
            s, sp = render(ctx, t)
            for (_, _, c, _) in sp:
                if c != "negative":
                    local[c] = local.get(c, 0) + 1
            if text:
                text += " "
            off = len(text)
            text += s
            spans += [(a + off, z + off, c, w) for (a, z, c, w) in sp]
        lines.append((text, spans))

    two = r.random() < 0.35
    lines.append(("Serious Case Review: Child A" + (" and Child B" if two else ""),
                  []))
    lines.append(("Overview report. Lead reviewer: Margaret Hollis",
                  [(len("Overview report. Lead reviewer: "), len("Overview report. Lead reviewer: Margaret Hollis"),
                    "negative", "public lead reviewer (allow-list)")]))
    sec = 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["intro"])))
    para(T_INTRO, r.randint(2, 3))
    para(T_INTRO, r.randint(2, 3))
    sec += 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["method"])))
    para(T_METHOD, r.randint(2, 4))
    sec += 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["family"])))
    para(T_FAMILY, r.randint(3, 4))
    para(T_FAMILY, r.randint(2, 4))
    sec += 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["events"])))
    neps = r.randint(2, 4)
    for i in range(neps):
        heading("%d.%d %s" % (sec, i + 1, EPISODE_TITLES[i]))
        para(T_EPISODE, r.randint(3, 4))
        if r.random() < 0.7:
            para(T_EPISODE, r.randint(2, 4))
    sec += 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["analysis"])))
    para(T_ANALYSIS, r.randint(3, 5))
    para(T_ANALYSIS, r.randint(3, 4))
    sec += 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["findings"])))
    para(T_FINDINGS_INTRO, 1)
    for i, t in enumerate(r.sample(T_FINDINGS, r.randint(2, 4))):
        lines.append(render(ctx, t, {"n": i + 1}))
    sec += 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["recs"])))
    for i, t in enumerate(r.sample(T_RECS, r.randint(2, 4))):
        lines.append(render(ctx, t, {"n": i + 1}))
    sec += 1
    heading("%d. %s" % (sec, r.choice(SECTION_VARIANTS["conclusion"])))
    para(T_CONCLUSION, 2)
    return [(t, add_auto_negatives(t, sp)) for (t, sp) in lines]


def word_count(lines):
    return sum(len(t.split()) for t, _ in lines)


# ---------------------------------------------------------------------------
# Office documents (Flat ODF -> .odt / .docx via LibreOffice)
# ---------------------------------------------------------------------------

def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


T_TABLE_ROWS = [
    ("{D}", "Child A seen at {INST:hospital} by {P:dr}."),
    ("{D}", "Home visit to {ADDR}, {PC}, by Social Worker 2."),
    ("{D}", "Mother called the MASH from {PHONE}."),
    ("{D}", "{N:child_full} started at {INST:nursery}."),
    ("{D}", "Strategy discussion; {P:police} attended."),
    ("{D}", "Father's car ({VRM}) stopped on {PLACE:street}."),
]
T_FOOTNOTE = ["At the time the family lived at {ADDR}, {PLACE:town} {PC}.",
              "Health records list Child A's NHS number as {NHS} and GP as {INST:gp}.",
              "The family's caseworker was {P:plain}, contactable on {PHONE:land}."]
T_HEADER = ["Serious Case Review: Child A ({N:child_full}) - confidential draft",
            "Draft for the panel - {N:family} family - {D}",
            "Confidential: Child A, born {DOB}"]
T_COMMENT = ["Remove {N:mother_full} and the email {EMAIL} before publication?",
             "Check with {P:titled} whether Mother's number {PHONE:mobile} should be removed.",
             "Is {INST:school} too identifying? The case number {REF:case} must go."]


def build_office_parts(ctx):
    """Returns dict where -> list of paragraphs (text, spans)."""
    r = ctx.rng
    header = [render(ctx, r.choice(T_HEADER))]
    table = [("Date", [(0, 4, "negative", "table heading")]), ("Agency contact", [])]
    for d, ev in r.sample(T_TABLE_ROWS, 4):
        table.append(render(ctx, d))
        table.append(render(ctx, ev))
    footnote = [render(ctx, r.choice(T_FOOTNOTE))]
    comment = [render(ctx, r.choice(T_COMMENT))]
    parts = {"header": header, "table": table, "footnote": footnote, "comment": comment}
    return {k: [(t, add_auto_negatives(t, sp)) for (t, sp) in v] for k, v in parts.items()}


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta>
  <meta:creation-date>2018-01-01T00:00:00</meta:creation-date>
  <dc:date>2018-01-01T00:00:00</dc:date>
  <dc:language>en-GB</dc:language>
 </office:meta>
 <office:font-face-decls>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="en" fo:country="GB"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-bottom="0.25cm"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
   <style:text-properties fo:font-size="16pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
   <style:text-properties fo:font-size="13pt"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter">
   <style:text-properties fo:font-size="20pt"/>
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Tbl1" style:family="table">
   <style:table-properties style:width="16cm" table:align="margins"/>
  </style:style>
  <style:style style:name="Tbl1.A" style:family="table-column">
   <style:table-column-properties style:column-width="8cm"/>
  </style:style>
  <style:style style:name="Tbl1.Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">%HEADER%</text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
"""
FODT_TAIL = """  </office:text>
 </office:body>
</office:document>
"""


def write_fodt(path, lines, parts, table_after, footnote_at, comment_at):
    out = [FODT_HEAD.replace("%HEADER%", xesc(parts["header"][0][0]))]
    cells = parts["table"]
    for i, (t, _) in enumerate(lines):
        m = re.match(r"^\d+(\.\d+)?\.?\s", t)
        tail = ""
        if i == footnote_at:
            tail = ('<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                    '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                    % xesc(parts["footnote"][0][0]))
        if i == comment_at:
            tail += ('<office:annotation><dc:creator>Reviewer</dc:creator><dc:date>2018-01-01T12:00:00</dc:date>'
                     '<text:p>%s</text:p></office:annotation>' % xesc(parts["comment"][0][0]))
        if i == 0:
            out.append('   <text:p text:style-name="Title">%s%s</text:p>\n' % (xesc(t), tail))
        elif m and len(t) < 80:
            lvl = 2 if m.group(1) else 1
            out.append('   <text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s%s</text:h>\n'
                       % (lvl, lvl, xesc(t), tail))
        else:
            out.append('   <text:p text:style-name="Text_20_body">%s%s</text:p>\n' % (xesc(t), tail))
        if i == table_after:
            out.append('   <table:table table:name="Table1" table:style-name="Tbl1">\n'
                       '    <table:table-column table:style-name="Tbl1.A" table:number-columns-repeated="2"/>\n')
            for k in range(0, len(cells), 2):
                out.append("    <table:table-row>\n")
                for c in cells[k:k + 2]:
                    out.append('     <table:table-cell table:style-name="Tbl1.Cell" office:value-type="string">'
                               '<text:p text:style-name="Table_20_Contents">%s</text:p></table:table-cell>\n' % xesc(c[0]))
                out.append("    </table:table-row>\n")
            out.append("   </table:table>\n")
    out.append(FODT_TAIL)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(out))


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
NORMALISE = [
    (re.compile(rb"<meta:creation-date>[^<]*</meta:creation-date>"), b"<meta:creation-date>2018-01-01T00:00:00</meta:creation-date>"),
    (re.compile(rb"<dc:date>[^<]*</dc:date>"), b"<dc:date>2018-01-01T00:00:00</dc:date>"),
    (re.compile(rb"<meta:editing-duration>[^<]*</meta:editing-duration>"), b"<meta:editing-duration>PT0S</meta:editing-duration>"),
    (re.compile(rb"<meta:generator>[^<]*</meta:generator>"), b"<meta:generator>scrqm corpus generator</meta:generator>"),
    (re.compile(rb' officeooo:(?:paragraph-)?rsid="[0-9a-fA-F]*"'), b""),
    (re.compile(rb'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)'), rb"\g<1>2018-01-01T00:00:00Z\g<3>"),
    (re.compile(rb"<TotalTime>[^<]*</TotalTime>"), b"<TotalTime>0</TotalTime>"),
    (re.compile(rb"<Application>[^<]*</Application>"), b"<Application>scrqm corpus generator</Application>"),
    (re.compile(rb' w:rsid\w*="[0-9A-Fa-f]*"'), b""),
    (re.compile(rb"<w:rsids>.*?</w:rsids>", re.S), b""),
    (re.compile(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+'), rb"\g<1>0"),
    (re.compile(rb'w:date="[^"]*"'), b'w:date="2018-01-01T12:00:00Z"'),
]


def normalise_zip(path):
    """Make a converted .odt/.docx byte-reproducible: fixed timestamps, no rsids."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for info, data in entries:
            if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                for rx, rep in NORMALISE:
                    data = rx.sub(rep, data)
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, data)
    os.replace(tmp, path)


def convert(fodts, outdir, fmt):
    prof = tempfile.mkdtemp(prefix="corpusprof-%d-" % os.getpid(), dir="/tmp")
    try:
        cmd = ["soffice", "--headless", "--norestore",
               "-env:UserInstallation=file://" + prof, "--convert-to", fmt, "--outdir", outdir] + fodts
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    finally:
        shutil.rmtree(prof, ignore_errors=True)


# ---------------------------------------------------------------------------

def items_for(fname, lineno, text, spans, where=None):
    items = []
    for (s, e, c, w) in spans:
        it = {"file": fname}
        if where is None:
            it["line"] = lineno
        else:
            it["where"] = where
            it["paragraph"] = lineno
        it.update({"start": s, "end": e, "text": text[s:e], "category": c})
        if c == "negative":
            it["why"] = w
        items.append(it)
    return items


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reports", type=int, default=40)
    ap.add_argument("--office-reports", type=int, default=4)
    ap.add_argument("--no-office", action="store_true", help="skip the .odt/.docx part")
    args = ap.parse_args()

    # template count sanity
    all_t = (T_INTRO + T_METHOD + T_FAMILY + T_EPISODE + T_ANALYSIS + T_FINDINGS_INTRO + T_FINDINGS
             + T_RECS + T_CONCLUSION)
    assert len(set(all_t)) == len(all_t) and len(all_t) >= 80, len(all_t)

    os.makedirs(args.out, exist_ok=True)
    for f in sorted(os.listdir(args.out)):
        if re.match(r"report-\d+\.(txt|odt|docx)$", f) or f == "labels.json":
            os.remove(os.path.join(args.out, f))

    master = random.Random(args.seed)
    counts = {}
    items = []
    reports = []
    for idx in range(1, args.reports + 1):
        rseed = master.randrange(1 << 30)
        for attempt in range(50):
            ctx = Ctx(random.Random(rseed * 100 + attempt), idx)
            lines = build_report(ctx, counts)
            if 600 <= word_count(lines) <= 1200:
                break
        else:
            raise SystemExit("could not build report %d within 600-1200 words" % idx)
        for _, sp in lines:
            for (_, _, c, _) in sp:
                if c != "negative":
                    counts[c] = counts.get(c, 0) + 1
        fname = "report-%02d.txt" % idx
        with open(os.path.join(args.out, fname), "w", encoding="utf-8", newline="\n") as f:
            for t, _ in lines:
                assert "\n" not in t and "\r" not in t
                f.write(t + "\n")
        for n, (t, sp) in enumerate(lines):
            items += items_for(fname, n, t, sp)
        reports.append((idx, ctx, lines))

    office_done = False
    if not args.no_office and args.office_reports > 0:
        if shutil.which("soffice") is None:
            print("warning: soffice not found; .odt/.docx part skipped", file=sys.stderr)
        else:
            tmpd = tempfile.mkdtemp(prefix="corpusfodt-", dir="/tmp")
            try:
                fodts = []
                office_items = []
                for idx, ctx, lines in reports[:args.office_reports]:
                    orng = random.Random(args.seed * 7919 + idx)
                    octx = Ctx(orng, idx)
                    # keep the report's cast so the extra parts match the body
                    for k in ("year", "child_sex", "child", "sibling", "family", "mother", "father",
                              "father_surname", "partner", "gm", "town", "pron"):
                        setattr(octx, k, getattr(ctx, k))
                    parts = build_office_parts(octx)
                    heads = [i for i, (t, _) in enumerate(lines) if re.match(r"^\d+\.\d+ ", t)]
                    body = [i for i, (t, _) in enumerate(lines) if len(t) > 120]
                    table_after = heads[0] + 1 if heads else len(lines) // 2
                    footnote_at = body[1]
                    comment_at = body[len(body) // 2]
                    base = "report-%02d" % idx
                    fp = os.path.join(tmpd, base + ".fodt")
                    write_fodt(fp, lines, parts, table_after, footnote_at, comment_at)
                    fodts.append(fp)
                    for ext in ("odt", "docx"):
                        fname = base + "." + ext
                        for n, (t, sp) in enumerate(lines):
                            office_items += items_for(fname, n, t, sp, "body")
                        for where in ("header", "table", "footnote", "comment"):
                            for n, (t, sp) in enumerate(parts[where]):
                                office_items += items_for(fname, n, t, sp, where)
                for fmt in ("odt", "docx"):
                    convert(fodts, tmpd, fmt)
                for fp in fodts:
                    base = os.path.basename(fp)[:-5]
                    for ext in ("odt", "docx"):
                        src = os.path.join(tmpd, base + "." + ext)
                        if not os.path.exists(src):
                            raise SystemExit("conversion failed: " + src)
                        dst = os.path.join(args.out, base + "." + ext)
                        shutil.move(src, dst)
                        normalise_zip(dst)
                items += office_items
                office_done = True
            finally:
                shutil.rmtree(tmpd, ignore_errors=True)

    # verify every label against the written text
    cache = {}
    for it in items:
        if "line" in it:
            if it["file"] not in cache:
                with open(os.path.join(args.out, it["file"]), encoding="utf-8") as f:
                    cache[it["file"]] = f.read().split("\n")
            line = cache[it["file"]][it["line"]]
            assert line[it["start"]:it["end"]] == it["text"], it
        assert it["text"] and it["text"] == it["text"].strip(), it

    planted = [i for i in items if i["category"] != "negative" and "line" in i]
    negs = [i for i in items if i["category"] == "negative" and "line" in i]
    per = {c: 0 for c in CATEGORIES}
    for i in planted:
        per[i["category"]] += 1

    with open(os.path.join(args.out, "labels.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write('{"allow": %s,\n "items": [\n' % json.dumps(ALLOW, ensure_ascii=False))
        f.write(",\n".join("  " + json.dumps(it, ensure_ascii=False) for it in items))
        f.write("\n]}\n")

    words = sum(word_count(l) for _, _, l in reports)
    print("%d reports, %d words (%d-%d per report), %d planted, %d negatives (txt); office: %s"
          % (len(reports), words, min(word_count(l) for _, _, l in reports),
             max(word_count(l) for _, _, l in reports), len(planted), len(negs),
             "%d reports as .odt+.docx" % args.office_reports if office_done else "skipped"))
    for c in CATEGORIES:
        print("  %-22s %4d" % (c, per[c]))
    low = [c for c, n in per.items() if n < 25]
    assert not low, "categories under 25: %s" % low
    assert len(negs) >= len(planted), (len(negs), len(planted))


if __name__ == "__main__":
    main()
