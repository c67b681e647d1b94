"""A fourth set of hand-marked test stories, and a list of look-alikes, for the story scanner.

Written on 2026-11-30, after STORIES, SECOND_SET and THIRD_SET in ``scanner_corpus.py``, by someone who
had not read the scanner's code and did not run the scanner while writing: the marking is what a careful
moderator would redact, decided story by story, and none of it has been scored. The stories are invented
(people, children, numbers, streets, schools, contact centres and refuges); the towns, estates, courts,
councils, trusts and hospitals are real, because that is what parents write. Phone numbers are in
Ofcom's drama range 07700 900xxx, emails use example.com, NHS numbers are made up (with a valid check
digit).

The format is the one in ``scanner_corpus.py``: a detail is written ``[[kind:text]]`` and
``scanner_corpus.parse()`` strips the markers. The stories are written the way parents write: lower case
and text-speak, run-ons, missing apostrophes and typos, formal letters, bullet timelines; fathers,
grandparents and kinship carers; Welsh, Scottish and Northern Irish settings.

The existing kinds keep their rules (a bare year is not an identifier; a region or nation is not one;
adults' first names are ``first_name``, children's ``child_name``; a date of birth is ``age``), with
these forms written out:

- ``place`` covers villages, suburbs, districts and estates ("Gipton", "Penywaun", "Blackbird Leys",
  "Meadowell" in "the Meadowell"), never a region or nation.
- ``postcode`` includes the outward half alone ("M14", "SR5", "CF24").
- ``case_number`` includes spaced forms ("LS 22 C 00417").
- ``age`` covers the number and its unit or qualifier ("12yo", "9yrs", "nearly 6", "aged 8"), not the
  verb before it: "whos [[age:4]]", "is [[age:7]]".
- ``child_name`` includes names written in lower case ("my 12yo daughter keeley").
- ``titled_name`` is a name given with a title or a role: "sw kerry" is marked whole (the "sw" works
  as a title, like "PC Wood"); in "social worker called Dawn" and "my solicitor Mr Khan" the mark is
  "Dawn" and "Mr Khan". A later bare mention of the same adult is ``first_name``.
- ``school`` and ``address`` include lower-case forms ("whitehill primary", "7 elm close").

Four kinds are new here (``scanner_corpus.py`` has none of them):

- ``court``: a named court or hearing centre, marked whole: "Reading Family Court", "oxford family
  court", "Leeds Combined Court Centre", "Glasgow Sheriff Court"; "the family court in Leeds" is marked
  "family court in Leeds". Not a court: "the family court", "the High Court", "the Court of Appeal",
  "the Supreme Court", "the Royal Courts of Justice" (national, not where a family lives).
- ``local_authority``: a named council, children's services department, children's trust or company,
  or NI health and social care trust: "Cumbria County Council", "wakefield council", "Leeds Children's
  Services", "Birmingham Children's Trust", "Together for Children", "Western Trust" (in "the Western
  Trust"). Not: "the council", "the local authority", "social services", "children's services".
- ``hospital``: a named hospital, whole name or the name parents use: "Royal Gwent Hospital", "Furness
  General", "Alder Hey", "LGI" (in "the LGI"), "St Thomas' Hospital". Not: "the hospital", "A&E", "the
  maternity ward". A place inside a hospital's or court's name is not marked again as ``place``.
- ``service``: a named contact centre, family centre, refuge, mother-and-baby unit or residential
  assessment centre: "Willow Tree contact centre", "Rainbow Family Centre", "Oak House refuge". Not "a
  contact centre", "the refuge", "Women's Aid", "Cafcass".

``scanner_corpus.py`` was brought into line when this set was added (a children's centre is ``service``,
"Wythenshawe Hospital" is ``hospital``), and the school-year rule is the same in both: a school year on
its own ("Year 9", "P5") is a look-alike and left unmarked, a school year given for a named child
("keeley is in Year 9") is marked ``age``.

Left unmarked inside the stories, as look-alikes: school years, national helplines (NSPCC 0808 800 5000,
Samaritans 116 123, the National Domestic Abuse Helpline 0808 2000 247, NHS 111), public websites
(gov.uk, nhs.uk), national bodies and courts (Cafcass, Cafcass Cymru, the Welsh Government, the High
Court, the NSPCC, Women's Aid), "Section 20", months without a day or year, "grace"/"hope" used as words,
"Judge Judy", "Peppa Pig", "Whitehall", regions and nations ("scotland", "England").

LOOKALIKES are short texts with no identifying detail at all, full of words that look like one:
helplines, public websites, national bodies, generic institutions ("the local council", "a contact
centre"), regions, characters and celebrities, ordinary words that are also place names or first names,
national roads, school years, statutes, and the placeholders a moderator writes when redacting ("[name
removed]", "a family court in the North West"). Every finding on them is a false alarm.
"""

from __future__ import annotations

FOURTH_SET: list[str] = [
    # F1. Text-speak, Leeds estate, lower-case children, "sw kerry", the LGI
    """hiya so im [[first_name:jade]] from [[place:gipton]] and i just need to get this off my chest. my \
[[age:12yo]] daughter [[child_name:keeley]] and her brother [[child_name:brooklyn]] whos [[age:4]] got put on \
a cp plan after [[child_name:brooklyn]] fell off the sofa and broke his arm. we took him straight to the \
[[hospital:LGI]] and a dr there rang [[local_authority:Leeds Children's Services]] without even asking us what \
happend. [[titled_name:sw kerry]] came out the next day and said [[child_name:keeley]] was "parentified" coz \
she \
helps me with the little one. its now in the [[court:family court in Leeds]], case no \
[[case_number:LS 22 C 00417]], and we only see [[child_name:brooklyn]] at \
[[service:Willow Tree contact centre]] \
twice a week. [[child_name:keeley]] is in [[age:Year 9]] at [[school:whitehill high]] and her grades have gone through \
the floor. if anyone else has been thru this pls msg me [[phone:07700 900214]] or come round, were at \
[[address:11 ash grove]]""",
    # F2. Formal letter from a Welsh grandmother, kinship carer, "my solicitor Mr Khan"
    """Dear Sir or Madam,

I am writing as the paternal grandmother and kinship carer of my grandson [[child_name:Rhys]], who is \
[[age:nearly 6]]. We live in [[place:Penywaun]], just outside [[place:Aberdare]]. In [[date:October 2023]] \
[[local_authority:Rhondda Cynon Taf council]] asked me to take [[child_name:Rhys]] at two hours' notice after \
his mother was admitted to [[hospital:Prince Charles Hospital]]. I agreed without hesitation. Since then I \
have \
received no financial support and have been told that because the arrangement began under Section 20 I am not \
entitled to an allowance, although nothing I have read on gov.uk says so. The special guardianship \
application was heard at \
[[court:Merthyr Tydfil Combined Court Centre]] under case number [[case_number:CF 23 P 00912]]. My solicitor \
[[titled_name:Mr Khan]] has been very good, but I am a pensioner and the fees have taken most of my savings. \
I would be grateful if the campaign could raise this with the Welsh Government.

Yours faithfully,
[[first_name:Glenys]]""",
    # F3. Bullet timeline, Barrow, a mother and baby unit, lower-case address
    """timeline for anyone who asks
- [[date:03/02/2022]] baby [[child_name:ollie]] born at [[hospital:Furness General]], sw on the ward on day 2
- [[date:10/02/2022]] [[local_authority:Cumbria County Council]] issue care proceedings, \
[[case_number:BW 22 C 00061]]
- [[date:march 2022]] me and [[child_name:ollie]] sent to [[service:Orchard House mother and baby unit]] in \
[[place:Carlisle]] for 12 weeks
- [[date:june 2022]] positive report!! home to [[address:7 elm close]], [[place:Ormsgill]]
- [[date:sept 2022]] new social worker called [[titled_name:Dawn]], wants a hair strand test
- [[date:jan 2023]] final hearing at [[court:Barrow family court]], supervision order 12 months
[[child_name:ollie]] is [[age:nearly 2]] now and thriving. [[first_name:Dawn]] signed us off in the summer. \
postcode is [[postcode:LA14]] if anyone local wants to meet for a brew""",
    # F4. A father in Glasgow, children's hearings, a sheriff court
    """Im a dad from [[place:Easterhouse]] and I want people to know the childrens hearing system isnt the \
soft \
option everyone says. My wee boy [[child_name:kyle]] was [[age:9yrs]] when he was put on a compulsory \
supervision order. [[local_authority:Glasgow City Council]] social work said my flat was unsuitable because of \
damp which the housing association had known about for two years. It went to a proof at \
[[court:Glasgow Sheriff Court]] and the sheriff upheld the grounds. [[child_name:kyle]] had asthma attacks the \
whole winter and ended up in the [[hospital:Royal Hospital for Children]] twice. His mum [[first_name:Shona]] \
and me get contact at [[service:Riverside family centre]] in [[place:Parkhead]] on a Wednesday. Hes P5 at \
[[school:hillview primary]] and the teachers are great with him. Were in [[postcode:G34]] if any other dads \
want to talk, theres not many of us.""",
    # F5. Northern Ireland, the Western Trust, a named hospital, the family court in Derry
    """We are from the [[place:Creggan]] in [[place:Derry]] and the [[local_authority:Western Trust]] has \
had our \
family on the child protection register since 2021. Our daughter [[child_name:Caoimhe]] was born at \
[[hospital:Altnagelvin]] with withdrawal symptoms because I was on a methadone script, prescribed, and I told \
the midwife everything. Nobody said well done for being honest. My partner [[first_name:Declan]] has been \
clean \
six years. The case is in the [[court:family court in Derry]] and the Trust wants [[child_name:Caoimhe]] to \
stay \
with foster carers in [[place:Limavady]]. We see her at [[service:Bridgeway family centre]] three times a \
week. She is [[age:14 months]] and she is pulling herself up now and I missed her first steps. My social \
worker [[titled_name:Roisin]] says the plan is still rehabilitation home. I live in hope.""",
    # F6. A father in Manchester, text-speak, Peppa Pig
    """im a dad and everyone assumes the dad is the problem. me and my ex split in [[date:feb 2023]] and she \
moved back to her mums in [[place:Moss Side]] with our son [[child_name:tyler-jay]] whos [[age:3]]. i live in \
[[postcode:M14]] literally 10 mins away and [[local_authority:Manchester City Council]] still wouldnt assess \
me \
when she got arrested. they put him with strangers for 6 weeks. my solicitor [[titled_name:Ms Begum]] got it \
listed at [[court:Manchester Civil Justice Centre]] ([[case_number:MA 23 C 00158]]) and the judge basically \
asked why dad hadnt been looked at. he got a chest infection in foster care and ended up in \
[[hospital:North Manchester General]] and nobody rang me. hes home with me now at [[address:22 moorfield rd]] \
and we watch Peppa Pig every morning before nursery. dads matter too. im on tiktok as \
[[social_handle:@dadsmatter_mcr]]""",
    # F7. An aunt, kinship carer, Birmingham
    """I'm an aunt and a kinship carer and nobody talks about us. My sister's two girls, \
[[child_name:Destiny]] \
([[age:10]]) and [[child_name:Amira]] ([[age:7]]), came to live with me in [[place:Chelmsley Wood]] after \
their \
mum was admitted to [[hospital:Heartlands Hospital]] with a psychotic episode. \
[[local_authority:Birmingham Children's Trust]] said it would be "a few days". Fourteen months later I was in \
front of a judge at [[court:Birmingham Civil and Family Justice Centre]] applying for an SGO with no legal \
aid. \
The girls have had four social workers; the last, a social worker called [[titled_name:Bernadette]], was the \
only \
one who ever came to the house. Family time with their mum is at [[service:Brambles contact centre]] on a \
Saturday. [[child_name:Amira]] is in [[age:Year 2]] at [[school:bluebell park primary]] and still wets the bed. \
We are in [[postcode:B37]] and there is no kinship support group anywhere near.""",
    # F8. Cardiff, lower case, a medical explanation found too late
    """ok so this is long sorry. im from [[place:ely]] in [[place:cardiff]], [[postcode:CF5]], 3 kids. the \
youngest \
[[child_name:lacey]] (nhs no [[nhs_number:186 091 3903]]) was [[age:9 weeks]] when she stopped breathing \
properly and we rushed her to the \
[[hospital:University Hospital of Wales]]. they found a bleed on her brain and said it was non accidental. \
turns out she has a rare genetic condition that causes exactly that but by the time the tests came back from \
[[hospital:UHW]] [[local_authority:Cardiff Council]] had issued and we were in \
[[court:Cardiff Civil and Family Justice Centre]] every month, case no [[case_number:CF 21 C 00733]]. we did \
contact at [[service:Sunflower family centre]] in [[place:Grangetown]] which was 2 buses each way. the sw was \
called [[titled_name:Rhian]] and to be fair she did say sorry in the end. [[child_name:lacey]] is \
[[age:nearly 3]] now and home with us where she belongs.""",
    # F9. Domestic abuse, a refuge, Newport
    """This is hard to write. I left my partner in [[date:November 2022]] after he strangled me in front of \
our \
son [[child_name:Mason]], who was [[age:5]]. The police took us to [[service:Oak House refuge]] and we stayed \
four months. Even though I was the victim, [[local_authority:Newport City Council]] put [[child_name:Mason]] \
on \
the child protection register for "failure to protect". His dad then applied for contact at \
[[court:Newport family court]] and Cafcass Cymru recommended it should go ahead at a contact centre. My \
support \
worker [[titled_name:Nia]] from the refuge came to every hearing. When I had a panic attack outside court I \
ended up in A&E at the [[hospital:Royal Gwent Hospital]]. We live in [[place:Bettws]] now and \
[[child_name:Mason]] \
goes to [[school:maple grove primary]]. If you are where I was, the National Domestic Abuse Helpline is \
0808 2000 247 and they will believe you.""",
    # F10. A Welsh grandfather, Caerphilly
    """Bore da. I'm a taid from [[place:Bargoed]] and my wife and I have had our granddaughter \
[[child_name:Efa]] \
since she was [[age:8yrs]], when her mam went into rehab. \
[[local_authority:Caerphilly County Borough Council]] \
were supportive at first, then the social worker left and nobody replaced her for five months. Contact with \
her mam at [[service:Rainbow Family Centre]] in [[place:Ystrad Mynach]] was cancelled twice without telling \
us. \
When [[child_name:Efa]] had her first seizure and we took her to the [[hospital:Grange University Hospital]], \
a doctor asked us whether she could have got hold of any tablets in the house. The SGO was made at the \
[[court:family court in Newport]] ([[case_number:CF 22 P 00371]]). She is in Year 4 at \
[[school:ysgol cwm glas]] and her Welsh is better than mine now. Diolch for listening.""",
    # F11. Wakefield, lower case throughout, a named estate and address
    """i live in [[place:lupset]] and [[local_authority:wakefield council]] have been involved since my eldest \
[[child_name:riley]] was [[age:6]]. he has adhd and autism and i asked for help again and again and all i got \
was a social worker called [[titled_name:Tracey]] telling me my house was messy. last year he broke his \
wrist on \
the trampoline and [[hospital:pinderfields]] made a referral. now were in care proceedings at \
[[court:Wakefield Civil and Family Justice Centre]], number [[case_number:WF 24 C 00086]], and \
[[child_name:riley]] \
and his sister [[child_name:summer-rose]] who is [[age:nearly 4]] see me at \
[[service:Little Oaks contact centre]] \
for 2 hours on a tuesday. [[child_name:riley]] is [[age:Year 9]] now at [[school:northfield academy]] and he asks \
every week when hes coming home to [[address:14 clover way]]. i dont know what to tell him. [[postcode:WF2]]""",
    # F12. A formal letter from a father, East London
    """To whom it may concern,

I am a father of two and I am writing about private law proceedings at [[court:East London Family Court]]. My \
former partner stopped all contact with our children, [[child_name:Ayaan]] ([[age:aged 8]]) and \
[[child_name:Inaya]] ([[age:aged 5]]), in [[date:January 2023]]. It took eleven months to reach a first \
hearing. \
Cafcass carried out safeguarding checks and found nothing, yet [[local_authority:Tower Hamlets council]] \
opened \
an assessment after my former partner told staff at the [[hospital:Royal London Hospital]] that she was afraid \
of me. The court eventually ordered supervised contact at [[service:Stepping Stones contact centre]] in \
[[place:Poplar]], at my expense. My barrister, [[titled_name:Mr Adeyemi]], said the delay was "unremarkable". \
The case number is [[case_number:ZE 23 P 01187]] should anyone wish to verify it.

Yours faithfully,
[[first_name:Imran]] [[postcode:E14]]""",
    # F13. A father from Kirkby, Scouse text-speak
    """lad from [[place:kirkby]] here, 2 kids. [[local_authority:knowsley council]] took my youngest \
[[child_name:alfie-james]] at [[age:2 days old]] straight from [[hospital:liverpool womens]] coz his mam had a \
drug history from years ago. then when he was [[age:7 months]] he was in [[hospital:alder hey]] with \
bronchiolitis and the foster carer didnt even tell us till he was out. the case was at \
[[court:liverpool civil and family court]], our number [[case_number:LV 22 C 00945]]. the guardian \
[[titled_name:mrs o'hara]] was sound to be fair and told the judge the plan was rubbish. hes home now. my \
eldest \
[[child_name:kayden]] is [[age:10yo]] and at [[school:st bedes juniors]] and the school were brill the whole \
time. we live at [[address:9 hornbeam ave]] [[postcode:L32]] if anyone from the campaign wants to come round \
for a cuppa""",
    # F14. North Shields, the Meadowell, the RVI, Whitehall
    """We're from the [[place:Meadowell]] and everyone judges you for that before you open your mouth. My \
daughter [[child_name:Tayla]] was [[age:15]] when she started going missing, and when I begged \
[[local_authority:North Tyneside Council]] for help they said it was a "parenting issue". She took an overdose \
and spent a week on a ward at the [[hospital:RVI]]. Then the council applied for a care order, heard at \
[[court:Newcastle Civil and Family Courts and Tribunals Centre]] ([[case_number:NE 22 C 00514]]), and she went \
to a children's home two hundred miles away. Her little brother [[child_name:connor]], who is \
[[age:going on 9]], has panic attacks now. We get support from [[service:Jigsaw family centre]] which is the \
only place that has ever listened. The people in Whitehall who write the rules have never sat in a CP \
conference. [[postcode:NE29]]""",
    # F15. Bullet timeline, Oxford, secure order, the High Court
    """quick timeline for the campaign
* [[date:2 aug 2021]] my daughter [[child_name:skye]] ([[age:14]]) goes missing overnight, found in \
[[place:Blackbird Leys]]
* [[date:4 aug 2021]] strat meeting, [[local_authority:Oxfordshire County Council]] say CSE risk
* [[date:sept 2021]] [[child_name:skye]] admitted to the [[hospital:John Radcliffe]] after an overdose
* [[date:oct 2021]] council apply for a secure order at [[court:oxford family court]], moved up to the High \
Court for a DoLS
* [[date:dec 2021]] [[child_name:skye]] placed in a unit in scotland. 500 miles from home!!
* [[date:may 2022]] [[titled_name:sw priya]] finally agrees to a plan for home
* now [[child_name:skye]] is [[age:17]] and back with me in [[postcode:OX4]] at [[address:31 pegasus court]]
by the grace of god she is doing her GCSEs at college. her page is [[url:facebook.com/justiceforskye]]""",
    # F16. Reading, autism, reading a book
    """My son [[child_name:Harley]] is autistic and non-verbal. When he was [[age:nearly 5]] he had a \
meltdown at \
[[school:Oakwood Infants]] and hit his head, and the school sent him to the \
[[hospital:Royal Berkshire Hospital]]. \
They found old bruises on his shins (he kicks furniture when he stims) and made a referral to \
[[local_authority:Brighter Futures for Children]]. Within a month we were at [[court:Reading Family Court]], \
case \
[[case_number:RG 23 C 00229]], and [[child_name:Harley]] was in foster care in [[place:Tilehurst]]. I could \
only \
see him at [[service:Kennet contact centre]] and reading a book together was the only thing that calmed him. \
The paediatrician's report cleared me in March. He came home to [[place:Whitley]] in the summer. I still \
cannot go past the hospital without shaking. [[postcode:RG2]]""",
    # F17. Sunderland, Samaritans, "sw lyndsey"
    """im from [[place:southwick]] [[postcode:SR5]] and [[local_authority:Together for Children]] have been \
in my \
life for 3 yrs. my son [[child_name:jaxon]] whos [[age:6]] has a heart condition and was in and out of \
[[hospital:sunderland royal]] as a baby and they said i was missing appointments. i was, because i had no bus \
fare. [[titled_name:sw lyndsey]] put us on a cp plan and then it went to \
[[court:Sunderland County and Family Court]] ([[case_number:SR 23 C 00190]]). me and [[child_name:jaxon]] did \
12 weeks at [[service:Hylton Lodge assessment centre]] and passed. i rang the samaritans on 116 123 more than \
once in that time and they kept me going. [[child_name:jaxon]] is at [[school:riverbank primary]] now and \
were at [[address:4 wear view]]. if you are struggling ring them""",
    # F18. A grandfather in Hull
    """I'm a grandad and I never thought I'd be writing something like this. My grandson \
[[child_name:Logan]] was \
[[age:18 months]] when he was brought into [[hospital:Hull Royal Infirmary]] with a fractured leg. His mum, \
my daughter [[first_name:Chelsea]], said he fell off the bed, and nobody believed her. \
[[local_authority:Hull City Council]] took the case to [[court:Hull Combined Court Centre]] and for nine \
months \
I drove from [[place:Bransholme]] to [[service:Cherry Tree family centre]] four times a week so \
[[child_name:Logan]] \
could see his mum. The expert found he had brittle bones. The judge, [[titled_name:HHJ Pemberton]], said the \
local authority had "acted reasonably on what it knew". Maybe so. But nobody gives you them months back. \
[[child_name:Logan]] is [[age:4]] now and starts school in September. [[postcode:HU7]]""",
    # F19. A formal letter to an MP from Bristol
    """Dear MP,

I am your constituent and I am writing about my daughter [[child_name:Ruby-Leigh]], born \
[[age:12 April 2021]] at [[hospital:St Michael's Hospital]]. [[local_authority:Bristol City Council]] \
removed her \
from my care at [[age:three days old]] on the basis of a pre-birth assessment that was never shared with me. We then \
spent twelve weeks at [[service:Hawthorn House residential assessment centre]], which gave a positive report, \
yet the local authority still sought a placement order at [[court:Bristol Civil and Family Justice Centre]] \
(case [[case_number:BS21C00388]]). The order was refused. [[child_name:Ruby-Leigh]] is home with me in \
[[place:Knowle West]]. I would ask you to raise the question of pre-birth assessments in Parliament. \
I can be reached at [[email:k.hollis.bristol@example.com]].

Yours sincerely,
[[first_name:Kayleigh]] [[address:18 Alder Walk]], [[postcode:BS4]]""",
    # F20. A grandmother in Edinburgh, kinship care, a sheriff court
    """I'm a granny raising my two grandweans in [[place:Niddrie]] and I want to say how hard it is. \
[[child_name:Leah]] was [[age:8]] and [[child_name:Callum]] [[age:just turned 3]] when their mum was found \
unconscious and taken to the [[hospital:Royal Infirmary of Edinburgh]]. \
[[local_authority:City of Edinburgh Council]] \
social work asked me to take them "for the weekend". That was two years ago. The children's reporter sent it \
to a hearing and then to [[court:Edinburgh Sheriff Court]] because their dad disputed the grounds. Their dad \
sees them at [[service:Thistle family centre]] once a month. My social worker [[titled_name:Morag]] is lovely \
but she has fifty families. [[child_name:Leah]] is P5 at [[school:larchfield primary]]. \
Kinship allowance is a pittance. [[postcode:EH16]]""",
    # F21. A father in Belfast, the Belfast Trust, Laganside
    """I'm a da from [[place:Ballymurphy]] and I've been fighting the [[local_authority:Belfast Trust]] for \
two \
years for my son [[child_name:Oisin]]. He was [[age:nearly 2]] when his mum went into the \
[[hospital:Mater]] with a breakdown and the Trust placed him with a foster carer in [[place:Lisburn]] \
instead of \
with me. I had a conviction from when I was 19 for fighting. That's it. The case is at \
[[court:Laganside Courts]] and my solicitor [[titled_name:Mr Devlin]] says we have a good chance. I see \
[[child_name:Oisin]] at [[service:Glenside contact centre]] on the [[place:Falls]] on a Thursday and he runs \
at me \
every time. The social worker, a fella called [[titled_name:Gareth]], keeps telling me to "manage my \
expectations". [[postcode:BT12]]""",
    # F22. Bullet timeline, Swansea
    """What happened to us (for the campaign):
- [[date:14/06/2022]]: [[child_name:Lowri]] born at [[hospital:Singleton Hospital]]. Fine, went home.
- [[date:08/08/2022]]: [[child_name:Lowri]] has a fit, taken to [[hospital:Morriston Hospital]]. Scan shows a \
bleed. Police called.
- [[date:09/08/2022]]: [[local_authority:Swansea Council]] ask us to sign Section 20. We say no.
- [[date:12/08/2022]]: interim care order at [[court:Swansea Civil Justice Centre]], [[case_number:SA 22 C 00277]].
- [[date:Nov 2022]]: me and [[child_name:Lowri]] move to [[service:Ty Enfys family centre]] for assessment.
- [[date:March 2023]]: case withdrawn. Bleed was from a birth injury.
We are home in [[place:Townhill]] now and [[child_name:Lowri]] is [[age:2]]. Her dad [[first_name:Aled]] and \
me are getting married next year. [[postcode:SA1]]""",
    # F23. Wrexham, lower case, a grandmother
    """im a nain from [[place:caia park]] in [[place:wrexham]] and my granddaughter [[child_name:macy]] who is \
[[age:almost 7]] has been with me since her mam and dad split and it all went wrong. \
[[local_authority:Wrexham Council]] \
said i was too old!! and wanted her adopted. [[child_name:macy]] was born at [[hospital:wrexham maelor]] and \
ive had her every weekend since she was a baby. my solicitor [[titled_name:Mrs Pritchard-Lloyd]] fought for me \
at the [[court:family court in Wrexham]] and we got the SGO. we had to do contact with her mam at \
[[service:Acorn family centre]] for a year and [[child_name:macy]] used to cry all the way home. she is at \
[[school:pen y bryn juniors]] now and she loves it. we live at [[address:5 bryn road]] [[postcode:LL13]] if \
any \
other nains or taids want a chat""",
    # F24. Margate, Kent, a formal complaint
    """I made a formal complaint to [[local_authority:Kent County Council]] in [[date:February 2024]] and I am \
sharing it here because it was never answered. My son [[child_name:Teddy]] ([[age:3 years old]]) was seen at \
[[hospital:Queen Elizabeth The Queen Mother Hospital]] with a burn on his hand from the oven door. The \
paediatrician, [[titled_name:Dr Okonkwo]], accepted my account, but the ward social worker made a referral \
anyway. A strategy meeting was held without me. We were sent to [[service:Harbour Lights contact centre]] for \
supervised contact while I was "assessed", and the case went to [[court:Canterbury Combined Court Centre]] \
([[case_number:CT 24 C 00109]]) before being dropped. We live in [[place:Cliftonville]], [[postcode:CT9]]. I \
want an apology and I want [[child_name:Teddy]]'s records corrected.""",
    # F25. A father in the Black Country, text-speak
    """dad of 3 from [[place:friar park]] here. [[local_authority:Sandwell Children's Trust]] have had my \
kids in \
care for 18 months coz of their mums drinking and they still wont put them with me. my eldest \
[[child_name:tj]] \
is [[age:11yo]], [[child_name:kaiden]] is [[age:8]] and the baby [[child_name:nevaeh]] is [[age:1]]. \
[[child_name:nevaeh]] was \
born at [[hospital:sandwell general]] and went straight to foster care. the case is in the \
[[court:family court in Wolverhampton]] number [[case_number:WV 23 C 00812]]. [[titled_name:sw marcia]] \
said i need to do a parenting course so i did 2. contact is at [[service:Phoenix contact centre]] and its 3 \
kids \
in one room for 90 mins and im at [[address:12 birch croft]] with 3 empty \
bedrooms. my kids belong with their dad not on their 4th placement. [[postcode:WS10]]""",
    # F26. Grandparents in Doncaster
    """Me and my husband are grandparents from [[place:Denaby]] and we have been special guardians for our \
grandson [[child_name:Charlie]] since he was [[age:nine months old]]. He was born at \
[[hospital:Doncaster Royal Infirmary]] addicted to heroin and spent five weeks in the special care baby unit. \
[[local_authority:Doncaster Children's Services Trust]] assessed us and approved us, which we are grateful \
for, \
but the support plan promised a family support worker and we have never had one. The final hearing was at \
[[court:Doncaster Justice Centre]]. His mum sees him at [[service:Meadowbank family centre]] four times a year \
when she turns up. [[child_name:Charlie]] is [[age:six]] now and asks why his mummy is poorly. He goes to \
[[school:ashfield road primary]]. [[postcode:DN12]]""",
    # F27. A formal statement, Nottingham, a refuge
    """Statement for the campaign

I am a mother of two from [[place:Bulwell]], [[postcode:NG6]]. In [[date:July 2023]] I fled to \
[[service:Elm Tree refuge]] with my children [[child_name:Sienna]] ([[age:9]]) and [[child_name:Theo]] \
([[age:4]]) after years of abuse. While we were there [[child_name:Theo]] was admitted to the \
[[hospital:Queen's Medical Centre]] with a head injury from a fall in the refuge playroom. \
[[local_authority:Nottingham City Council]] opened a section 47 enquiry. My former partner used this to apply \
for residence at [[court:Nottingham family court]] ([[case_number:NG 23 P 00651]]). The magistrates gave him \
unsupervised contact. My IDVA, [[titled_name:Ms Walcott]], has written to the court twice. I have rung the \
NSPCC on 0808 800 5000 for advice and they were kind, but they cannot change a court order.""",
    # F28. Blackburn, lower case, a named estate
    """my names [[first_name:shannon]] and im from [[place:mill hill]] in [[place:blackburn]]. my son \
[[child_name:reggie]] was taken when he was [[age:10 weeks]] after my ex threw a bottle at me and it hit the \
cot. \
the police took him to [[hospital:royal blackburn]] to be checked and \
[[local_authority:Blackburn with Darwen Council]] \
said i failed to protect him. the case was at [[court:Blackburn Family Court]] \
([[case_number:BB 23 C 00044]]). \
i did every course. my social worker called [[titled_name:Joanne]] said i had "done the work" but the guardian \
wanted adoption. [[child_name:reggie]] is [[age:2]] now and lives with adopters. i get a letter once a year. i \
had him for 10 weeks and i will love him for ever. [[address:40 lark street]] [[postcode:BB2]], txt me on \
[[phone:07700 900583]] if ur going thru it""",
    # F29. Tameside, a father and his mum
    """My son [[child_name:Kyron]] whos [[age:5]] is the reason I'm writing this, with my mum helping \
because I'm dyslexic. We live on [[place:Hattersley]] and [[local_authority:Tameside council]] took \
[[child_name:Kyron]] and put him with his nan on the other side because they said my flat was dirty. I was \
working nights. He was in [[hospital:Tameside General]] with a UTI and they said he was dehydrated. The case \
is at [[court:Manchester Civil Justice Centre]], number [[case_number:MA 24 C 00233]]. I see him at \
[[service:Thrive family centre]] every Sunday. My advocate [[titled_name:Kev]] from the dads group says keep \
going. [[child_name:Kyron]] goes to [[school:oakdale primary]] and his teacher says he's happy, he just \
wants his dad. [[postcode:SK14]]""",
    # F30. Jaywick, Essex, a refuge and a court
    """We live in [[place:Jaywick]], [[postcode:CO15]], which the papers call the most deprived place in \
England, and believe me [[local_authority:Essex County Council]] treat you like it. My daughter \
[[child_name:Maddison]] ([[age:13]]) told her teacher at [[school:Seafront Academy]] that her stepdad \
had hit her. I believed her and threw him out the same day. We went to [[service:Marram House refuge]] for \
six weeks while he was on bail. She was checked at [[hospital:Colchester Hospital]]. Still the council went \
to [[court:Chelmsford County and Family Court]] for an interim supervision order, case \
[[case_number:CM 22 C 00517]]. The social worker, [[titled_name:Ms Fenwick]], wrote that I had "chosen my \
partner over my child". I chose my child. Judge Judy would have sorted it in ten minutes.""",
    # F31. Grandparents in Plymouth, formal
    """We are writing as grandparents. Our granddaughter [[child_name:Isla]] has lived with us in \
[[place:Devonport]] since she was [[age:born in August 2019]]. She was born early at [[hospital:Derriford]] \
and \
her mother, our daughter [[first_name:Jess]], was not well enough to care for her. \
[[local_authority:Plymouth City Council]] were quick to ask us to step in and slow to help afterwards. The \
special guardianship order was made at [[court:Plymouth Combined Court]] after a contested hearing. Contact \
with \
[[first_name:Jess]] is at [[service:Tamar View contact centre]] once a month. [[child_name:Isla]] is in [[age:Year \
1]] at \
[[school:Dockyard Lane Primary]] and doing well. We would ask the campaign to push for kinship carers to get \
the same allowances as foster carers. [[postcode:PL1]]""",
    # F32. Sheffield, text-speak, a residential assessment
    """so me and my partner [[first_name:kieran]] are from [[place:parson cross]] [[postcode:S5]]. our baby \
[[child_name:nova]] was born at the [[hospital:jessop wing]] and sw came to the ward on day one coz we are \
both \
care leavers. thats literally it. no drugs no dv nothing. [[local_authority:Sheffield City Council]] sent us \
to [[service:Cedar Lodge residential assessment unit]] for 12 weeks. [[child_name:nova]] got jaundice and went \
to [[hospital:Sheffield Children's Hospital]] for 3 days in the middle of it and they counted that against us. \
case was [[case_number:SF 23 C 00128]] in the [[court:family court in Sheffield]]. we got her home in the end. \
the guardian [[titled_name:lorraine]] was the only one on our side. shes [[age:18 months]] now and \
she is our world. we live at [[address:62 margetson crescent]] if anyone wants to say hi""",
    # F33. A father in Northampton, lower case
    """im a single dad of two from [[place:kings heath]] in [[place:northampton]]. when my partner died \
[[local_authority:Northamptonshire Children's Trust]] decided i couldnt cope and put my daughters on a cp \
plan. \
[[child_name:lola]] is [[age:9yrs]] and [[child_name:ava]] is [[age:nearly 5]]. i was grieving not neglecting. \
[[child_name:ava]] had a bad chest and i took her to [[hospital:northampton general]] and a nurse asked if \
there \
was "a woman at home". it went to the [[court:family court in Northampton]] ([[case_number:NN 22 C 00390]]) \
and \
my solicitor [[titled_name:Mr Osei]] got it thrown out. we went to [[service:Nene Valley family centre]] for \
bereavement support which actually helped. [[child_name:lola]] is at [[school:parklands primary]] and she \
wants to be a lawyer now. we are still at [[address:2 sycamore drive]] [[postcode:NN5]]""",
    # F34. Bullet timeline, Fife
    """Our story in short:
* [[date:Jan 2021]]: I report my ex for hitting our son [[child_name:Ruaridh]] ([[age:7]]).
* [[date:Feb 2021]]: [[local_authority:Fife Council]] social work say it is "a domestic". No action.
* [[date:June 2021]]: [[child_name:Ruaridh]] taken to the [[hospital:Victoria Hospital]] in \
[[place:Kirkcaldy]] \
with a broken collarbone after contact.
* [[date:July 2021]]: Children's hearing. Grounds disputed by ex, sent to [[court:Kirkcaldy Sheriff Court]].
* [[date:Oct 2021]]: Grounds established. Contact with his dad stopped.
* Now: supported contact at [[service:Harbourside family centre]] was offered and [[child_name:Ruaridh]] \
said no, and for once somebody listened.
We are in [[place:Methil]], [[postcode:KY8]]. [[child_name:Ruaridh]] is [[age:10]] and in P6.""",
    # F35. Lanarkshire, lower case, a social worker by first name
    """hi im [[first_name:lindsay]] from [[place:craigneuk]] and i want to tell my story. my daughter \
[[child_name:ellie-mae]] was [[age:nearly 3]] when she swallowed my mums tablets. i rushed her to \
[[hospital:wishaw general]] and she was fine after a night but [[local_authority:North Lanarkshire Council]] \
got \
involved and it went to a hearing and then [[court:Hamilton Sheriff Court]]. the social worker called \
[[titled_name:Stacey]] wrote that the house was "chaotic" because there were toys on the floor. \
[[child_name:ellie-mae]] stayed with my sister for 4 months and i saw her at \
[[service:Clyde View contact centre]]. \
shes home now and shes at [[school:wee acorns nursery]]. we are at [[address:3 calder gardens]] \
[[postcode:ML2]]. \
please if your reading this and its happening to you get a lawyer right away""",
    # F36. Northern Ireland, an older sister as kinship carer
    """I'm only in my twenties and I'm a kinship carer for my two younger brothers. We grew up in \
[[place:Taghnevan]] in \
[[place:Lurgan]] and when Mummy got sick the [[local_authority:Southern Trust]] wanted to split the boys up. \
[[child_name:Conor]] was [[age:12]] and [[child_name:Eoin]] was [[age:6]]. [[child_name:Eoin]] has epilepsy \
and \
was in [[hospital:Craigavon Area Hospital]] a lot that year. I applied for a residence order at \
[[court:Craigavon Courthouse]] and the Trust opposed it because I was "too young". The boys had contact with \
each other at [[service:Oakfield family centre]] for six months before the judge agreed with me. \
[[child_name:Conor]] is at [[school:lough view high]] now and doing his GCSEs. [[postcode:BT66]]""",
    # F37. Cornwall, a mother writing calmly
    """I live in [[place:Pool]] near [[place:Redruth]], [[postcode:TR15]]. My son [[child_name:Jago]] was \
[[age:4 years old]] when he came home from nursery with a mark on his neck and I took photos and rang 111 like \
you are supposed to. They sent us to [[hospital:Treliske]], the doctor called \
[[local_authority:Cornwall Council]], \
and suddenly I was the suspect. The mark was from his car seat strap. The case went to \
[[court:Truro Combined Court]] ([[case_number:TR 22 C 00318]]) and took seven months. [[child_name:Jago]] \
stayed \
with my mum in [[place:Camborne]] and I saw him at [[service:Sea Pink contact centre]]. The social worker \
[[titled_name:Ms Trevithick]] did apologise in writing. I have been told by nhs.uk that what I did was right. \
It did not feel right.""",
    # F38. Hackney, lower case, a father
    """im a dad from [[place:clapton]] [[postcode:E5]]. my son [[child_name:malachi]] is [[age:7yo]] and \
lives with \
his mum. when i asked for more contact she told [[local_authority:hackney council]] i was a risk and i had \
to do \
a parenting assessment just to see my own son. he was born at [[hospital:homerton]] and i was there holding \
her \
hand. the case was at [[court:East London Family Court]] number [[case_number:ZE 22 P 00743]]. we did \
supervised contact at [[service:Springfield contact centre]] for 9 months with a woman writing notes the whole \
time. [[child_name:malachi]] is at [[school:brookfield primary]] and i pick him up tuesdays now and bring \
him back to \
[[address:flat 3, 19 linden road]] for tea. \
[[titled_name:sw tunde]] wrote in the final report that i was "a committed father". took them a year to \
notice. my email is [[email:malachis.dad@example.com]] if any dads want to talk""",
    # F39. Croydon, a refuge, New Addington
    """In [[date:March 2022]] I left [[place:New Addington]] with my two children and went to \
[[service:Phoenix House refuge]]. My youngest, [[child_name:Kacey-Leigh]], was [[age:18 months]] and my son \
[[child_name:Reece]] was [[age:nearly 8]]. [[local_authority:Croydon council]] said the refuge was out of area \
and closed the case. My ex applied to [[court:Central Family Court]] for contact and the court ordered it at a \
contact centre, even though [[child_name:Reece]] had told his teacher at [[school:kestrel primary]] what he \
had \
seen. [[child_name:Kacey-Leigh]] was treated at [[hospital:Croydon University Hospital]] after her dad \
"forgot" \
her inhaler on a visit. My solicitor [[titled_name:Mrs Adebayo]] is now asking for the contact to be \
suspended. Women's Aid have been brilliant. [[postcode:CR0]]""",
    # F40. Lambeth, St Thomas', the Evelina
    """My daughter [[child_name:Zuri]] was born at [[hospital:St Thomas' Hospital]] with a heart defect and \
spent \
her first four months at the [[hospital:Evelina]]. I was there every day. When she came home to \
[[place:Brixton]], [[postcode:SW9]], [[local_authority:Lambeth council]] got a referral from a nurse who \
said I \
was "over-anxious" and "fabricating". Fabricated illness. For a baby with a scar down her chest. The case \
went to [[court:Central Family Court]], [[case_number:ZW 23 C 00602]], with an expert from the High Court \
panel. \
It took a year to be cleared. [[child_name:Zuri]] is [[age:2]] now and we go to \
[[service:Lighthouse family centre]] for play sessions. The social worker, [[titled_name:Ms Mensah]], never \
once held her. Her NHS number, [[nhs_number:996 030 8243]], is on every letter they sent.""",
    # F41. Leeds again, a father, Seacroft, the Combined Court Centre
    """Dad from [[place:Seacroft]] here. My two lads [[child_name:Kian]] ([[age:8]]) and \
[[child_name:Frankie]] \
who's [[age:5]] have been in care since [[date:April 2023]]. \
[[local_authority:Leeds City Council]] said their mum's new boyfriend was a risk, which he was, and then said \
I couldn't have them because I work shifts. [[child_name:Frankie]] was at [[hospital:St James's]] with a \
broken \
arm and that's what started it. The final hearing is at [[court:Leeds Combined Court Centre]] in the spring, \
[[case_number:LS 23 C 00905]]. We have contact at [[service:Primrose contact centre]] on a Saturday. My \
solicitor, [[titled_name:Mr Hussain]], says I have a chance. [[postcode:LS14]]""",
    # F42. Bradford, lower case, twins
    """my twins [[child_name:ayesha]] and [[child_name:zara]] were [[age:9yrs]] when they got taken from \
[[school:moorside primary]] by police and a sw with no warning. their dad had told \
[[local_authority:bradford council]] i was forcing them to fast. i wasnt. they were checked at \
[[hospital:Bradford Royal Infirmary]] and were fine. we live in [[place:holmewood]] [[postcode:BD4]] at \
[[address:27 broadstone way]]. the case was at [[court:Bradford Combined Court Centre]] \
([[case_number:BD 23 C 00316]]) and my solicitor [[titled_name:Ms Akhtar]] proved the dad made it up. the \
twins \
were at [[service:Bluebell family centre]] for contact for 5 weeks and cried every time. they are \
[[age:nearly 11]] now and still wont go to school without me walking them to the gate""",
    # F43. Durham, a mother, Consett
    """I'm from [[place:Delves Lane]] near [[place:Consett]], [[postcode:DH8]]. My son [[child_name:Brody]] \
was \
[[age:14 months old]] when he fell down the stairs at his childminder's. We went to the \
[[hospital:University Hospital of North Durham]] and the X-ray showed an old fracture nobody could explain. \
[[local_authority:Durham County Council]] issued proceedings at the [[court:family court in Durham]], number \
[[case_number:DH 22 C 00187]]. [[child_name:Brody]] went to foster carers in [[place:Stanley]] for five months \
and I saw him at [[service:Heather Lodge contact centre]] three times a week. In the end a bone specialist \
said he had rickets. Rickets! In this country! My partner [[first_name:Liam]] and me are still paying off the \
debt from travelling to contact. In the end [[titled_name:sw beverley]] said sorry in the final meeting.""",
    # F44. Wirral, text-speak, mother of three
    """mum of 3 from [[place:woodchurch]] [[postcode:CH49]]. [[local_authority:wirral council]] have had us \
on a \
cpp since my middle one [[child_name:paisley]] whos [[age:6]] said something at school that got took the wrong \
way. she said daddy "bangs her head" which means he does the head thing from the football!! shes at \
[[school:church lane primary]]. [[child_name:paisley]] got checked at [[hospital:arrowe park]] with nothing \
found. still went to [[court:Birkenhead County Court and Family Court]] ([[case_number:CH 23 C 00470]]) \
and still got a supervision order. we go to [[service:Mersey View family centre]] for a \
"parenting programme". [[titled_name:sw gemma]] is barely out of uni and has no kids. my eldest \
[[child_name:tayden]] is [[age:12yo]] and hes scared to say anything at school now. were at \
[[address:16 hoylake close]] or ring [[phone:07700 900 736]] if the campaign wants a chat""",
    # F45. Blaenau Gwent, a nan, formal-ish with Welsh words
    """I'm a nan from [[place:Sirhowy]] in [[place:Tredegar]] and I'm writing for my daughter, who can't \
face it. \
Her baby [[child_name:Alys]] was born at [[hospital:Nevill Hall Hospital]] in [[date:December 2022]] and \
[[local_authority:Blaenau Gwent County Borough Council]] had a plan to remove at birth that nobody told us \
about. My daughter and [[child_name:Alys]] went to [[service:Cwtch mother and baby unit]] instead, which was \
the only bit of luck we had. The case was at [[court:Merthyr Tydfil Combined Court Centre]], \
[[case_number:CF 22 C 00802]], and the judge, [[titled_name:HHJ Llewellyn]], sent them home with a \
supervision order. [[child_name:Alys]] is [[age:nearly 2]] and into everything. We are at \
[[address:8 bedwellty road]], [[postcode:NP22]]. Diolch yn fawr to everyone who helped.""",
]

LOOKALIKES: list[str] = [
    # Helplines and public websites
    "If you are worried about a child you can ring the NSPCC helpline on 0808 800 5000.",
    "The Samaritans are there day and night on 116 123, it is free to call.",
    "Childline is 0800 1111 and children can ring it themselves without anyone knowing.",
    "The National Domestic Abuse Helpline is 0808 2000 247 and it is open all hours.",
    "For anything medical that is not an emergency ring 111, and for an emergency ring 999.",
    "I found the forms on gov.uk and the guidance on nhs.uk.",
    "Citizensadvice.org.uk has a good page on legal aid for care proceedings.",
    "There was an article about it on bbc.co.uk last week.",
    "The Family Rights Group advice line helped me understand what a family group conference is.",
    "You can read judgments for free on bailii.org and the National Archives site.",
    "Shelter's helpline told me the council had to house us.",
    "Look up 'child arrangements order' on gov.uk, it explains it better than any solicitor did.",
    # National bodies and courts
    "My appeal went to the Court of Appeal and was refused.",
    "The case was transferred to the High Court because it was so complicated.",
    "I sat outside the Royal Courts of Justice for three hours before we were called in.",
    "Even the Supreme Court has said parents should be heard.",
    "Cafcass wrote a section 7 report and spoke to the children at school.",
    "Ofsted rated the children's home outstanding, which I find hard to believe.",
    "The NSPCC runs a course for parents that I would recommend.",
    "Women's Aid helped me find a refuge space when I had nowhere to go.",
    "Cafcass Cymru did the safeguarding letter in our case.",
    "The Family Division president has said more judgments should be published.",
    "The Local Government and Social Care Ombudsman upheld my complaint.",
    "The Children Act 1989 says the welfare of the child is paramount.",
    "Under Section 20 you can take your child back at any time, but nobody tells you that.",
    "A Section 47 enquiry is not the same as care proceedings.",
    # Generic institutions
    "The local council never answered my letters.",
    "Children's services said they would visit on Monday and nobody came.",
    "The family court felt like a factory, one case after another.",
    "We were at the hospital for six hours before anyone saw us.",
    "Contact was at a contact centre with a supervisor taking notes.",
    "The refuge was the first place I felt safe in years.",
    "Social services put us on a child in need plan.",
    "The local authority filed its evidence late again.",
    "We went to A&E and then up to the children's ward.",
    "The magistrates were kind but they followed the social worker.",
    # Regions and nations
    "Support for kinship carers in the North East is almost non-existent.",
    "Things are no better in the Midlands from what I hear.",
    "Families in South Wales told me the same story.",
    "It is a different system in Scotland, with children's hearings instead of the family court.",
    "Courts in the North West are the busiest in the country.",
    "In Northern Ireland it is the health trusts that do child protection.",
    "We moved to the West Country to start again.",
    # Characters and celebrities
    "My son thinks Judge Rinder is a real judge.",
    "She watches Peppa Pig on repeat and knows every word.",
    "He wants to be Bob the Builder when he grows up.",
    "Judge Judy would have thrown the case out in five minutes.",
    "We watched Paddington 2 at contact and she laughed all the way through.",
    "He has a Spider-Man duvet and a Mr Tumble toy.",
    "My daughter wrote to Father Christmas asking to come home.",
    "Bluey is the only thing that calms him down after contact.",
    # Ordinary words that look like names or places
    "We were reading a book when the knock came.",
    "Bath time is still the hardest part of the day.",
    "We will march on until the law changes.",
    "The sofa was in the sale so we finally got one.",
    "It was a sale, not a gift, I have the receipt.",
    "It takes will power to sit through a hearing without shouting.",
    "She has so much grace for someone so young.",
    "I live in hope that one day he will find me.",
    "By the grace of God we got through it.",
    "The judge gave us a grace period of four weeks to find a flat.",
    "Every May I light a candle for the baby I lost.",
    "In June we had the final hearing and in July the order was made.",
    "Mark my words, this system will change.",
    "I had to dig deep and find my faith again.",
    "Rose-tinted glasses is what the social worker said I had on.",
    "We got a new cot from the charity shop and it was perfect.",
    "The bath was cold because the boiler had gone.",
    "I was at a low ebb and a neighbour brought round a pie.",
    "Sunny days are the worst because you remember the park.",
    # Roads, school years, numbers that are not identifiers
    "We drove down the M25 every week for contact.",
    "The A1 was shut so we missed the hearing and they went ahead without us.",
    "He was in Year 9 when he came home.",
    "She starts Year 7 in September at the big school.",
    "He is in P5 now and loves maths.",
    "I was 19 when I had my first baby and 23 when she was taken.",
    "In 2019 everything changed for our family.",
    "We waited 26 weeks for a final hearing, which is what the law says it should take.",
    "I did a 12 week parenting course and got a certificate.",
    "Contact went from 3 times a week to once a month.",
    # Moderator placeholders
    "[name removed] was taken into care when she was a baby.",
    "My son was born on [date of birth removed] and removed from me soon after.",
    "The case was heard at a family court in the North West.",
    "We live in a town in Yorkshire and there is no support here.",
    "He was treated at a hospital in Wales.",
    "My son goes to a primary school near where we live.",
    "Our postcode is [postcode removed] and the council says we are out of area.",
    "The local council took nine months to assess me.",
    "Contact takes place at a contact centre once a fortnight.",
    "We were moved to an area of London we had never heard of.",
    "My daughter [name removed] lives with her grandparents.",
    "The social worker, [name removed], never returned my calls.",
    "Case number [removed] was heard over three days.",
    "We lived at [address removed] until the eviction.",
    "My son is now [age removed] and asks about his sister.",
]
