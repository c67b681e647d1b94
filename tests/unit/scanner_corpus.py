"""Synthetic stories for measuring the story scanner, every identifying detail marked by hand.

The stories are invented: first-person accounts in the style parents use when they write to the
campaign (family court, child protection, care proceedings). All names, schools, numbers and
addresses are made up; phone numbers use Ofcom's drama ranges, emails use example domains.

A detail is written ``[[kind:text]]``; ``parse()`` strips the markers and returns the clean text with
the expected spans. The marking is what a careful moderator would redact, decided while writing and
not tuned to the scanner, with two policy choices the scanner also makes: a bare year ("in 2019") is
not an identifier, and neither is a region or nation ("the North West", "Wales"), because that is the
level a moderator generalises to. Adults' first names are marked ``first_name``, children's
``child_name``. Stories in HARD_NEGATIVES contain no identifier at all but are full of words that
look like one (May, Grace, will, the court, a judge, Section 20, in 2019, Sure Start...).

STORIES were written first and the scanner was tuned on them; SECOND_SET was written afterwards and
scored once before being used (its first-run result is noted above it); THIRD_SET was written after
the scanner was frozen and is included exactly as it scored. Numbers on stories the scanner was tuned
on overstate what it does on new text: read them as a regression check, and the notes above
SECOND_SET and THIRD_SET as the better guide to new stories. ``python -m tests.unit.scanner_corpus
--sets`` prints each set separately.

Issue 14 added FOURTH_SET and LOOKALIKES (scanner_corpus_more.py, informal writing, courts, councils,
hospitals, centres) and two held-out parts, each written by a session that had not read the check:
scanner_heldout.py was scored once with the check frozen at commit 57f7212 (recall 0.90 over 939 marked
details, look-alikes flagged 3 of 70; per kind in the issue's closing note) and has been tuning data since;
scanner_heldout2.py was scored once with the check frozen at commit cccaa93: recall 0.95 over 746 marked
details (below the aims: addresses 0.86, children's names 0.89, ages 0.91), look-alikes flagged 5 of 80;
tuning data since. scanner_heldout3.py is the held-out part now (``held_out()``): scored once with the
check frozen at commit 834cffd, recall 0.94 over 1,002 marked details (below the aims: postcodes 0.88,
ages 0.87, dates 0.948), look-alikes flagged 4 of 106. Its misses were read afterwards and some fixed, so
the next change to the check needs a new part written blind before its figures mean anything.

Run ``python -m tests.unit.scanner_corpus`` for the per-kind recall / false-positive table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"\[\[(?P<kind>[a-z_]+):(?P<text>.*?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Expected:
    kind: str
    start: int
    end: int
    text: str


def parse(marked: str) -> tuple[str, list[Expected]]:
    """'my son [[child_name:Jack]]' -> ('my son Jack', [Expected('child_name', 7, 11, 'Jack')])."""
    out: list[str] = []
    expected: list[Expected] = []
    position = 0
    last = 0
    for m in _MARK.finditer(marked):
        before = marked[last : m.start()]
        out.append(before)
        position += len(before)
        text = m.group("text")
        expected.append(Expected(m.group("kind"), position, position + len(text), text))
        out.append(text)
        position += len(text)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), expected


STORIES: list[str] = [
    # 1. A chatty account, three children, a school and a town
    """My name is [[first_name:Kerry]] and I'm a mum of three. My eldest, [[child_name:Tyler]], was \
[[age:eight]] when social services first knocked on the door. [[child_name:Tyler]] and his sister \
[[child_name:Kacey]] were at [[school:Highfield Junior School]] in [[place:Stockport]] and the school \
had rung them because [[child_name:Kacey]] had a bruise on her arm from the trampoline. Nobody asked me about it. \
By the time the baby, [[child_name:Brooke]], was [[age:born in February 2021]] we were on a child \
protection plan. I did every course they asked me to do. I still do not understand what I did wrong.""",
    # 2. Formal, a case number, a judge and a guardian
    """I am writing about my case because I want other mothers to know what happens in the family court. \
The local authority issued care proceedings (case number [[case_number:MA21C00045]]) when my daughter \
[[child_name:Amelia]] was [[age:18 months old]]. The hearing was before [[titled_name:HHJ Whitcombe]] at \
the family court. The children's guardian, [[titled_name:Ms Okafor]], recommended that [[child_name:Amelia]] stay with \
foster carers while I completed a parenting assessment. I was told I could not talk about the case \
with anyone, not even my own mother. I felt like I was the one on trial.""",
    # 3. Timeline style with dates and ages
    """Timeline of what happened to us:
- [[date:3rd March 2019]]: my son [[child_name:Reuben]] was removed from hospital at [[age:two days old]].
- [[date:12/04/2019]]: first hearing. I had no solicitor.
- [[date:June 2019]]: contact cut to once a week, supervised.
- [[date:14th November 2019]]: final hearing, placement order made.
[[child_name:Reuben]] is now [[age:four]] and I have not seen him since his first birthday. I get one letter a \
year through the letterbox scheme.""",
    # 4. Contact details pasted in by mistake
    """Please contact me if you need more information for the story. My number is [[phone:07700 900461]] \
and my email is [[email:sarah.h.mum@example.co.uk]]. I am happy for you to share my story but please do \
not use my address which is [[address:14 Larch Close]], [[place:Wigan]] [[postcode:WN3 5QT]]. My little \
girl [[child_name:Poppy]] goes to [[school:Little Acorns Nursery]] round the corner and I am frightened \
her dad will find us.""",
    # 5. NHS number and hospital letter
    """The health visitor said she had concerns and wrote to the GP. I still have the letter. It has my \
son's NHS number on it ([[nhs_number:943 476 5919]]) and says he was underweight [[age:at 9 months]]. \
He was a small baby because I am small and his father is small. Two weeks later a social worker turned \
up. My son [[child_name:Kai]] is now thriving with me, no thanks to any of them.""",
    # 6. A grandmother's account with a named social worker
    """I am a nan, not a mum, but I have been through the family court for my granddaughter \
[[child_name:Lacey-Mae]]. Her mum is my daughter [[first_name:Gemma]], who was [[age:nineteen]] when \
[[child_name:Lacey-Mae]] was born. The social worker, [[titled_name:Karen]], told us at the first meeting that the plan \
was adoption unless a family member came forward. I came forward. It took eleven months of \
assessments before I was approved as a special guardian. [[first_name:Karen]] later told me I had been right to fight.""",
    # 7. Addresses, a street and a flat
    """We were placed in temporary accommodation at [[address:Flat 6, 22 Bridgewater Street]] after I \
left my ex. It was one room with black mould on the walls. The council then moved us to \
[[address:Ashdown Road]] which was better but miles from the children's school. My son \
[[child_name:Jayden]] had to get two buses to [[school:Oakfield Academy]]. When he was late, the \
school reported it as neglect.""",
    # 8. Social media and links
    """I started a page about our case to get support. It is at [[url:facebook.com/justice4ourboys]] and \
I post updates on TikTok as [[social_handle:@mumwhofights]]. My solicitor told me to take it down \
because it could be contempt of court. I have since found out that it named my boys, [[child_name:Alfie]] \
and [[child_name:Harrison]], and the town we live in. Please do not make my mistake.""",
    # 9. Domestic abuse, ex-partner named, Welsh town
    """My ex, [[first_name:Darren]], was violent throughout our relationship. When I finally left him and \
went to a refuge in [[place:Merthyr Tydfil]], the court still ordered contact with our daughter \
[[child_name:Ffion]]. She was [[age:three]]. At the handovers he would shout at me in front of her. \
I told Cafcass and they wrote that I was alienating her from her father.""",
    # 10. Case number in the long form and a DOB
    """My case reference is [[case_number:Case No. 10382 of 2022]] in case anyone from the campaign \
needs to check. My son's date of birth is [[age:21/07/2016]]. The court made a special \
guardianship order to my aunt without a final hearing. I was not even told the date of the hearing \
until afterwards.""",
    # 11. Mixed communities, twins, a mosque and a school
    """My twins [[child_name:Zainab]] and [[child_name:Yusuf]] were [[age:six]] when they were taken into \
foster care. They went to [[school:Al-Noor Primary]] and were placed with a family who did not speak \
Urdu and took them to church. I asked for them to be placed with my sister in [[place:Bradford]]. \
It took [[date:until March 2020]] for the assessment of my sister to even start.""",
    # 12. Lower-case, text-message style
    """honestly dont know where to start. my son [[child_name:Lewis]] is [[age:7]] and has adhd and the \
school kept excluding him. i asked for help and got a social worker instead. they said i was not \
meeting his needs. his teacher [[titled_name:Mrs Pritchard]] was the only one who stood up for us at \
the conference. if anyone wants to talk my number is [[phone:07700 900872]].""",
    # 13. Irish names, Northern Ireland
    """We moved from [[place:Newry]] to England for work and that is when it started. My daughter \
[[child_name:Saoirse]] told a teacher at [[school:St Brigid's RC Primary School]] that her daddy shouted. \
That was enough. A strategy meeting was held on [[date:Monday 9th January]] and we were not told. \
My husband [[first_name:Cian]] has never laid a finger on anyone.""",
    # 14. Police and a doctor
    """[[titled_name:PC Wood]] came to the house with the social worker at ten at night. They said my \
baby had a fracture and that [[titled_name:Dr Anand]] at the hospital thought it was non-accidental. \
It later turned out my son [[child_name:Oisín]] has a rare bone condition. The expert report came \
nine months too late. By then he had been in foster care for most of his life.""",
    # 15. Older child, secondary school, a phone number with brackets
    """My daughter [[child_name:Chloe]] is [[age:fifteen]] and has been in a children's home for a year. \
She goes to [[school:Greenbank High]] and her head of year rang me on [[phone:(0161) 496 0312]] to say \
she had stopped attending. Nobody from children's services had told me. I am still her mother. \
I still have parental responsibility.""",
    # 16. Landline and a postcode without a space
    """Our family support worker gave us her direct line, [[phone:0113 496 0571]], and then left the \
job two weeks later. We are at [[postcode:LS113AB]] and nobody has replaced her. My youngest, \
[[child_name:Noah]], is [[age:4 years old]] and has been waiting for a speech therapy assessment \
since he was [[age:two]].""",
    # 17. Initials used to "anonymise"
    """I am going to call my children by their initials. My son [[child_name:J]] was [[age:five]] and my \
daughter [[child_name:R.M.]] was [[age:three]] when the police took them. [[child_name:J]] still asks \
why the police were so angry. The judge, [[titled_name:District Judge Hale]], said my home was chaotic.""",
    # 18. A contact centre and a named foster carer
    """Contact was at [[service:Rainbow Children's Centre]] on Saturdays. My son [[child_name:Mason]] would \
cling to me at the end of every session. His foster carer [[titled_name:Linda]] was kind and would send \
me photos. When [[child_name:Mason]] turned [[age:three]], the local authority moved him to prospective \
adopters in Shropshire and the photos stopped.""",
    # 19. Email and website of a support group (not the writer's)
    """The only people who helped me were a small support group. You can find them at \
[[url:www.mothersstandingtogether.org.uk]] or email [[email:help@mothersstandingtogether.org.uk]]. \
They came with me to the meeting with [[titled_name:Mr Delaney]], the team manager, and made sure I \
was listened to. My daughter [[child_name:Isla-Rose]] came home in [[date:August 2022]].""",
    # 20. A father's account
    """I am a dad. My partner [[first_name:Leanne]] has bipolar disorder and when she was sectioned the \
children were placed in foster care even though I was there and willing. My son [[child_name:Finley]] \
was [[age:aged 9]] and my daughter [[child_name:Evie]] was [[age:aged 6]]. It took a parenting \
assessment, a hair strand test and 14 months for them to come home to me in [[place:Hartlepool]].""",
    # 21. Dates in several forms
    """The first child protection conference was on [[date:the 14th]] of that month, then another on \
[[date:2.11.21]]. The initial hearing was listed for [[date:Tuesday 18 January 2022]] and then \
adjourned to [[date:March 3rd]] because the local authority had not filed its evidence. Each time \
my daughter [[child_name:Aisha]] was told she might come home, and each time she didn't.""",
    # 22. Very short, just names and a place
    """My boys [[child_name:Kwame]] and [[child_name:Kofi]] are in care in [[place:Croydon]]. I see them \
for one hour every fortnight. They are [[age:seven]] and [[age:five]]. I am not allowed to hug them \
for longer than the supervisor says.""",
    # 23. Nursery, pre-school and a birth year
    """My daughter [[child_name:Priya]] was [[age:born in 2018]]. She went to [[school:Sunflowers \
Pre-school]] and loved it. When I was admitted to hospital after a breakdown, her father took her to \
his mother's in [[place:Leicester]] and refused to bring her back. The court gave him a child \
arrangements order on the papers. I found out from a letter.""",
    # 24. A titled barrister and a Scottish setting
    """We live in [[place:Paisley]] so it was the Children's Hearings System, not the English courts. \
Our son [[child_name:Callum]] was placed on a compulsory supervision order at [[age:the age of 3]]. \
Our lawyer, [[titled_name:Mrs Fraser]], said the panel would not listen to us without a report from \
the health visitor, and the health visitor had left.""",
    # 25. Long account with many kinds together
    """I want to tell you about [[child_name:Ruby]]. She is my second daughter, and she was taken from me \
at birth on [[date:25th December 2020]] at the maternity unit. My first daughter, [[child_name:Holly]], \
had been adopted two years earlier. The social worker [[titled_name:Michelle]] told the midwives to \
ring her the moment I went into labour. I was living with my mum at [[address:7 Priory Gardens]], \
[[place:Doncaster]], and I was clean, working and had done everything. The court case \
([[case_number:DN20C00311]]) lasted nine months. [[child_name:Ruby]] is [[age:three]] now and \
lives with her paternal grandparents. I see her every other weekend. [[child_name:Ruby]] calls me by my first name.""",
    # 26. Ambiguous names near children (May, Grace) and the month May
    """In May my daughter [[child_name:Grace]] was moved to her third placement. Her little sister \
[[child_name:May]] stayed with the first foster family. I will never understand why they split them \
up. [[child_name:Grace]] has asked for her sister every single day.""",
    # 27. Outward postcode called a postcode, and a street with a house number
    """Our postcode is [[postcode:BS5]] and the council says there is no family support available in \
our area. We live on [[address:41 Stapleton Road]] and my son [[child_name:Kian]] has to cross the \
main road to get to the bus stop. When he was hit by a car the social worker blamed me.""",
    # 28. An email to an MP, with the signature
    """Dear MP, I am writing to ask for your help with the care proceedings concerning my children. \
I was given four days' notice of the hearing and no legal aid. My children, [[child_name:Maisie]], \
[[child_name:Alfie]] and [[child_name:Teddy]], are now in three different placements. Yours sincerely, \
[[first_name:Danielle]]. Tel: [[phone:+44 7700 900318]]""",
]

# Written after the scanner was tuned on STORIES and scored once before any change: recall 0.90 overall,
# every child's name flagged but half only as a plain first name (strict 0.50), a Welsh school
# ("Ysgol Y Felin"), "when she was three because..." and a hospital's place name missed. The fixes that
# followed (names given an age or listed with a child, Welsh and Irish school names, hospitals) are
# general rules, and this set is now part of the corpus like the rest.
SECOND_SET: list[str] = [
    # H1. Newspaper-letter style
    """When my daughter was taken I was living in a hostel in [[place:Rotherham]]. [[child_name:Mia]] was \
[[age:two]] and had never spent a night away from me. The social worker said the hostel was not a suitable \
place for a toddler, which I agreed with, but instead of helping us find a flat they went to court. I have \
now got a two-bedroom flat on [[address:Wharncliffe Street]] and a job in a bakery, and I am still only \
allowed to see [[child_name:Mia]] once a month.""",
    # H2. Bullet points with contact details
    """Things I wish I had known:
* You can ask for an advocate. Mine was [[first_name:Bev]] from a local charity and she changed everything.
* Write everything down. I kept a diary from [[date:1st September 2021]] onwards.
* Get a solicitor who does care work. Ring the Law Society if you need to.
If you are in the same situation you can message me on [[phone:07700 900 155]]. My son [[child_name:Ethan]] \
came home after ten months in care and I want to help other mums.""",
    # H3. Father's girlfriend, the children named at a distance from "son"/"daughter"
    """The trouble started when my ex moved his new girlfriend in. [[child_name:Lily]] came back from contact \
with a cut lip and said [[first_name:Stacey]] had pushed her. I reported it and the police did nothing. \
Three weeks later, when I refused to send the children for the weekend, he applied for a child arrangements \
order and said I was making it up. [[child_name:Lily]] and [[child_name:Archie]] were interviewed at school \
by someone from Cafcass. [[child_name:Archie]] is only [[age:five]].""",
    # H4. A Welsh story with a school and a date of birth
    """Our daughter [[child_name:Seren]] was born on [[age:14 February 2017]] and she has cerebral palsy. \
We asked [[local_authority:Carmarthenshire]] for respite when she was [[age:three]] because we were exhausted, and \
instead we got a section 47 investigation. She goes to [[school:Ysgol Y Felin]] now and the staff there \
are the only professionals who have ever treated us like partners.""",
    # H5. Formal, with a case number and a named barrister
    """I represented myself at the final hearing in case [[case_number:SE22P00871]] because my legal aid had \
been refused. My former partner had a barrister, [[titled_name:Mr Oduya]], who cross-examined me for two \
hours about my mental health. The magistrates made a no-contact order. My son, who is now [[age:eleven]], \
has been told I did not want to see him.""",
    # H6. Email pasted in, NHS number, hospital
    """This is the message I sent to the hospital: "Please can you send me the records for my baby, \
[[child_name:Olivia Grant]], NHS number [[nhs_number:401 023 2137]], born at [[hospital:Wythenshawe \
Hospital]]." They never replied. My email is [[email:k.grant1988@example.com]] if anyone has had the same \
problem.""",
    # H7. No identifiers but lots of official language
    """The local authority applied for an interim care order on the basis that there was a risk of \
significant harm. The court agreed. I was given a parenting assessment, a psychological assessment and \
a cognitive assessment. The final hearing was in the spring. The judge approved the plan for long-term \
foster care with contact four times a year. I appealed and lost.""",
    # H8. Kinship carer with grandchildren and an Instagram handle
    """I am a grandmother caring for my two grandsons, [[child_name:Tyrese]] and [[child_name:Marcus]], \
under a special guardianship order. Their mum, my daughter, is in recovery. We get no financial support \
because the order was made in [[place:Lambeth]] and we now live in Kent. I share our journey \
on Instagram at [[social_handle:@nanaof2boys]] to raise awareness.""",
    # H9. Dates and ages in prose
    """On the [[date:17th of May]] two social workers came to the house. My youngest, [[child_name:Harvey]], \
was asleep upstairs; he was [[age:nine months old]]. My eldest was at [[school:Brookside Primary]]. By the \
evening both of them were with emergency foster carers in [[place:Tamworth]] and I was sitting on the \
kitchen floor not knowing what had happened.""",
    # H10. Short, with a postcode and a web link
    """We run a group for parents in the [[postcode:NE6 2XT]] area, meeting at the community centre on \
Tuesdays. Details are on [[url:www.byker-parents-together.org.uk]]. Nobody will judge you. Several of us \
have had children removed and some of us have had them returned.""",
]

# Written last, after the scanner was frozen, scored once and left as it scored: every marked detail
# flagged and no false alarm, but only 3 of the 8 mentions of a child's name labelled as a child's (a
# nickname, a name after "Our", a school year instead of an age, a name far from "our grandson"); the
# other 5 show as a plain "First name". (Two findings first counted as false alarms were marking slips
# of mine: the child's nickname and a repeat of his name, now marked.) The strict child_name column is
# lower for this reason.
THIRD_SET: list[str] = [
    # T1. Chatty, nickname, a date and a town
    """Where do I even begin. Our [[child_name:Freddie]] (we call him [[child_name:Fred]]) was taken on \
[[date:22nd October 2020]] after a neighbour rang the police about shouting. It was me and my partner \
arguing about money, nothing more. We live just outside [[place:Kettering]]. [[child_name:Freddie]] was in foster care \
for five months and came home with nits and a bruise nobody could explain.""",
    # T2. Solicitor with a title and a court in a city
    """My solicitor, [[titled_name:Ms Achterberg]], told me not to say anything in the meeting. Then at \
court in [[place:Nottingham]] she told the judge I agreed with the plan, which I didn't. I have since \
complained to the Legal Ombudsman. My daughter is [[age:nine]] now and asks about her little brother, \
who was adopted.""",
    # T3. No identifiers, an emotional account
    """Nobody tells you how quiet the house is afterwards. I still have the cot up. I still buy the \
yoghurts he liked. The social worker said I should box things away but I can't. The court said adoption \
was the only option and now there is nothing I can do but wait for the letter once a year.""",
    # T4. Phone and email of the writer, a Scottish city, ages of twins
    """Anyone in a similar position in [[place:Dundee]] please get in touch, I have been through the \
children's hearings with my twins [[child_name:Ellie]] and [[child_name:Rory]] since they were \
[[age:four]]. Text [[phone:07700 900 987]] or email [[email:mum.of.twins@example.org]].""",
    # T5. School and school year and a teacher
    """My son's teacher at [[school:Castle Hill Primary School]], [[titled_name:Mr Haddad]], was the one \
who made the referral. [[child_name:Zak]] was in [[age:Year 3]] and had said something about his dad \
hitting him with a slipper. I understand why the school had to report it, but no one ever came back \
to tell us it had been closed.""",
    # T6. Address without a number and a postcode
    """We had just moved into a council house on [[address:Meadowbank Crescent]], [[postcode:G33 4RP]], \
when the health visitor said the house was too cold for a newborn. It was March and the heating had \
been broken since we moved in. The council took six weeks to fix it. My baby [[child_name:Aaliyah]] \
was put on a child in need plan.""",
    # T7. Case number and a judge named in a quote
    """The judgment in my case ([[case_number:BV23P00457]]) says that I "lacked insight". \
[[titled_name:Recorder Sandhu]] never once looked at me while I was giving evidence. I have a copy of \
the transcript and I would like to share some of it, but I have been told I cannot.""",
    # T8. A grandfather, a grandchild named far from "grandson"
    """I am writing as a grandfather. My wife and I have cared for our grandson since the local \
authority stepped in. He has settled well, and [[child_name:Jamal]] now plays for the under-tens at \
the local football club. We were never offered any training or money.""",
]

HARD_NEGATIVES: list[str] = [
    """I will tell my story in the hope that it helps someone. In 2019 the local authority took my \
children into care under an interim care order. The judge said he would give me a chance, but the \
social worker did not agree. By the grace of God I got them back in the end, after a long year in the \
family court.""",
    """Under Section 20 of the Children Act 1989, parents can agree to their child being accommodated. \
Section 47 enquiries are different. Nobody explained that to me. The Child Protection Register was \
replaced years ago, but the workers still talk about it. The court, the school and the health visitor \
all had my number.""",
    """We used to go to the Sure Start centre every week. May is always a hard month because it is when \
my son was taken. I have faith that one day he will find me. We live in the North of England and there \
is very little support for mothers like me. Hope is all I have left.""",
    """Summer holidays are the worst. My daughter is in a residential school and she comes home for two \
weeks. The High Court judge who heard the appeal was kind. A judge is supposed to listen to both sides. \
My son's school said he was doing well. The nursery said the same. Mark my words, this system will \
change.""",
    """I was 19 when I had my first baby and 23 when she was taken. I went to a mother and baby unit for \
twelve weeks. The guardian said I had made progress. The final hearing lasted three days. I got \
legal aid because it was care proceedings. Will it ever get better? Only if people speak up.""",
    """My children are both teenagers now. They came home last year after 3 years in foster care. We still \
have a social worker once a month. The school has been brilliant. We were given a family support \
worker from the council and a place on a parenting course in the autumn. Christmas will be together.""",
]


from tests.unit.scanner_corpus_more import FOURTH_SET  # noqa: E402
from tests.unit.scanner_corpus_more import LOOKALIKES as _MORE_LOOKALIKES  # noqa: E402
from tests.unit.scanner_heldout import HELD_OUT as FIFTH_SET  # noqa: E402
from tests.unit.scanner_heldout import HELD_OUT_LOOKALIKES as _FIFTH_LOOKALIKES  # noqa: E402
from tests.unit.scanner_heldout2 import HELD_OUT as SIXTH_SET  # noqa: E402
from tests.unit.scanner_heldout2 import HELD_OUT_LOOKALIKES as _SIXTH_LOOKALIKES  # noqa: E402

# Safe look-alikes of the tuning part: the fourth set's and the first two held-out parts'.
LOOKALIKES = list(_MORE_LOOKALIKES) + list(_FIFTH_LOOKALIKES) + list(_SIXTH_LOOKALIKES)


def corpus() -> list[tuple[str, list[Expected]]]:
    """The tuning part: every story the scanner was developed against (the first held-out part among them,
    since it was scored), and the hard negatives."""
    return [
        parse(story)
        for story in STORIES + SECOND_SET + THIRD_SET + FOURTH_SET + FIFTH_SET + SIXTH_SET + HARD_NEGATIVES
    ]


def held_out() -> tuple[list[tuple[str, list[Expected]]], list[str]]:
    """The held-out part (tests/unit/scanner_heldout3.py): stories and look-alikes written by someone who
    had not read the scanner's code or the other corpora, scored only after the scanner was frozen."""
    from tests.unit.scanner_heldout3 import HELD_OUT, HELD_OUT_LOOKALIKES

    return [parse(story) for story in HELD_OUT], list(HELD_OUT_LOOKALIKES)


HIGH_RISK = ("child_name", "school", "case_number", "nhs_number", "postcode", "address", "phone", "email")
# The aims for recall on new text, by kind (issue 14); a kind not listed has no aim of its own.
AIMS = {
    **dict.fromkeys(
        ["postcode", "phone", "email", "nhs_number", "case_number", "date", "age", "school"], 0.95
    ),
    **dict.fromkeys(
        ["child_name", "first_name", "titled_name", "address", "place", "court", "local_authority"], 0.90
    ),
}
LOOKALIKE_AIM = 0.05  # safe look-alikes flagged at most this often
# A child's name reported as a plain "First name" (or an adult's as a child's) still puts it in front of
# the moderator.
ACCEPTED_AS = {
    "child_name": {"child_name", "first_name"},
    "first_name": {"first_name", "child_name"},
    # "a fella called Gareth" found as the first name Gareth still puts the name before the moderator
    "titled_name": {"titled_name", "first_name"},
    # a date of birth flagged as a date ("7 January 2021 - Baby Hamza born") is still put before the moderator
    "age": {"age", "date"},
}


@dataclass
class KindScore:
    expected: int = 0
    found: int = 0  # expected spans covered by a finding of the same kind (or an accepted one)
    found_strict: int = 0  # ... by a finding of exactly the same kind
    findings: int = 0  # findings the scanner made of this kind
    true: int = 0  # of those, overlapping an expected span of the same kind
    false_positive: int = 0  # of those, overlapping no expected span at all
    other_kind: int = 0  # overlapping an expected span of another kind

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def strict_recall(self) -> float:
        return self.found_strict / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.true / self.findings if self.findings else 1.0


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def lookalikes_flagged(scan, texts: list[str]) -> tuple[int, list[str]]:
    """How many look-alike texts get any finding at all, and what was flagged."""
    notes = []
    for text in texts:
        findings = scan(text)
        if findings:
            notes.append(
                f"look-alike flagged: {', '.join(f'{f.kind} {f.match!r}' for f in findings)} in {text!r}"
            )
    return len(notes), notes


def evaluate(
    scan, stories: list[tuple[str, list[Expected]]] | None = None
) -> tuple[dict[str, KindScore], list[str]]:
    """Score ``scan`` over the corpus. Returns per-kind scores and a list of readable misses/false alarms."""
    scores: dict[str, KindScore] = {}
    notes: list[str] = []
    for number, (text, expected) in enumerate(corpus() if stories is None else stories, start=1):
        findings = scan(text)
        for e in expected:
            score = scores.setdefault(e.kind, KindScore())
            score.expected += 1
            accepted = ACCEPTED_AS.get(e.kind, {e.kind})
            hits = [f for f in findings if _overlaps(f.start, f.end, e.start, e.end)]
            if any(f.kind in accepted for f in hits):
                score.found += 1
            else:
                notes.append(
                    f"story {number}: missed {e.kind} {e.text!r}"
                    + (f" (found as {', '.join(f.kind for f in hits)})" if hits else "")
                )
            if any(f.kind == e.kind for f in hits):
                score.found_strict += 1
        for f in findings:
            score = scores.setdefault(f.kind, KindScore())
            score.findings += 1
            covering = [e for e in expected if _overlaps(f.start, f.end, e.start, e.end)]
            if any(e.kind == f.kind for e in covering):
                score.true += 1
            elif covering:
                score.other_kind += 1
            else:
                score.false_positive += 1
                notes.append(f"story {number}: false positive {f.kind} {f.match!r}")
    return scores, notes


def report(
    scan,
    stories: list[tuple[str, list[Expected]]] | None = None,
    lookalikes: list[str] | None = None,
    *,
    notes_shown: bool = True,
) -> str:
    if stories is None:
        stories = corpus()
    if lookalikes is None:
        lookalikes = LOOKALIKES
    scores, notes = evaluate(scan, stories)
    lines = [
        f"{'kind':<16}{'expected':>9}{'recall':>8}{'strict':>8}{'findings':>9}{'false+':>7}{'other':>6}"
        f"{'precision':>10}{'aim':>6}",
    ]
    total = KindScore()
    for kind in sorted(scores, key=lambda k: (k not in HIGH_RISK, k)):
        s = scores[kind]
        lines.append(
            f"{kind + ('*' if kind in HIGH_RISK else ''):<16}{s.expected:>9}{s.recall:>8.2f}"
            f"{s.strict_recall:>8.2f}{s.findings:>9}{s.false_positive:>7}{s.other_kind:>6}"
            f"{s.precision:>10.2f}{_aim(kind, s):>6}"
        )
        for field in (
            "expected",
            "found",
            "found_strict",
            "findings",
            "true",
            "false_positive",
            "other_kind",
        ):
            setattr(total, field, getattr(total, field) + getattr(s, field))
    lines.append(
        f"{'all':<16}{total.expected:>9}{total.recall:>8.2f}{total.strict_recall:>8.2f}"
        f"{total.findings:>9}{total.false_positive:>7}{total.other_kind:>6}{total.precision:>10.2f}"
    )
    flagged, lookalike_notes = lookalikes_flagged(scan, lookalikes)
    rate = flagged / len(lookalikes) if lookalikes else 0.0
    lines.append(
        f"look-alikes flagged: {flagged} of {len(lookalikes)} ({rate:.1%}; aim at most {LOOKALIKE_AIM:.0%})"
    )
    lines.append(
        f"{sum(1 for _, e in stories if e)} stories with identifiers, {sum(1 for _, e in stories if not e)} "
        "without; * = high-risk kind; aim: ok / MISS against the recall aims of issue 14."
    )
    lines.append(
        "recall: expected spans covered by a finding of that kind (a child's name flagged as a "
        "first name counts); strict: same kind only."
    )
    lines.append(
        "false+: findings overlapping nothing marked; other: overlapping a detail marked as another kind."
    )
    if notes_shown and (notes or lookalike_notes):
        lines.append("")
        lines.extend(notes + lookalike_notes)
    return "\n".join(lines)


def _aim(kind: str, score: KindScore) -> str:
    aim = AIMS.get(kind)
    if aim is None or not score.expected:
        return "-"
    return "ok" if score.recall >= aim else "MISS"


def _report_sets(scan) -> str:
    """The table for each set on its own."""
    parts = [
        ("first set (tuned on)", STORIES, []),
        ("second set", SECOND_SET, []),
        ("third set (frozen then)", THIRD_SET, []),
        ("fourth set (informal writing, courts, councils...)", FOURTH_SET, list(_MORE_LOOKALIKES)),
        ("first held-out part (scored at 57f7212, tuned on since)", FIFTH_SET, list(_FIFTH_LOOKALIKES)),
        ("second held-out part (scored at cccaa93, tuned on since)", SIXTH_SET, list(_SIXTH_LOOKALIKES)),
        ("hard negatives", HARD_NEGATIVES, []),
    ]
    return "\n\n".join(
        f"== {name}\n{report(scan, [parse(s) for s in part], looks)}" for name, part, looks in parts
    )


def held_out_report(scan, *, notes_shown: bool = False) -> str:
    stories, lookalikes = held_out()
    return report(scan, stories, lookalikes, notes_shown=notes_shown)


if __name__ == "__main__":
    import sys

    from campaign.scanner import scan

    if "--held-out" in sys.argv:
        print(held_out_report(scan, notes_shown="--notes" in sys.argv))
    else:
        print(_report_sets(scan) if "--sets" in sys.argv else report(scan))
