"""The generator's sentence templates (tests/corpus/generate.py) and their
rendering into labelled text, with the automatic negatives."""

import re

from corpus_data import VEHICLES
from corpus_pieces import GEN, GEN_CATS


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
