"""The generator's fictional data (tests/corpus/generate.py): names, places,
institutions, sensitive categories, date and number words, postcode areas and
Ofcom's drama telephone ranges; deliberately independent of the checker's
lexicons."""

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
