"""Held-out stories for the story check (identifying details about a child in
family-court cases; s.97 Children Act 1989).

Written on 2026-11-30 by a session that had NOT read the check's code, its
existing test corpus or its benchmark: the only things read for tone were the
campaigners' texts in /work/shared/seeds/. Every story is invented: children,
parents, professionals, house numbers, streets, postcodes, phone numbers (Ofcom
drama ranges), emails (example.com / example.co.uk), NHS numbers (valid check
digit, not real people), case numbers, handles and links. Towns, estates,
courts, councils, trusts and hospitals are real UK ones, because that is what
parents write.

How: first-person stories (80-250 words once the markers are stripped) in the
many registers parents use - text-speak, all lower case, typos and run-on
sentences, formal letters, bullet timelines; England, Wales, Scotland and
Northern Ireland; mothers, fathers, grandparents and kinship carers; domestic
abuse, babies removed at birth, Section 20, contact centres, refuges.

Labelling rules (what a careful moderator would redact):
  * every identifying detail is marked inline as [[kind:text]]; the pattern
    \\[\\[(?P<kind>[a-z_]+):(?P<text>.*?)\\]\\] (DOTALL) finds them, and
    replacing each marker by its text gives the story as a parent wrote it;
    every occurrence is marked, not just the first;
  * kinds: child_name, first_name (an adult), titled_name (title or role word
    plus the name: "sw kerry", "HHJ Patel", "Mrs Jones"), postcode (full or
    outward only), phone, email, nhs_number, case_number, date (a specific
    day, never a bare month or year), age (a child's age or date of birth,
    including the day a child was born given as a date in a timeline;
    a school year group only when said of a particular child), school,
    address (house number and street, or a named street), url,
    social_handle, place (town, city, village, district or estate - never a
    region, county-sized area or nation), court (a named court or hearing
    centre, whole name), local_authority (a named council, trust or
    children's services body), hospital (a named hospital or unit),
    service (a named contact centre, family centre, refuge, mother-and-baby
    unit, assessment centre or charity branch);
  * a leading "the" is left outside the marker ("the [[place:Meadowell]]");
  * NOT marked: generic institutions ("the family court", "the High Court",
    "the council", "children's services", "the hospital", "Cafcass",
    "the NHS", "Ofsted"), regions and nations ("the North East", "Wales"),
    bare years and months, "my son", "the judge", national helplines
    (NSPCC 0808 800 5000, Samaritans 116 123) and public websites (gov.uk,
    citizensadvice.org.uk), national organisations, brands, TV characters,
    the Children Act 1989, Section 20, adults' own ages.

HELD_OUT_LOOKALIKES are short texts with nothing a moderator would redact but
with words that look like something that would be.
"""

HELD_OUT: list[str] = [
    # 1 - text-speak, Leeds
    """my [[age:12yo]] daughter [[child_name:keeley]] was took off me on \
the [[date:14th of feb]] after [[titled_name:sw kerry]] from \
[[local_authority:leeds childrens services]] turned up at our flat in \
[[place:gipton]] at 7am. no warning nothing. they said it was a section 20 \
and i had to sign or they would go to court anyway so i signed. big mistake. \
she is now in foster care in [[place:seacroft]] and im only allowed contact \
2x a week at the [[service:willow tree contact centre]] for 90 mins \
supervised. [[child_name:keeley]] is in [[age:year 7]] at \
[[school:parklands girls high]] and the school said she was doing fine!! the \
final hearing is at [[court:leeds combined court centre]] on \
[[date:3rd march]], case no [[case_number:LS22C00417]]. the guardian has met \
her ONCE. i rang the nspcc on 0808 800 5000 and they just said get a \
solicitor. if anyone has been through the same pls msg me \
[[phone:07700 900461]] or [[email:keeleysmum87@example.com]]. im not giving \
up on my baby. i set up a page \
[[url:https://www.facebook.com/justice4keeley]] and my insta is \
[[social_handle:@keeleysmum_leeds]], anyone in [[postcode:LS9]] pls \
come to court with me""",
    # 2 - formal letter, Wales
    """Dear Sir or Madam,

I am writing about the care proceedings concerning my children, \
[[child_name:Ffion]] ([[age:aged 7]]) and [[child_name:Osian Pritchard]] \
([[age:aged 4]]), which were heard at \
[[court:Merthyr Tydfil Combined Court Centre]] under case number \
[[case_number:CF 21 C 00193]].

On [[date:9th November 2021]] two social workers from \
[[local_authority:Rhondda Cynon Taf]] came to our home at \
[[address:14 Heol y Felin]], [[place:Penywaun]], [[postcode:CF44 9RT]], \
without notice. [[child_name:Ffion]] had a bruise on her shin from the \
trampoline at her nan's, which her teacher at \
[[school:Ysgol Gynradd Gymraeg Aberdâr]] had reported. She was taken for a \
child protection medical at [[hospital:Prince Charles Hospital]], where the \
paediatrician, [[titled_name:Dr Okonjo]], recorded that the injury was \
consistent with our account. Despite this, both children were placed with \
foster carers in [[place:Hirwaun]] the same night.

I accept that our home was untidy at the time and that I was struggling \
after my father died in May. I have since completed every course asked of \
me, including the Freedom Programme, and my GP confirms I am engaging with \
the community mental health team. I ask that my complaint is considered \
under the social services complaints procedure set out on gov.wales.

Yours faithfully,
[[first_name:Rhian Pritchard]]""",
    # 3 - father, text-speak, Sunderland
    """dads matter too!! my ex [[first_name:jade]] stopped me seeing my lad \
[[child_name:mason]] after we split, he was [[age:2yrs old]] then and hes \
[[age:5yo]] now. i applied for a c100 myself off gov.uk and it went to \
[[court:sunderland family court]] and the magistrates give me contact every \
other sat at the [[service:daisy chain contact centre]] in \
[[place:pennywell]]. she never turned up 6 times. cafcass lady \
[[titled_name:mrs dunne]] wrote in her report that [[child_name:mason]] \
lights up when he sees me but still recomended supervised cos of one text i \
sent when i was drunk in 2020. i dont deny it. ive been sober since. next \
hearing is [[date:the 22nd]] and the case number is \
[[case_number:SR 23 P 00561]] if any mckenzie friend in the north east can \
help. ive been told she has moved him to [[place:hendon]] and he started at \
[[school:valley road academy]] without telling me even tho i have PR. i just \
want to watch paw patrol with my boy like a normal dad. message me on fb \
[[social_handle:@masonsdad_sland]] or ring [[phone:07700 900587]]""",
    # 4 - Scottish grandmother, kinship carer
    """I'm a kinship carer for my two grandchildren, [[child_name:Lacey]] and \
[[child_name:Jayden]], since my daughter [[first_name:Nicole]] lost them \
through the Children's Hearing. We live in [[place:Castlemilk]] on the south \
side of [[place:Glasgow]]. [[child_name:Lacey]] is [[age:9 years old]] and \
at [[school:Castleton Primary]], and [[child_name:Jayden]] is \
[[age:three and a half]] and goes to [[school:Glenwood nursery]].

The reporter sent the grounds to [[court:Glasgow Sheriff Court]] and \
[[titled_name:Sheriff McLeod]] found them established on \
[[date:17th August 2022]]. Since then [[local_authority:Glasgow City Council]] \
have paid me the kinship allowance some months and not others. \
[[child_name:Jayden]] has a heart condition and is seen at the \
[[hospital:QEUH]] every six weeks, and I have to get two buses there with \
him because nobody will help with taxis.

I love them both to bits but I am 63 and I am exhausted. The social worker, \
[[titled_name:Mr Kerr]], says there is nothing more available. I have \
phoned Citizens Advice Scotland and the kinship care helpline. If anyone \
else in Scotland is in the same situation please phone me on \
[[phone:0141 496 0372]].""",
    # 5 - bullet timeline, baby removed at birth, Manchester
    """Timeline for my MP because nobody listens:

- [[age:02/09/2020]] - my daughter [[child_name:Ava-Rose]] born at \
[[hospital:North Manchester General]], NHS no [[nhs_number:943 476 5919]]
- [[date:04/09/2020]] - interim care order at \
[[court:Manchester Civil Justice Centre]], \
[[case_number:MA20C00872]], [[titled_name:DJ Hartley]]
- [[date:05/09/2020]] - me and [[child_name:Ava-Rose]] moved to the \
[[service:Bluebell mother and baby unit]] for a 12 week assessment
- [[date:20/11/2020]] - assessment says I am a good enough mum but \
[[local_authority:Manchester City Council]] still want a placement order
- [[date:11/01/2021]] - [[child_name:Ava-Rose]] removed from the unit and \
placed with foster carers in [[place:Wythenshawe]]
- March 2021 - my barrister [[titled_name:Miss Adeyemi]] asked for an \
independent social work assessment, refused
- [[date:1st June 2021]] - placement order made. Final goodbye contact at \
[[service:Harpurhey family centre]]

I was 19. I had been in care myself. Nobody from Pause or anywhere else \
offered me anything after. I am now pregnant again and living with my nan \
at [[address:31 Kenyon Lane]], [[postcode:M40 5HQ]] and I am terrified it \
will all happen again. Please share.""",
    # 6 - father, long formal, Oxford
    """To whom it may concern,

I am the father of [[child_name:Theo]], who was \
[[age:born on 14/03/2017]]. Following my separation from his mother, \
[[first_name:Charlotte Hayes]], in 2019, I applied for a child arrangements \
order at [[court:Oxford Combined Court Centre]] (case number \
[[case_number:OX19P00288]]). The case has now been running for four years.

During that time [[child_name:Theo]] has been moved from \
[[school:St Ebbe's Primary]] to [[school:Windale Primary]] in \
[[place:Blackbird Leys]] without consultation, despite a prohibited steps \
order. The Cafcass officer, [[titled_name:Ms Fairbrother]], accepted that \
the allegations made against me were not supported by the police \
disclosure from Thames Valley Police. [[titled_name:HHJ Whitaker]] \
nevertheless adjourned the fact-finding hearing twice.

I would be grateful if anyone who has experience of \
[[local_authority:Oxfordshire County Council]] and the \
[[service:Rose Hill contact centre]] could contact me at \
[[email:theos.dad.oxford@example.co.uk]]. I have read the Children Act \
1989, the Practice Direction 12J and everything on gov.uk, but I am not a \
lawyer. I have also set up a page documenting the delays at \
[[url:https://www.justicefortheo.example.co.uk]].""",
    # 7 - domestic abuse survivor, refuge, text-ish
    """i fled my ex [[first_name:Liam Doyle]] with my 2 girls \
[[child_name:poppy]] ([[age:6]]) and [[child_name:isla]] ([[age:18 months]]) \
in the middle of the night and we went into \
[[service:Oak House refuge]]. women's aid were amazing i cant fault them. \
but then [[local_authority:Essex County Council]] said i had failed to \
protect because i went back to him once when [[child_name:isla]] was a \
newborn. i went back because he said he would kill himself. we lived in \
[[place:Jaywick]] then and i had no family near. now hes got a c100 in at \
[[court:Chelmsford County and Family Court]] asking for overnights!! the \
first hearing is on [[date:the 9th of may]]. [[child_name:poppy]] still \
wets the bed and wont go to school at [[school:Frobisher Primary]] without \
screaming. her teacher [[titled_name:miss greenwood]] has been lovely. i \
have been told not to post this but i dont care anymore, its not fair. \
samaritans 116 123 got me through a lot of nights last winter. [[child_name:isla]]s nhs number is \
[[nhs_number:859 952 8904]] and her red book says she was thriving the \
whole time. email me [[email:poppyandislasmum@example.co.uk]] if your in \
the same boat""",
    # 8 - Northern Ireland
    """Our family has been dealing with the [[local_authority:Western Trust]] \
for nearly three years now. My son [[child_name:Oisín]] is \
[[age:11]] and has autism and ADHD, and because he lashes out at home the \
Trust decided we were not coping and put him on the child protection \
register. We live in [[place:Creggan]] and he was at \
[[school:St John's Primary]] until they moved him to a unit in \
[[place:Strabane]].

He was admitted to [[hospital:Altnagelvin]] on [[date:the 3rd of December]] \
after a meltdown and the social worker, [[titled_name:Ms McCallion]], told \
the ward staff I was not to visit alone. I have never hurt my son. The \
case went to the [[court:Londonderry Family Proceedings Court]] and our \
reference is [[case_number:22/041873]].

My partner [[first_name:Ciaran]] has had to give up work. We were told to \
contact the Family Rights Group and Citizens Advice NI, which we did. If any \
parent in the North West of Northern Ireland has been through this please \
email me at [[email:oisinsmammy@example.co.uk]].""",
    # 9 - all lower case, run-on, Barnsley, grandparents
    """me and my husband [[first_name:gary]] are the grandparents of \
[[child_name:tyler]] and [[child_name:kacey-leigh]] and we have been \
fighting [[local_authority:barnsley council]] for 2 yrs to get them \
placed with us instead of strangers they said our house on \
[[address:hoyland road]] was too small but we had already got the council \
to agree a swap to a 3 bed in [[place:grimethorpe]] and they still said no \
then they said [[first_name:gary]] had a caution from 1994 which is 30 years ago for \
fighting outside a pub in [[place:cudworth]] when he was 18 its madness. \
the kids are [[age:8]] and [[age:nearly 4]] and they have been in 3 \
placements. [[child_name:kacey-leigh]] asks for us every contact at the \
[[service:acorn family centre]] and cries when we leave. the special \
guardianship assessment was done by [[titled_name:sw donna]] who only came \
out once. the hearing is at [[court:barnsley law courts]] on \
[[date:friday the 17th]] case [[case_number:DN 23 C 00077]]. i have \
written to our mp and to whitehall and got nothing back. we are in [[postcode:S72]] and our facebook \
group is [[url:facebook.com/groups/nanandgrandadfortylerandkacey]], im on \
there as [[social_handle:@barnsleynanna62]] or ring \
[[phone:01632 960155]]""",
    # 10 - Bristol, father, typos
    """Im a dad from [[place:Hartcliffe]] and I just want to say the system is \
broke. My son [[child_name:Kai Jenkins]] is [[age:7]] and his mum \
[[first_name:Shannon]] has mental health problems, which I supported her \
through for years. When she went into [[hospital:Southmead]] in 2022 \
[[local_authority:Bristol City Council]] put [[child_name:Kai]] with her mum not me \
because I "hadnt been assessed". I have been assessed 3 times since.

We had a final hearing at [[court:Bristol Civil and Family Justice Centre]] \
on [[date:26 October 2023]] and [[titled_name:Recorder Lewis]] said [[child_name:Kai]] \
should live with me. Three weeks later the grandmother stopped answering \
her door. I rang the police on 101 and they said its a civil matter.

[[child_name:Kai]] was at [[school:Hareclive Academy]] and he has not been \
in school since. His old teacher [[titled_name:Mr Oduya]] is worried sick \
too. Case number is [[case_number:BS23P00419]] if any solicitor reading \
this does legal aid, because I earn just over the limit. \
[[phone:0117 496 0825]]. Please dont tell me to ring Childline, Ive done \
that for him already.""",
    # 11 - text-speak, Liverpool, babies removed, url and handle
    """they took my baby [[child_name:lexi-mae]] at 2 days old from the \
[[hospital:liverpool womens]] on [[date:12/04/21]]. i never even got to \
take her home. [[local_authority:liverpool city council]] said it was \
because of my older 2 who were adopted in 2018 but i was 17 then and in a \
violent relationship with there dad [[first_name:jordan]]. ive done \
everything since, parenting course, drug tests all clear, moved away from \
[[place:kirkby]] to get away from him. the judge at \
[[court:liverpool civil and family court]] said i had made progress but not \
enough in the childs timescales. [[child_name:lexi-mae]] is \
[[age:2]] now and i get letterbox twice a year. thats it. i started a \
petition [[url:https://www.change.org/p/bring-lexi-mae-home-to-her-mum]] \
and my tiktok is [[social_handle:@lexismummy_fights]] where i post about \
it every day. not asking for money just for people to know this happens \
in england in 2024. her nhs number is [[nhs_number:786 666 1766]] \
its on the letter they sent me when she was born""",
    # 12 - formal letter to MP, Kent/Medway
    """Dear Member of Parliament,

I am a constituent living at [[address:82 Canterbury Street]], \
[[place:Gillingham]], [[postcode:ME7 5TP]], and I am writing about the \
treatment of my family by [[local_authority:Medway Council]].

My grandson, [[child_name:Alfie Barnes]], date of birth \
[[age:22/07/2015]], has lived with me under a special guardianship order \
made at [[court:Medway County Court and Family Court]] on \
[[date:5th January 2019]] (case [[case_number:ME18C00654]]). Since then the \
council has cut the SGO allowance twice without explanation. \
[[child_name:Alfie]] has complex needs and attends \
[[school:Bradfields Academy]]; his consultant at \
[[hospital:Medway Maritime Hospital]], [[titled_name:Dr Sandhu]], has \
written in support of an increase.

I have followed the complaints procedure to stage two. The stage two \
investigator, [[titled_name:Mrs Oyelaran]], upheld three of my four \
complaints, yet nothing has changed. I have enclosed copies of the letters \
and the adjudication.

I would be grateful if you would raise this with the Director of \
Children's Services. I can be reached on [[phone:01632 960418]] or at \
[[email:jean.barnes.sgo@example.co.uk]].

Yours sincerely,
[[first_name:Jean Barnes]]""",
    # 13 - Hull, mum, all caps in places
    """I NEED HELP. my son [[child_name:harvey]] is [[age:4yrs old]] and he \
has been in foster care since [[date:the 28th of june]] because my \
partner at the time [[first_name:dean]] hit him and i didnt report it \
straight away. i left [[first_name:dean]] the same week and moved to my sisters in \
[[place:bransholme]]. [[local_authority:hull city council]] are now \
saying i failed to protect and they want to keep [[child_name:harvey]] in care \
permanently. the hearing is at [[court:hull combined court centre]] case \
[[case_number:HU 23 C 00142]]. the SW is [[titled_name:sw jodie]] and she \
keeps cancelling contact at the [[service:sunflower contact centre]]. hes \
got a place at [[school:bude park primary]] for september and the foster \
carer says hes doing great. my solicitor says keep my head down. im \
posting on mumsnet and here because i dont know where else to go. my \
phone is [[phone:07700 900126]]. [[child_name:harvey]]s nhs number is \
[[nhs_number:5711777742]] if any nurse can tell me why they wont give me \
his health records. were in [[postcode:HU7]]. tiktok \
[[social_handle:@harveysmum_hull]] or [[email:harveysmum@example.com]]""",
    # 14 - father, Wrexham, Welsh school, social handle
    """Father of two here. My daughters [[child_name:Megan]] \
([[age:10]]) and [[child_name:Erin]] ([[age:8]]) go to \
[[school:Ysgol Bro Alun]] in [[place:Gresford]] and I have not seen them \
since [[date:Sunday 4th February]]. Their mum [[first_name:Kirsty Lloyd]] \
made an allegation to North Wales Police which was NFA'd within two weeks, \
but [[local_authority:Wrexham Council]] children's services still wrote \
that I was a risk.

The case is listed at [[court:Wrexham Law Courts]] under \
[[case_number:WR24P00036]]. The Cafcass Cymru officer, \
[[titled_name:Mr Pritchard]], recommended indirect contact only, cards and \
letters. I have sent cards every week to the address I had, \
[[address:9 Maes Glas]], and had nothing back.

I am a qualified electrician, I have never been in trouble, and I coached \
the girls' football team. I have started a group for dads in Wales in the \
same boat - on Instagram as [[social_handle:@dadsofwrexham_voice]]. Please \
do not message me advice about going to the High Court, I cannot afford a \
barrister.""",
    # 15 - Birmingham, grandmother, typos, Children's Trust
    """my grand daughter [[child_name:amara]] was removed from my daughter \
[[first_name:tanisha]] when she was [[age:6 weeks old]] and placed in foster \
care by [[local_authority:birmingham childrens trust]]. i put myself \
forward as a kinship carer strait away but the assessment took 9 months \
and then they said my flat in [[place:kingstanding]] wasnt suitable \
because im on the 7th floor. i have lived there 20 year and raised 3 kids. \
we had the final hearing at \
[[court:birmingham civil and family justice centre]] on \
[[date:the 6th of november]] and [[titled_name:judge patel]] made a \
placement order. [[child_name:amara]] was born at \
[[hospital:birmingham womens hospital]] with withdrawals and i understand \
why they were worried about [[first_name:tanisha]] but not about me. i have never been \
in trouble in my life. i volunteer at the [[service:kingstanding \
family hub]] and they wrote me a letter too. no one listened. if any \
grandparents know about appeals please email \
[[email:nanaforamara@example.com]]. her nhs number from the red book is \
[[nhs_number:121 547 2803]] if that helps anyone look into it""",
    # 16 - Cardiff, DA, formal-ish with postcode outward only
    """I am a survivor of domestic abuse and a mother of three. In 2021 I \
fled [[place:Ely]] in [[place:Cardiff]] with my children, [[child_name:Jac]], \
[[child_name:Seren]] and [[child_name:Dylan]], and we were housed \
temporarily by [[service:Cardiff Women's Aid]] in a flat in \
[[postcode:CF24]]. [[local_authority:Cardiff Council]] opened a child \
protection plan not on the father, but on me, for "exposing" the children \
to abuse.

The children's father, [[first_name:Ryan Morgan]], then applied for \
contact at [[court:Cardiff Civil and Family Justice Centre]]. At the \
hearing on [[date:the 15th of March 2022]], [[titled_name:District Judge \
Hughes]] refused special measures and I had to sit in the same waiting \
room as him. [[child_name:Seren]] was [[age:aged 5]] at the time and had \
started at [[school:Ysgol Glan Morfa]].

I am sharing this because I have since learned how common it is. The \
Harm Panel report in 2020 said exactly this. Please, if you are in Wales \
and in the same position, look up Welsh Women's Aid and Live Fear Free on \
0808 80 10 800.""",
    # 17 - Blackpool, text speak, nhs number, hospital
    """so my baby boy [[child_name:reggie]] was [[age:born the 2nd]] at \
[[hospital:blackpool vic]] and the midwife rang childrens services \
before i even had him because of my history. [[titled_name:sw amanda]] \
came to the ward and said he wasnt going home with me. i had a plan in \
place with my mum [[first_name:carol]] to move in with her on \
[[address:grange road]] in [[place:grange park]] and they didnt even look \
at it. his nhs number is [[nhs_number:401 023 2137]] and his red book \
says he was 7lb 2oz, healthy, no withdrawals. [[local_authority:blackpool \
council]] took him under an interim care order from \
[[court:blackpool family court]] 3 days later. he is [[age:10 weeks]] now \
and i see him 3 times a week at the [[service:jubilee contact centre]] on \
[[address:talbot road]]. i breastfeed him at contact they let me do that \
at least. the next hearing is [[date:the 30th of january]]. if your in \
[[postcode:FY4]] and need someone to talk to about this im here""",
    # 18 - Norwich, formal, father with url
    """I write as the father of [[child_name:Isabelle]] and \
[[child_name:Louis Carter]], aged [[age:13]] and [[age:10]]. Their \
mother and I separated in 2018 and for five years we shared care without \
any court involvement. In 2023 she moved with the children from \
[[place:Norwich]] to [[place:Thetford]] and enrolled them at \
[[school:Thetford Academy]] and [[school:Raleigh Infant School]] without \
my agreement.

I applied to [[court:Norwich Combined Court Centre]] for a specific issue \
order (case [[case_number:NR23P00197]]). [[titled_name:HHJ Moss]] ordered \
a section 7 report. The report by Cafcass officer [[titled_name:Mrs \
Kettle]] relied heavily on an email that I sent in anger, which I have \
apologised for. [[local_authority:Norfolk County Council]] have had no \
concerns at any point.

I have written a blog about the experience of fathers in private law at \
[[url:www.isabelleandlouisdad.example.com]], which I hope will help \
others. I do not want pity; I want a process that treats both parents as \
equally important, which is what the Children Act 1989 actually says.

[[first_name:Matthew Carter]]""",
    # 19 - Dundee, Scottish, lower case
    """my wee boy [[child_name:callum]] was put on a compulsory supervision \
order at the childrens hearing and now hes in a residential unit in \
[[place:broughty ferry]] and i live in [[place:whitfield]] so its 2 buses \
to see him. hes [[age:13]] and he keeps running away back to mine. \
[[local_authority:dundee city council]] social work say im the reason he \
runs but hes running TO me. i appealed to [[court:dundee sheriff court]] \
and [[titled_name:sheriff buchanan]] refused it on \
[[date:the 19th of april]]. [[child_name:callum]]s dad [[first_name:stevie]] is in \
prison and has nothing to do with it. [[child_name:callum]] was \
at [[school:braeview academy]] but they excluded him. he was admitted to \
[[hospital:ninewells]] after taking tablets last month and they only \
phoned me the next morning. im not well educated but i know my rights. \
clan childlaw gave me some advice. if any parents in scotland want to \
talk my number is [[phone:07700 900903]]""",
    # 20 - Stoke, mum, bullet-ish
    """Quick run down of whats happened to us:
* [[child_name:Lily-Grace]] ([[age:5]]) and [[child_name:Alfie-Jay]] \
([[age:3]]) removed [[date:Friday 13th October]] - yes really
* placed in foster care in [[place:Bentilee]]
* [[local_authority:Stoke-on-Trent City Council]] say neglect because \
the house was messy and I was late for nursery
* my ex [[first_name:Connor]] told them I smoke weed. I dont. 4 hair \
strand tests all negative
* first hearing [[court:Stoke-on-Trent Combined Court]], \
[[case_number:ST 23 C 00318]]
* sw [[titled_name:Mrs Bailey]] says I wasnt engaging because I missed \
one meeting when [[child_name:Alfie-Jay]] was in \
[[hospital:Royal Stoke]] with croup
* [[child_name:Lily-Grace]] was in reception at \
[[school:Eaton Park Academy]], now shes been moved
* contact 3x a week at [[service:Hanley Family Centre]]

Im not perfect. Nobody is. But my kids are loved and fed and they watch \
Bluey and Peppa Pig on Netflix every morning with me. Im on \
[[address:Dawlish Drive]] if anyone local wants to come to the hearing \
for moral support. Or email me \
[[email:lilygraceandalfiejay@example.co.uk]], we are in [[postcode:ST2]].""",
    # 21 - Newcastle, Meadowell, grandmother
    """We are from the [[place:Meadowell]] and proud of it, whatever the \
papers say. My daughter [[first_name:Gemma]] has had three children \
removed and I have two of them with me now on an SGO, [[child_name:Bailey]] \
who is [[age:10]] and [[child_name:Skye]] who is [[age:7]]. The third, \
the baby, [[child_name:Ruby]], was adopted and we are not allowed to \
know where.

[[local_authority:North Tyneside Council]] were good to us at first. \
Then the new social worker, [[titled_name:Mrs Abbott]], decided \
[[child_name:Bailey]] should go to a specialist school out of area \
because of his behaviour at [[school:Waterville Primary]]. I want him to \
stay local. We have been back in court at the \
[[court:Newcastle Civil and Family Courts and Tribunals Centre]] twice \
about it, last time on [[date:the 8th of July]].

I do not trust them now. I have been told by a friend at \
the [[service:Cedars family centre]] in [[place:North Shields]] that the \
same worker moved another family's children last year. I have kept \
everything in a folder, dates and all. If you are a nana or grandad doing \
this, Grandparents Plus and Kinship have helped me a lot. I have started writing it all down at \
[[url:https://nanaandthekids.example.co.uk]] so nothing gets lost.""",
    # 22 - Swansea, father, text speak, Welsh-medium
    """me and my partner [[first_name:shauna]] had our baby [[child_name:alys]] \
took at birth from [[hospital:singleton]] on [[date:the 25th]] because \
[[first_name:shauna]] had a child removed in england years ago when she was 16. we live \
in [[place:townhill]] and ive got a good job with the council on the \
bins. [[local_authority:swansea council]] wont even assess me as a \
single carer. the first hearing was at \
[[court:swansea civil justice centre]] and the judge said theres a \
realistic prospect of return but the sw [[titled_name:sw gareth]] is \
still pushing adoption. our case number is \
[[case_number:SA 24 C 00029]]. [[child_name:alys]] is [[age:4 months]] \
old now and she smiles at me every contact. our older boy \
[[child_name:rhys]] is [[age:6]] and goes to \
[[school:ysgol gymraeg tirdeunaw]] and he keeps asking where his sister \
is. i dont know what to tell him. email me \
[[email:rhysandalysdad@example.co.uk]] if u can help. [[child_name:alys]] nhs number is \
[[nhs_number:385 280 8413]] or ring me [[phone:07700 900650]]""",
    # 23 - Coventry, formal, DA, contact centre
    """I would like to share my experience so that other mothers feel less \
alone.

I met my former partner, [[first_name:Adrian Kowalski]], in 2014. The \
abuse began during my first pregnancy. Our son [[child_name:Nikodem]] was \
born at [[hospital:University Hospital Coventry]] and our daughter \
[[child_name:Zofia]] two years later. I left in 2020 with help from \
[[service:Coventry Haven]], and we were rehoused in \
[[place:Tile Hill]].

In 2022 [[first_name:Adrian]] applied for contact at \
[[court:Coventry Combined Court Centre]]. Despite a non-molestation order, \
the court ordered supervised contact at the \
[[service:Foleshill contact centre]], and after six months unsupervised \
contact. On [[date:12 February 2023]] [[child_name:Zofia]], then \
[[age:6]], came home with a bruise on her arm and said daddy had grabbed \
her. The police were called. Nothing happened.

The guardian, [[titled_name:Ms Ahmed]], has now recommended that contact \
continues. The case number is [[case_number:CV 22 P 00288]] if it is \
helpful to any researcher. I have contacted Rights of Women and Women's \
Aid. I will not stop until my children are safe.""",
    # 24 - text-speak, Plymouth
    """my 3 kids [[child_name:brooklyn]] who is [[age:9yrs]] and \
[[child_name:riley]] whos [[age:nearly 6]] and the baby \
[[child_name:river]] were took into care by [[local_authority:plymouth \
city council]] on [[date:the 1st of august]] cos of the state of my \
house in [[place:devonport]]. yes it was messy i had just had a c section \
at [[hospital:derriford]] and there dad [[first_name:kyle]] had walked \
out. i asked for help 4 times and nobody came. [[child_name:brooklyn]] \
was at [[school:morice town primary]] and the teacher [[titled_name:mrs \
penrose]] said he was always clean and happy. they are all in different \
foster homes now. the judge at [[court:plymouth combined court]] said the \
threshold was met. i have a meeting with my solicitor on \
[[date:tuesday the 12th]]. our new address is \
[[address:17 st levan road]] [[postcode:PL2 1LH]] and the house is \
spotless now but nobody will come and look at it. if u have been \
through this i would really like to talk. my tiktok is [[social_handle:@devonportmum_of3]] and \
i started a gofundme for an independent assessment \
[[url:https://www.gofundme.com/f/bring-brooklyn-riley-and-river-home]]. \
[[child_name:river]]s nhs number is [[nhs_number:5755131376]] and he was \
weighed every week and fine. ring [[phone:07700 900392]] or email \
[[email:brooklynrileyriver@example.com]]""",
    # 25 - Oldham, mother, nhs number, case number spaced
    """To anyone reading,

My name is [[first_name:Saima Hussain]] and I am sharing my story with \
permission from my solicitor, with some details changed - but not enough, \
probably. My son [[child_name:Zayn]] was [[age:14 months old]] when he \
was admitted to [[hospital:Royal Oldham Hospital]] with a fractured arm on \
[[date:21st September 2022]]. His NHS number was [[nhs_number:5432319489]] \
and the skeletal survey showed no other injuries.

[[local_authority:Oldham Council]] issued care proceedings at \
[[court:Manchester Civil Justice Centre]] under case number \
[[case_number:MA 22 C 01147]]. A fact-finding hearing in front of \
[[titled_name:HHJ Singh]] found that the injury was more likely than not \
caused by my husband, [[first_name:Imran]]. He denies it; so do I.

[[child_name:Zayn]] now lives with my sister in [[place:Chadderton]] and I \
see him every day. We are on [[address:Werneth Hall Road]] and the \
children's centre is five minutes away. I do not ask for sympathy. I ask \
that parents are given second medical opinions on fractures as a matter of \
course, not after a year of begging.""",
    # 26 - Derby, father, short run-on
    """been fighting for my daughter [[child_name:millie]] for 3 years now \
shes [[age:8]] and lives with her mum [[first_name:stacey]] in \
[[place:sinfin]] and her new fella who is known to police. \
[[local_authority:derby city council]] closed the case after 1 visit. i \
reported it again on [[date:the 5th of november]] bonfire night when \
[[child_name:millie]] rang me crying. the [[court:derby combined court centre]] gave me \
alternate weekends in 2022 case [[case_number:DE22P00089]] but [[first_name:stacey]] \
never sticks to it and the police wont enforce. [[child_name:millie]] \
goes to [[school:village primary academy]] and has told her teacher stuff \
too. im not a bad dad im just a dad who wants his little girl safe. my \
mum [[first_name:jackie]] has been amazing. if anyone in [[place:derby]] can \
recommend a family solicitor who isnt useless drop me a line \
[[phone:07700 900244]] or on snapchat [[social_handle:millies_dad_db]]. theres a page for her \
[[url:facebook.com/bringmillieshomederby]]""",
    # 27 - Belfast, formal
    """I am writing on behalf of my family as I believe what happened to us \
should be known.

My grandson, [[child_name:Rory McAllister]], who is [[age:five]], was \
removed from his mother, my daughter [[first_name:Aoife]], by the \
[[local_authority:Belfast Trust]] on [[date:14 June 2023]] after a \
referral from the [[hospital:Royal Belfast Hospital for Sick Children]]. \
They claimed that his weight loss was due to neglect. It was later \
diagnosed as coeliac disease.

By then the Trust had already placed him with strangers in \
[[place:Dunmurry]] and moved him from [[school:Holy Trinity Primary]] in \
[[place:Turf Lodge]]. The case was heard at [[court:Laganside Courts]] \
and our solicitor, [[titled_name:Mr Devlin]], had to fight to have the \
gastroenterologist's evidence admitted. [[child_name:Rory]] came home in \
the autumn, but he is not the same child.

I would like to hear from other families in Northern Ireland who have \
had similar experiences with misdiagnosis. My email is \
[[email:mcallister.family.belfast@example.co.uk]] and our campaign page is \
[[url:facebook.com/justiceforroryni]].""",
    # 28 - Sheffield, text speak, estates
    """my son [[child_name:kayden]] got took into care in the summer after \
the school rang childrens services cos he said i smack him. i tapped him \
on the hand ONCE cos he was going to touch the oven. hes [[age:6]] and at \
[[school:southey green primary]] in [[place:parson cross]]. \
[[local_authority:sheffield city council]] put him with a foster carer \
in [[place:gleadless]] who lets him play fortnite till midnight. the SW \
[[titled_name:sw kelly]] said at the LAC review i need to do a parenting \
course, i said fine ive done 2 already. the IRO [[titled_name:miss \
rashid]] was nice at least. next hearing [[date:monday the 18th]] at \
[[court:sheffield family hearing centre]] [[case_number:S23C00412]]. he \
was checked at [[hospital:sheffield childrens]] and not one mark on him. \
my partner [[first_name:reece]] is being assessed too. im just so \
tired. i text the shout line 85258 sometimes. his nhs number is \
[[nhs_number:4852538883]] ring the hospital and check if u dont believe \
me. were in [[postcode:S5]], insta [[social_handle:@kaydens_mum_sheff]] \
or email [[email:kaydensmum.s5@example.com]]""",
    # 29 - Luton, mother, Reading as place too (lookalikes)
    """I'm sharing this for awareness. I'm not reading any more comments \
from people who say "there must be more to it". There isn't.

My daughter [[child_name:Amelia]] was born in [[place:Reading]] at the \
[[hospital:Royal Berkshire Hospital]] on [[age:3 May 2016]] and we moved \
to [[place:Marsh Farm]] in [[place:Luton]] when she was small. When she was \
[[age:seven]] a neighbour made a malicious referral to \
[[local_authority:Luton Council]]. The social worker, [[titled_name:Ms \
Akhtar]], found nothing and closed it. Then it happened again, and again, \
four referrals in a year, all from the same neighbour on \
[[address:Hanover Road]]. Each time [[child_name:Amelia]] was taken out \
of class at [[school:Whipperley Infant Academy]] to be spoken to.

Eventually I went to the police and to the [[court:Luton Justice \
Centre]] for a harassment injunction. It was granted on \
[[date:the 11th of April]]. I had to take a day off from my job at Tesco, \
unpaid. I hope that if this is happening to you, you keep a diary. That's \
the best advice anyone gave me, from Citizens Advice.""",
    # 30 - Carlisle / Cumbria
    """Our son [[child_name:Finley]] is [[age:15]] now and has been in care \
since he was [[age:11]]. We live on the [[place:Raffles]] estate in \
[[place:Carlisle]]. [[local_authority:Cumbria County Council]] took him \
under Section 20 when we asked for help with his behaviour, and then \
issued proceedings at [[court:Carlisle Combined Court Centre]] when we \
tried to take him back.

He was placed 90 miles away in a children's home near \
[[place:Barrow]], and he went missing from there 14 times in one year. \
Twice he was found in [[place:Workington]]. He was admitted to \
[[hospital:Furness General]] on [[date:2nd January]] after being \
assaulted. His social worker at the time, [[titled_name:Mr Nixon]], did \
not tell us until two days later. We have a copy of the child in care \
review that says this.

The case number is [[case_number:CA19C00031]]. We complained to the \
Ombudsman and got an apology. It isn't enough. We are now with \
[[local_authority:Cumberland Council]], who say it all happened before \
they existed. My husband [[first_name:Dave]] and I will be at the \
protest outside Parliament in May. We have written it all up at \
[[url:https://www.finleysparents.example.co.uk]].""",
    # 31 - short lowercase, east London
    """my son [[child_name:tayo]] is [[age:14]] and was picked up by police \
in [[place:bethnal green]] for no reason and then \
[[local_authority:tower hamlets council]] opened a child in need plan on \
us. we are a good family. his dad [[first_name:femi]] is a bus driver and \
i am a nurse at the [[hospital:royal london]]. [[child_name:tayo]] goes to \
[[school:morpeth school]] and he is in [[age:year 10]], doing his gcses. \
the [[titled_name:social worker Precious]] came to our \
house on [[address:Roman Road]] twice and said we were fine but the plan \
stays open. it feels like because we are black. my church pastor said to \
write it down so i am. call [[phone:020 7946 0318]] if you have been \
treated like this in [[postcode:E2]]""",
    # 32 - timeline with lots of detail, Bradford
    """For the record, our case ([[case_number:BD21C00510]]), \
[[court:Bradford Combined Court Centre]]:

[[age:7 January 2021]] - Baby [[child_name:Hamza]] born at \
[[hospital:Bradford Royal Infirmary]], 4 weeks early (NHS number \
[[nhs_number:539 336 3389]]).
[[date:19 February 2021]] - Admitted with a bleed on the brain. Doctors \
say shaking. We say he fell from the sofa.
[[date:22 February 2021]] - Police interview, me and my wife \
[[first_name:Nasreen]]. Released under investigation.
[[date:1 March 2021]] - [[local_authority:Bradford Children's Services]] \
place [[child_name:Hamza]] with my brother in [[place:Manningham]].
[[date:30 September 2021]] - Fact finding before [[titled_name:HHJ \
Jordan]]. Expert [[titled_name:Dr Whitfield]] says vitamin D deficiency \
and rickets cannot be ruled out.
[[date:15 December 2021]] - Judge finds no one to blame. [[child_name:Hamza]] home.

He is [[age:3]] now and goes to [[school:Iqra nursery]] on \
[[address:Whetley Lane]], [[postcode:BD8]]. The local authority never apologised. We lost a \
year of our son's life. The Children Act 1989 says delay is harmful to \
children - it should apply to the council as well.""",
    # 33 - Rhyl, Welsh, text-speak, refuge
    """i moved to [[place:rhyl]] from [[place:birkenhead]] to get away from my \
ex [[first_name:aaron]] and me and my daughter [[child_name:evie]] lived \
at the [[service:safe haven refuge]] for 4 months. [[child_name:evie]] was \
[[age:3]] and started at [[school:ysgol y llys]] nursery and loved it. \
then [[first_name:aaron]] found us through her facebook, my mum had posted a pic of her \
in her school jumper. he applied for contact at [[court:mold justice \
centre]] and [[local_authority:denbighshire council]] said i had to go \
because it was the law. the judge gave him supervised at the \
[[service:rainbow family centre]]. on [[date:the 10th of march]] he \
followed us to the bus stop after. nobody in the court listened till \
my refuge worker [[titled_name:support worker Bethan]] came with me. \
PLEASE dont post your kids school uniform online. our new postcode is \
not even [[postcode:LL18]] anymore thank god. the live fear free line is \
0808 80 10 800""",
    # 34 - Aberdeen, grandfather, formal
    """I am a grandfather and a retired fisherman, and I have never written \
anything like this before.

Our granddaughter [[child_name:Kirsty-Ann Reid]] came to live with my \
wife [[first_name:Moira]] and me in [[place:Torry]] when she was \
[[age:two years old]], after her mother's drinking got out of hand. We \
have a kinship care order from [[court:Aberdeen Sheriff Court]], granted \
on [[date:30th November 2020]], case reference \
[[case_number:F114/20]].

[[child_name:Kirsty-Ann]] is [[age:eight]] now and at \
[[school:Walker Road School]]. Last spring her mother turned up at the \
school gates sober and asked to see her, and the head teacher, \
[[titled_name:Mrs Strachan]], rang the police. We were then contacted by \
[[local_authority:Aberdeen City Council]] social work who said we should \
have told them of our concerns sooner.

I am not against our daughter seeing her child. I want it properly \
arranged. Our address is [[address:22 Victoria Road]], \
[[postcode:AB11 9LS]] and anyone from the Kinship Care Advice Service for \
Scotland who reads this is welcome to write.""",
    # 35 - Croydon, mother, assessment centre
    """My partner [[first_name:Tyrone]] and I were sent to a residential \
assessment at [[service:Cedar House assessment centre]] with our baby \
[[child_name:Malachi]] when he was [[age:3 weeks old]]. We spent 12 weeks \
being watched 24/7 on CCTV. The final report said we were loving but \
'lacked insight'. [[local_authority:Croydon Council]] then applied for a \
placement order at [[court:Croydon County Court and Family Court]], \
case number [[case_number:CR23C00233]].

[[child_name:Malachi]] was born at [[hospital:Croydon University \
Hospital]] and his NHS number is [[nhs_number:9960308243]] if any \
journalist wants to check his records with our consent. We lived at \
[[address:40 Bensham Lane]] in [[place:Thornton Heath]] and we still do. \
The guardian, [[titled_name:Mrs Osei]], agreed with the local authority \
without ever seeing us with our son.

The hearing is on [[date:20 June]]. We have a petition at \
[[url:https://www.change.org/p/keep-malachi-with-his-parents]]. Please \
don't message us to say "the courts know best". The High Court and the \
Court of Appeal have both said that adoption is a last resort. Call us on [[phone:020 7946 0561]].""",
    # 36 - Hull / Grimsby, dad, short
    """just lost my final hearing. [[child_name:jacob]] ([[age:7]]) and \
[[child_name:ellie]] ([[age:5]]) are being placed long term with foster \
carers in [[place:cleethorpes]]. [[local_authority:north east \
lincolnshire council]] said my flat in [[place:nunsthorpe]] on \
[[address:sutcliffe avenue]] is unsuitable and that my drinking is a \
risk. ive been dry 11 months. [[titled_name:judge harrison]] at \
[[court:great grimsby combined court centre]] said he accepted i loved \
them but not enough time has passed. their mum [[first_name:leanne]] \
passed away in 2022 and i was there dad through all of it. i get 4 \
contacts a year now at the [[service:beacon family centre]]. 4 A YEAR. \
the kids go to [[school:reynolds primary]] and have asked to stay with \
me. whats the point of the voice of the child if nobody hears it. \
[[phone:07700 900778]] if anyone wants to talk, im not ok. my fb is [[social_handle:jacobandelliesdad]] and \
theres a page [[url:https://www.facebook.com/jacobandelliesdad]] or email \
[[email:jacobellie.dad@example.com]]""",
    # 37 - formal, Leicester, Children Act s.20
    """Statement prepared for a parent-support group meeting

I am the mother of [[child_name:Priya]] (born [[age:02/11/2012]]) and \
[[child_name:Arjun]] (born [[age:19/06/2015]]). In 2020, after I had a \
breakdown and was admitted to the [[hospital:Bradgate Mental Health \
Unit]], my children were accommodated by [[local_authority:Leicester City \
Council]] under Section 20 with my consent.

I was discharged on [[date:4th August 2020]]. The council did not return \
the children. Instead they kept them in a foster placement in \
[[place:Braunstone]] for fourteen months, without issuing proceedings and \
without a care plan. My son was moved from [[school:Mellor Community \
Primary]] in [[place:Belgrave]] to a school across the city.

When proceedings were finally issued at [[court:Leicester County Court \
and Family Court]] ([[case_number:LE 21 C 00377]]), [[titled_name:HHJ \
Gould]] criticised the delay and the children came home under a \
supervision order. The social worker, [[titled_name:Ms Chauhan]], has \
since left. I hope that my story encourages other parents to ask for \
their children back in writing. I can be contacted through the group on \
[[phone:0116 496 0284]].""",
    # 38 - text-speak, Bolton, email + handle
    """posting this on here and on tiktok [[social_handle:@bolton_mum_of_4]] \
because im at my wits end. [[local_authority:bolton council]] have had \
my 4 on a CP plan for a year for neglect. [[child_name:tia]] [[age:11]], \
[[child_name:leo]] [[age:9]], [[child_name:frankie]] [[age:6]] and baby \
[[child_name:nova]] who is [[age:10 months]]. the sw [[titled_name:sw \
natalie]] comes every week and opens my fridge and cupboards. theres \
always food, i do my shop at aldi on a monday. i live on \
[[address:deane road]] in [[place:daubhill]] ([[postcode:BL3]]) in a 2 bed so yes the kids \
share but so do loads of kids. [[child_name:tia]] goes to \
[[school:sharples school]] and is top of her class. the core group \
meeting is [[date:the 16th]] at the [[service:breightmet family \
hub]]. if anyone has been on a CP plan this long please email \
[[email:tialeofrankienova@example.com]]. not after money or anything just \
advice""",
    # 39 - Middlesbrough, Teesside, grandma, partial postcodes
    """I'm a nana bringing up my daughter's three under a child arrangements \
order. We live in [[place:Grangetown]] ([[postcode:TS6]]) and the kids \
were moved from [[place:Thornaby]] to me after their mum \
[[first_name:Chelsea]] went to prison. [[child_name:Harley]] is \
[[age:12]], [[child_name:Maddison]] is [[age:9]] and little \
[[child_name:Ronnie]] is [[age:4]].

[[local_authority:Middlesbrough Council]] say the kids are not looked \
after so I get nothing. [[local_authority:Redcar and Cleveland]] say \
because the order came from [[court:Teesside Combined Court Centre]] on a case \
they started it is not down to them. Meanwhile I am paying for \
uniforms for [[school:Grangetown Primary]] out of my pension.

[[child_name:Ronnie]] has a speech delay and sees a therapist at \
[[hospital:James Cook]]. The appointment on [[date:the 23rd of \
October]] was cancelled and I had to rebook from scratch. The kinship \
charity helpline and Citizens Advice have been good but nobody can make \
the councils talk to each other. Anyone in [[postcode:TS10]] or round \
here in the same boat, you are not alone.""",
    # 40 - text-speak, Nottingham, dad
    """so the court finaly ruled [[date:yesterday the 4th]] that my son \
[[child_name:ollie]] can live with me!!! 2 yrs of fighting. his mum \
[[first_name:becky]] moved him from [[place:bestwood]] to \
[[place:mansfield]] without telling me and took him out of \
[[school:ambleside primary]] and i didnt see him for 5 months. the \
magistrates at [[court:nottingham justice centre]] made an order for him \
to come home. [[titled_name:miss okoro]] from cafcass said [[child_name:ollie]] was \
clear he wanted to live with dad. hes [[age:10]] he knows his own mind. \
[[local_authority:nottinghamshire county council]] never got involved \
thank god. case was [[case_number:NG 22 P 00911]]. i want to thank the \
dads on here who gave me advice and my mate [[first_name:gaz]] for \
lending me the money for the c100 fee. if anyone is going through \
the same in [[postcode:NG6]] or anywhere in notts, get in touch \
[[phone:0115 496 0231]]""",
    # 41 - formal long, Hackney, baby removed, MBU
    """My name is [[first_name:Olivia Mensah]]. In 2019 I was 17 and in the \
care of [[local_authority:Hackney Council]] myself when I became pregnant \
with my son [[child_name:Kofi]]. I was told that because I was a looked \
after child, I would be 'supported'. What this meant in practice was that \
a pre-birth assessment started when I was 20 weeks pregnant and concluded \
that I could not safely parent.

[[child_name:Kofi]] was born at [[hospital:Homerton]] on \
[[age:11 December 2019]]. We were placed in the \
[[service:Marlborough mother and baby unit]] for six weeks. On \
[[date:24 January 2020]] he was removed under an interim care order from \
[[court:East London Family Court]], and at the final hearing \
[[titled_name:Her Honour Judge Okafor]] made a placement order.

I have since finished college, have my own flat in \
[[place:Clapton]], and work in a nursery. I have a new baby. The \
pre-birth assessment is starting again. I have had help from the Family \
Rights Group (frg.org.uk) and from my personal adviser \
[[titled_name:PA Sharon]]. I am sharing my story so that other care \
leavers know the system treats us differently.""",
    # 42 - Margate/Thanet, text speak, Kent
    """[[local_authority:kent social services]] took my 2 boys [[child_name:charlie]] and \
[[child_name:archie]] on [[date:9th jan 2023]] because my house \
on [[address:northdown road]] in [[place:cliftonville]] had damp and \
mould. DAMP AND MOULD. thats the landlords fault not mine. \
[[local_authority:kent county council]] said the kids were at risk to \
there health, [[child_name:archie]] had been in [[hospital:QEQM]] with \
his chest twice. i begged them to help me get rehoused. now the boys are \
in foster care in [[place:ramsgate]] and im still in the same flat. \
[[child_name:charlie]] is [[age:7]] and at [[school:palm bay primary]], \
[[child_name:archie]] is [[age:4]]. the hearing is at [[court:canterbury combined \
court]] in may. my mum [[first_name:sue]] says i should go to the \
papers. i might. shelter told me about the awaab's law stuff so im \
reading up on that. [[child_name:archie]]s nhs number is \
[[nhs_number:750 047 4393]] and his chest xray was damp related the \
consultant said so. im on tiktok [[social_handle:@cliftonvillemum2boys]] \
[[url:https://www.tiktok.com/@cliftonvillemum2boys]] or ring \
[[phone:07700 900815]]""",
    # 43 - Swindon, father, spaced case no, email, url
    """I'm a single dad to [[child_name:Harrison]], [[age:aged 11]], and I \
have full residence after a long case at [[court:Swindon Combined \
Court]] ([[case_number:case no 1234 of 2021]]). His mum \
[[first_name:Danielle]] lives in [[place:Penhill]] and I'm in \
[[place:Wroughton]], so only a few miles apart, but she has not \
exercised her contact since [[date:Boxing Day 2022]].

[[child_name:Harrison]] attends [[school:Ridgeway School]] and is doing \
brilliantly. [[local_authority:Swindon Borough Council]] were involved \
briefly after a police callout at her address and the social worker, \
[[titled_name:Mr Mahoney]], was fair to both of us.

I share this because dads' stories are usually about losing. Mine is \
about winning slowly. If it helps anyone I wrote up everything I learned \
about self-representing at \
[[url:https://dadinswindon.example.com/blog/representing-yourself]] and \
you can email me at [[email:harrisons.dad@example.com]]. Use gov.uk for \
the forms and the Advicenow guides - they are free and better than any \
forum.""",
    # 44 - Neath Port Talbot, Welsh, grandmother, lower case
    """im a nan from [[place:sandfields]] in [[place:port talbot]] and i want to tell \
you about my grandson [[child_name:cai]]. hes [[age:6]] and has lived \
with me since he was a baby under an sgo from \
[[court:port talbot justice centre]]. his mam my daughter \
[[first_name:sian]] is doing really well now shes clean 2 years and she \
wants him back. [[local_authority:neath port talbot council]] say its \
up to the court. [[child_name:cai]] goes to [[school:ysgol gymraeg rhosafan]] and \
speaks welsh better than me! hes under [[hospital:morriston]] for his \
asthma. i want [[first_name:sian]] to have him back but i dont want him to lose me. we \
have a meeting with the social worker [[titled_name:mrs pugh]] on \
[[date:the 7th]] to talk about a plan. does anyone know how you vary an \
sgo? i looked on gov.uk and got confused. my number is \
[[phone:029 2018 0442]] if anyone can help or just wants a chat""",
    # 45 - Rotherham, formal, CSE survivor parent
    """I write as a mother whose daughter was groomed and exploited in \
[[place:Rotherham]]. My daughter [[child_name:Chloe]] was \
[[age:13]] when it started. I reported it to the police four times. \
Instead of protecting her, [[local_authority:Rotherham Metropolitan \
Borough Council]] told me she was 'making lifestyle choices' and later \
placed her in a residential unit in [[place:Maltby]], where the men \
continued to pick her up.

I tried to have her moved back home. At the hearing at [[court:Sheffield Family Hearing \
Centre]] on [[date:9 May 2014]], the local authority \
said I was 'over-protective'. [[child_name:Chloe]] was treated at the \
[[hospital:Rotherham General]] for injuries the same month.

She is an adult now and has given me permission to write this. Her \
social worker then, [[titled_name:Ms Lowther]], has since left the \
profession. I know the Jay report exists and there have been apologies \
on the news. I want to say: apologies do not give a child back her \
childhood. We lived on [[address:Eastwood Lane]] then, in \
[[place:Eastwood]]. We moved.""",
    # 46 - Canvey Island, dad, lowercase, partial postcode
    """dad of 2 from [[place:canvey island]] here. my kids [[child_name:lola]] \
[[age:8yo]] and [[child_name:jenson]] [[age:5yo]] got put on a child \
protection plan by [[local_authority:essex childrens services]] after \
there mum [[first_name:kerry-ann]] rang 999 during a row and said i \
pushed her. i didnt, and the police body cam proved it. still took 6 \
months for them to close it. the sw was [[titled_name:sw martin]] who \
was ok to be fair. the kids go to [[school:canvey junior school]] and \
[[school:leigh beck infants]] and i collect them every day. we are in \
[[postcode:SS8]] if anyones local and wants a chat. i go to a dads group \
at the [[service:benfleet family hub]] on thursdays. its not all bad, \
just want people to know dads get accused too. got our hearing for the \
child arrangements at [[court:southend county court]] on [[date:the 29th]], \
wish me luck lads""",
    # 47 - fundraiser post, Wigan, handles and links
    """PLEASE SHARE!! im raising money for a barrister for my final hearing \
at [[court:wigan county court and family court]] on [[date:the 26th of \
february]]. my son [[child_name:roman]] is [[age:4]] and was took into \
foster care in [[place:hindley]] by [[local_authority:wigan council]] \
after his dad [[first_name:callum]] put me in hospital. i did nothing \
wrong except stay too long. legal aid only covers so much and my \
solicitor says i need someone who knows the medical evidence. the \
fundraiser is [[url:https://www.gofundme.com/f/bring-roman-home-to-his-mum]] \
and every pound goes to the legal fees, i will post receipts. follow \
our story on insta [[social_handle:@romansmum_wigan]] and tiktok \
[[social_handle:@bringromanhome]], and theres a twitter \
[[social_handle:@JusticeForRoman]] my sister runs. [[child_name:roman]] \
goes to [[school:little explorers nursery]] and they have written a \
letter saying hes happy and clean and loved. if you are a journalist \
email me [[email:bringromanhome@example.com]] or text \
[[phone:07700 900318]]. thank you to everyone whos shared already, \
especially the mums from the dv group""",
    # 48 - complaint to PALS, Leeds, NHS numbers
    """To the Patient Advice and Liaison Service,

I am writing to complain about the care given to my children \
[[child_name:Harper]] (NHS number [[nhs_number:186 091 3903]]) and \
[[child_name:Noah Whitaker]] (NHS number [[nhs_number:628 194 8211]]) \
at the [[hospital:Leeds General Infirmary]] on [[date:16 January 2024]].

[[child_name:Noah]], who is [[age:20 months old]], was brought in with a \
bruise on his cheek after falling against the coffee table. The \
registrar, [[titled_name:Dr Marsh]], refused to let me stay with him \
while she phoned [[local_authority:Leeds Children's Services]], and \
[[child_name:Harper]], [[age:aged 6]], was questioned alone in a side \
room without my consent. A skeletal survey was clear and the case was \
closed within a week, but my daughter still has nightmares.

I understand that safeguarding is important. I do not understand why \
nobody explained anything to us. I would like a written response and a \
meeting. Our address is [[address:5 Cowper Street]], \
[[place:Chapeltown]], [[postcode:LS7 3DR]]. I can be contacted on \
[[phone:0113 496 0577]] or at [[email:k.whitaker.leeds@example.co.uk]].

Yours faithfully,
[[first_name:Kerry Whitaker]]""",
    # 49 - twins, Sunderland, timeline
    """Our story in dates, because my head is all over the place:

- [[age:3rd April 2023]] - twins [[child_name:Ella]] and \
[[child_name:Grace]] born early at [[hospital:Sunderland Royal]]. [[child_name:Ella]] \
NHS [[nhs_number:9935181901]], [[child_name:Grace]] NHS [[nhs_number:9378657974]].
- [[date:27th April 2023]] - [[child_name:Grace]] stops breathing at \
home, ambulance to the [[hospital:RVI]]. Doctors find old rib fractures.
- [[date:28th April 2023]] - [[local_authority:Together for Children]] \
take both girls. We are not allowed to be alone with them.
- [[date:2nd May 2023]] - ICO at [[court:Sunderland County Court and \
Family Court]], case [[case_number:SR23C00301]].
- Summer 2023 - me and my partner [[first_name:Josh]] move in with his \
mum in [[place:Southwick]] ([[postcode:SR5]]) for a parent and child \
placement.
- [[date:11th January 2024]] - expert [[titled_name:Professor Ayodele]] \
says the fractures could be birth injury plus metabolic bone disease of \
prematurity.

The girls are [[age:10 months]] now. The final hearing is in March. By \
the grace of God we will bring them home.""",
    # 50 - Doncaster dad, YouTube and Twitter
    """I'm a dad from [[place:Denaby Main]] and I've been documenting my \
case on YouTube because I was told no one would believe me otherwise. \
My son [[child_name:Lewis]] is [[age:9]] and lives with his mum \
[[first_name:Tasha]] in [[place:Balby]]. [[local_authority:Doncaster \
Children's Services Trust]] did a section 7 report which said \
[[child_name:Lewis]] wanted to see me more, and then the Cafcass officer \
[[titled_name:Mrs Hebblethwaite]] wrote the opposite.

The case ([[case_number:DN23P00214]]) is at [[court:Doncaster Justice \
Centre North]]. I have never missed a contact at the \
[[service:Balby Bridge contact centre]], not once in 18 months. \
[[child_name:Lewis]] is at [[school:Balby Carr Community Academy]] and \
his teacher tells me he talks about me all the time.

My channel is \
[[url:https://www.youtube.com/channel/UCdonnydadexample01]] and I'm on \
X as [[social_handle:@DonnyDad_Fights]]. I keep it respectful, I never \
show his face, and I never say anything about his mum I couldn't say in \
court. Please don't send me Judge Rinder clips, I've seen them all.""",
    # 51 - Northern Ireland, Ballymena grandmother
    """I am a grandmother from [[place:Harryville]] in \
[[place:Ballymena]]. My granddaughter [[child_name:Caoimhe]] has been \
with me since the [[local_authority:Northern Trust]] removed her from my \
son [[first_name:Declan]] and his partner in 2022. She was \
[[age:eleven months]] old. She had been in [[hospital:Antrim Area \
Hospital]] with a chest infection and a nurse noticed she was \
underweight.

[[child_name:Caoimhe]] is [[age:three]] now and starts at \
[[school:Ballykeel Nursery School]] in September. The Trust want a \
residence order made at [[court:Ballymena Family Proceedings Court]] \
so that they can close the case, and our social worker, \
[[titled_name:Mrs McKeown]], says I will lose my fostering allowance if \
that happens.

A few of us grannies in the same position set up a group, \
[[url:https://www.facebook.com/groups/ballymenagranniesforjustice]], and \
we meet in the community centre on a Tuesday. We would love to hear from \
other kinship carers in Northern Ireland. You can email me at \
[[email:caoimhesgranny@example.co.uk]] or ring \
[[phone:028 9018 0126]] in the evenings.""",
    # 52 - Newport, three siblings, NHS numbers
    """Dear Sir/Madam,

RE: [[child_name:Tegan]] ([[nhs_number:5559797111]]), [[child_name:Cody]] \
([[nhs_number:507 529 1708]]) and [[child_name:Mia-Rose Evans]] \
([[nhs_number:342 366 7125]])

I am the mother of the above children and I am requesting copies of their \
medical records from the [[hospital:Royal Gwent Hospital]] for the \
period [[date:1st October 2022]] to [[date:31st March 2023]], under data \
protection law.

These records are needed for care proceedings brought by \
[[local_authority:Newport City Council]] at the \
[[court:Newport Civil and Family Court]] (case [[case_number:CF 23 C \
00411]]). The local authority say [[child_name:Cody]] attended A&E five \
times in that period; I believe it was twice, both times for his \
asthma, and that the other visits were his cousin.

Please send the records to me at [[address:118 Commercial Road]], \
[[place:Pill]], [[place:Newport]], [[postcode:NP20 2PS]], or by email to \
[[email:tegancodymia@example.co.uk]]. My solicitor is aware of this \
request.

Yours faithfully,
[[first_name:Leanne Evans]]""",
    # 53 - Edinburgh, text-speak, handles
    """my wee girl [[child_name:brodie-leigh]] is [[age:7]] and shes been \
accommodated since [[date:the 2nd of march]] after a fight between me \
and her da [[first_name:scott]] at our flat in [[place:niddrie]]. he \
was the one who kicked the door in, not me. \
[[local_authority:edinburgh council]] social work said she can come \
home if i get a bigger place away from him but i cant get housed. the \
childrens panel keeps continuing it. now they want a permanence order at \
[[court:edinburgh sheriff court]]. [[child_name:brodie-leigh]] was at \
[[school:castleview primary]] and the foster carer lives in \
[[place:livingston]] so shes had to change schools. she broke her wrist \
at the foster carers and they took her to the \
[[hospital:royal infirmary of edinburgh]] and didnt phone me til the \
next day. ive got a tiktok [[url:https://www.tiktok.com/@brodiesmaw_edi]] \
where i post about it and my snap is [[social_handle:brodiesmaw_x]]. \
clan childlaw and shelter scotland have both been helping a bit. if \
youre a maw in scotland going through this add me""",
    # 54 - Halifax, text-speak, snapchat
    """honestly done with [[local_authority:calderdale council]]. my 2 \
[[child_name:kayden]] and [[child_name:ivy]] are [[age:6]] and \
[[age:2]] and they want to put them up for adoption because my \
boyfriend [[first_name:jake]] has a record. i left him on [[date:the \
3rd of june]]. were in [[place:mixenden]] now at my nans on \
[[address:clough lane]]. [[child_name:ivy]] was born at \
[[hospital:calderdale royal]] and she was perfectly healthy. \
[[child_name:kayden]] goes to [[school:ash green primary]] and the \
head [[titled_name:mr sutcliffe]] said hes never had a concern. the \
hearing is at [[court:halifax family court]] and the guardian hasnt \
even met me. snap me [[social_handle:kayla_halifax23]] or insta \
[[social_handle:@kaylas_fight_4_my_babies]] i dont care who sees \
it now""",
    # 55 - Cornwall, campaign post with links
    """Four years ago [[local_authority:Cornwall Council]] took my son \
[[child_name:Jago]] from me. He was [[age:nine]]. The reason given was \
'emotional harm' from my relationship with his father, \
[[first_name:Morgan]], which I had already ended. We lived in \
[[place:Tuckingmill]], [[place:Camborne]], and [[child_name:Jago]] went to \
[[school:Camborne Science and International Academy]].

The case was heard at [[court:Truro Combined Court]] in front of \
[[titled_name:HHJ Trevithick]] and is reported, anonymised, but anyone \
local would know us. [[child_name:Jago]] self-harmed in foster care and \
was admitted to [[hospital:Treliske]] on [[date:18th August 2021]].

I've spent the years since campaigning. My blog is \
[[url:https://www.mumversusthesystem.example.co.uk]], the petition is at \
[[url:https://www.change.org/p/cornwall-council-return-jago-to-his-mum]] \
and we crowdfunded the appeal at \
[[url:https://www.crowdjustice.com/case/justice-for-jago]]. On X I'm \
[[social_handle:@JagosMumKernow]]. [[child_name:Jago]] is back home now, on a \
supervision order. I'm sharing because Cornwall feels a long way from \
anyone who can help.""",
    # 56 - Ipswich, health visitor, NHS numbers
    """This is long sorry. Our [[titled_name:health visitor Janet]] \
referred us to [[local_authority:Suffolk County Council]] because \
[[child_name:Freddie]] dropped two centiles on his weight chart. He was \
[[age:7 months old]]. His red book has his NHS number \
[[nhs_number:768 426 8465]] and every weigh-in since birth, and it shows \
he was always a small baby like his dad [[first_name:Sam]] was.

We were sent to [[hospital:Ipswich Hospital]] and the paediatrician \
[[titled_name:Dr Ferreira]] found a cow's milk allergy. By then the \
social worker had already started a child protection enquiry and \
[[child_name:Freddie]]'s big sister [[child_name:Isla-May]] \
([[nhs_number:5632122336]]), who is [[age:4]], had been spoken to at \
[[school:Sprites Primary Academy]].

The case closed. We were never in court. But it's on the system now. We \
live at [[address:11 Hawthorn Drive]], [[place:Chantry]], \
[[postcode:IP2 0QB]], and I am happy to be contacted by any other \
parent who has had this over a weight chart: [[phone:01632 960733]] or \
[[email:freddiesmum.ipswich@example.com]].""",
    # 57 - Wakefield, father, lower case, email and link
    """[[local_authority:wakefield council]] have had my daughter \
[[child_name:darcey]] in foster care in [[place:normanton]] since \
[[date:12/04/22]]. shes [[age:nearly 11]] now. her mum \
[[first_name:shelby]] was using and i was working away so i didnt know \
how bad it had got. i came straight back and asked for her but the \
viability assessment took 7 months. [[titled_name:sw callum]] said i \
had no bond with her. i had her every weekend for 8 years!! [[child_name:darcey]] was \
at [[school:lupset park primary]] and now shes somewhere else. the \
final hearing is at [[court:leeds combined court centre]] \
([[case_number:LS 22 C 00983]]) and i found out last week i dont even \
get legal aid for it because im not the one the order is against \
apparently. ive started a blog [[url:www.darceysdad.example.com]] to \
keep track and my email is [[email:darceysdad@example.com]]. any dads \
in [[place:castleford]] or round [[postcode:WF10]] who want a pint and \
a moan, message me [[social_handle:@darceysdad_wf]]""",
    # 58 - Glasgow Easterhouse, young mum, insta
    """i was 18 when i had [[child_name:mackenzie]] at the \
[[hospital:princess royal maternity]] and social work were there before \
the midwife. [[local_authority:glasgow city council]] put us in a \
mother and baby placement in [[place:easterhouse]] for 6 weeks and then \
said i wasnt bonding. i was breastfeeding him every 2 hours how is that \
not bonding. he was placed with my aunt [[first_name:lorraine]] in \
[[place:baillieston]] which i was ok with at first but now she wont let \
me see him. the childrens hearing said contact once a week at the \
[[service:blue triangle family centre]], its on \
[[address:shettleston road]]. hes [[age:14 months]] now and calls her \
mum. my insta is [[social_handle:@mackenziesmammy_glasgow]] and \
my email is [[email:mackenziesmammy@example.com]] if youre going through \
the same""",
]

HELD_OUT_LOOKALIKES: list[str] = [
    "My son is in Year 9 and has his options evening next month.",
    "We watched Judge Judy and then Judge Rinder while the kids were at school.",
    "I wrote to Whitehall and the Department for Education and got a form letter back.",
    "The kids love Peppa Pig and Bluey, and my youngest won't sleep without his Mr Men books.",
    "The case was moved to the High Court in London because of the international element.",
    "We used to go to the Sure Start centre when the kids were little, before the cuts.",
    "Christmas was the first one without my children and I spent it on my own.",
    "The hearing was adjourned until May because the judge was ill.",
    "By the grace of God we got through that winter.",
    "If you are worried about a child you can call the NSPCC on 0808 800 5000.",
    "The Samaritans are there day and night on 116 123, please ring them if you need to.",
    "All the forms are on gov.uk and citizensadvice.org.uk explains legal aid well.",
    "The NHS waiting list for CAMHS is over a year where we are.",
    "Cafcass wrote a safeguarding letter before the first hearing.",
    "Ofsted rated the children's services department inadequate last year.",
    "Section 20 of the Children Act 1989 is supposed to be voluntary.",
    "I order everything off Amazon now because I can't face going into Tesco.",
    "My son watches Netflix all weekend at his dad's and comes back exhausted.",
    "The local council never returned any of my calls.",
    "Children's services said they would do a child and family assessment within 45 working days.",
    "The family court made a child arrangements order and he still ignores it.",
    "Our appeal went to the Royal Courts of Justice in the end.",
    "We live in the North East and there is not one contact centre open on a Sunday.",
    "My mum moved up north after the divorce and we moved to the Midlands.",
    "Things are different in Wales because of the Social Services and Well-being Act.",
    "In Scotland it's the Children's Hearing and the reporter, not the family court.",
    "Northern Ireland has its own Children Order, not the Children Act.",
    "My son loves Bob the Builder and Fireman Sam.",
    "Prince William talked about early childhood on the news and I cried.",
    "Barnardo's and the NSPCC both have advice pages for parents.",
    "Women's Aid and Refuge helped me make a safety plan.",
    "Shelter explained my rights as a private tenant.",
    "Someone on Mumsnet told me to get a solicitor straight away.",
    "[name removed] was taken into care on [date removed] by the local authority.",
    "My daughter, [date of birth removed], now lives with her grandparents.",
    "The hearing took place at a family court in the North West.",
    "We live in a town in Yorkshire and the nearest contact centre is an hour away.",
    "My son goes to a primary school near our house and loves his teacher.",
    "Our address is [postcode removed] but please contact me through this site.",
    "I have been reading everything I can find about care proceedings.",
    "Bath time was always our favourite part of the day.",
    "We will march on Parliament if that's what it takes.",
    "It was his will that the children should stay with their nan.",
    "I still have hope that my children will come home one day.",
    "I bought his school shoes in the sale because I couldn't afford full price.",
    "Every contact means driving down the M25 and back in the same day.",
    "The A1 was closed so I missed the start of the hearing.",
    "The judge said the threshold criteria were met.",
    "My daughter is the light of my life and the social worker never saw that.",
    "I'm 34 and I've never been in trouble with the police.",
    "The Court of Appeal said adoption is a last resort, and the Supreme Court agreed.",
    "My solicitor told me to contact the Family Rights Group for advice.",
    "Childline is on 0800 1111 if your child wants to talk to someone.",
    "The National Domestic Abuse Helpline is 0808 2000 247 and it is free.",
    "I asked the guardian to read the Public Law Outline before the next hearing.",
    "Every Sunday we used to go to church and then to the park.",
    "Our health visitor was kind but her hands were tied.",
    "The foster carer lets my son stay up watching YouTube until midnight.",
    "We moved house three times in 2019, which the council held against us.",
    "My eldest turned eighteen and left care with nothing but a bin bag.",
    "The baby was born in the spring and removed before summer.",
    "A social worker from the council came on a Monday without warning.",
    "I'm a dad from a small town in the South West who just wants to see his kids.",
    "The paediatrician at the hospital found no injuries at all.",
    "Legal aid is means-tested unless it is a care case, so check on gov.uk.",
    "Every Friday I send a card through the contact centre and I never hear back.",
    "We were told to wait for the Cafcass safeguarding letter before applying again.",
    "Grace and patience are what got me through, that and my faith.",
    "I read Harry Potter to my son on video calls so he can still hear my voice.",
    "Our MP said she would raise it in Parliament but nothing happened.",
]
