r"""Second held-out part for the story check (s.97 Children Act 1989 identifying details).

Written on 2026-11-30 by a session that had not read the check's code, its tests, or any of the
other corpora; the only outside material consulted was the campaigners' words under
/work/shared/seeds/, read for tone.  Every person, phone number, email, NHS number, case number,
street and house number is invented.  Towns, districts, estates, courts, councils, trusts and
hospitals are real UK ones; schools, contact centres, family centres, refuges and units are given
plausible names (some may coincide with real ones).  Phones use Ofcom drama ranges; emails use
example.com / example.co.uk; NHS numbers carry a valid modulus-11 check digit.

HELD_OUT holds first-person stories (80-220 words once markers are stripped) in the voices real
parents use: text-speak, formal letters, bullet timelines, Facebook appeals, Welsh, Scottish and
Northern Irish settings, fathers, grandparents, kinship and foster-to-adopt carers, care leavers,
domestic abuse and removals at birth.  Every identifying detail is marked inline as
[[kind:text]] (regex \[\[(?P<kind>[a-z_]+):(?P<text>.*?)\]\], DOTALL); stripping the markers
(keeping the text) gives the story.  Labelling rules:

- child_name: a child's first name, nickname or initial (with a following surname if given);
  first_name: an adult's first name (with surname if given); titled_name: a person named with a
  title or role word, the span covering the title/role and the name ("sw kerry", "Dr Adeyemi").
- postcode (full or outward-only), phone, email, nhs_number, case_number, url, social_handle.
- date: a specific day ("the 9th", "12/09/23", "Christmas Eve 2023"); never a bare year or month.
- age: a child's age or date of birth ("nearly 6", "born 22/11/2018", "5 wks old"), and a school
  year only when given for a specific child; a parent's own age is never marked.
- school: a named school, nursery or college.  address: house number + street, or a named street.
- place: a town, city, village, suburb, district or estate; regions, nations and counties
  ("the North West", "Wales", "Cornwall", "Cumbria") are never marked.
- court: a named court or hearing centre, whole name ("family court in Barrow"); generic or
  national courts ("the family court", "the High Court", "the Court of Appeal") are not marked.
- local_authority: a named council or children's services body ("Western Trust").
- hospital: a named hospital, NHS unit or GP surgery (abbreviations such as "RVI", "QMC" too).
- service: a named contact centre, family centre, refuge, mother-and-baby unit, assessment
  centre or children's home.
"the" is left outside markers, except inside a date such as "the 9th".  Every occurrence of a
detail is marked, not just the first.
Unmarked look-alikes are mixed in on purpose: helplines (NSPCC 0808 800 5000, Samaritans
116 123), national bodies (Cafcass, Ofsted, the NHS), "Section 20", "Year 9" for a parent,
"Judge Judy", "Whitehall", "Peppa Pig", "Sure Start", "Tesco", months such as "May" and words
such as "grace" and "hope".

HELD_OUT_LOOKALIKES holds short texts with no identifying detail at all, only words that look
like one (helplines, public websites, national bodies and courts, regions and counties,
characters and celebrities, placeholders, ordinary words that are also names or places, national
roads).  A correct check flags nothing in them.
"""

HELD_OUT: list[str] = [
    """my daughter [[child_name:Kaydence]] was took off me on [[date:14th january]] and i still cant \
get my head round it. she was [[age:nearly 6]] and doing gr8 at [[school:Bankside Primary]], her \
teacher said so. [[titled_name:sw kerry]] come round with 2 police and said it was section 20 \
and i had to sign or theyd go to court anyway. i signed cos i didnt know no better. now \
[[child_name:Kaydence]] is with foster carers in [[place:Garforth]] and i get 2hrs a week at \
[[service:Willow Tree contact centre]]. we live at [[address:7 elm close]] [[postcode:LS9 7QT]] \
and the house is spotless, they never even looked upstairs. case is [[case_number:LS24C00417]] \
at [[court:Leeds Family Court]] next month. if anyone has been thru \
[[local_authority:Leeds Childrens Services]] pls msg me, my number is [[phone:07700 900482]] or \
email [[email:kaydencesmum@example.com]]. i just want my baby home x""",
    """Dear Sir or Madam,

I am writing to make a formal complaint about [[local_authority:Newport City Council]] and the \
way my son [[child_name:Iestyn Morgan-Price]] ([[age:born 02/09/2015]], NHS number \
[[nhs_number:186 091 3903]]) has been treated. On [[date:17th October 2023]] \
[[child_name:Iestyn]] was taken to [[hospital:Royal Gwent Hospital]] with a fractured wrist \
after a fall in the playground at [[school:Ysgol Pen-y-Bryn]], which the school recorded in its \
accident book. Despite this, the social worker, [[titled_name:Ms Rhianwen Pugh]], wrote that my \
explanation was 'inconsistent' and he was placed in foster care that night under Section 20 \
without my informed consent. I was not told where he was until [[date:20 October]]. The case is \
now before [[court:Cardiff Civil and Family Justice Centre]] under reference \
[[case_number:CF23C00789]].

I would ask that any reply is sent to [[email:dafydd.price.complaint@example.co.uk]] or to \
[[address:14 Heol y Garn]], [[place:Bettws]], [[postcode:NP20 7HL]]. I have copied this letter \
to the Children's Commissioner for Wales and to Cafcass Cymru.

Yours faithfully,
[[first_name:Dafydd Price]]""",
    """Timeline so people can see what [[local_authority:Manchester City Council]] did to my family
- [[date:03/02/22]] my daughter [[child_name:Mylee-Rae]] born at [[hospital:Saint Mary's]], \
healthy, breastfeeding fine
- [[date:05/02/22]] hospital social worker turns up, says there is a pre birth plan nobody told \
me about
- [[date:07/02/22]] removed at [[age:4 days old]] (NHS no [[nhs_number:353 799 0758]]), ICO \
granted by [[titled_name:HHJ Ashworth]] at [[court:Manchester Civil Justice Centre]]
- Feb to June: contact 3 x 90 mins a week at [[service:Hollyhock Family Centre]] in \
[[place:Longsight]]
- her dad [[first_name:Tyrone Baptiste]] never even assessed, they said he was 'not engaging' \
when he was working nights at Tesco
- [[date:21/06/22]] final hearing, case [[case_number:MA22C00198]], placement order made
- now she is [[age:2yrs]] and I get one letterbox letter a year
I still live in [[postcode:M14]] and I still have her cot up. Cafcass never once came to my \
flat.""",
    """*** PLEASE SHARE *** Im Nana to [[child_name:Lexi-Leigh]] ([[age:7yo]]) and \
[[child_name:Alfie-James]] ([[age:4yo]]) and we have been fighting \
[[local_authority:Together for Children]] for 14 months. Our [[first_name:Chantelle]] had a bad \
patch after her partner went to prison and instead of helping they put both bairns with \
strangers in [[place:Washington]] when me and my husband were right here in [[place:Pennywell]] \
with a spare room!! We passed the viability, we passed the full assessment, then \
[[titled_name:Judge Whitfield]] at [[court:Sunderland County Court]] adjourned it AGAIN on \
[[date:the 9th]]. [[child_name:Alfie-James]] asks for Peppa Pig and his nana every contact. \
[[child_name:Lexi-Leigh]] has started wetting again. Follow our fight on tiktok \
[[social_handle:@nanaforlexi]] and please donate if you can to help with a barrister \
[[url:www.gofundme.com/f/bring-lexi-and-alfie-home]] 💔 Sure Start used to help families like \
ours, now theres nothing.""",
    """i was in care myself from 11 til 18 in [[place:Barrow]] so i no how it works. when i got \
pregnant my [[titled_name:leaving care worker jodie]] told me they would do a pre birth \
assessment 'just to tick boxes'. my son [[child_name:Ezra]] (nhs [[nhs_number:676 122 2028]]) \
was born on [[date:9th august]] at [[hospital:Furness General]] and they took him at \
[[age:2 days old]]. i had to watch him go in a car seat to a foster carer in [[place:Dalton]]. \
they said i could go to [[service:Rosewood mother and baby unit]] but then the place fell \
through. [[local_authority:westmorland and furness council]] say i have 'unresolved trauma' from \
my own time in care. thats THEIR care. the hearing is at the [[court:family court in Barrow]]. i \
was 17 when i left care and nobody helped me then either. im at [[address:22 Marsh Lane]] \
[[postcode:LA14 2PX]] if anyone from a campaign wants to help, or ring [[phone:07700 900215]].""",
    """Im a dad from [[place:Easterhouse]] and I want to say how the Childrens Hearing system treated \
me. My wee boy [[child_name:Callum]] is [[age:9yrs]] and was at [[school:Riverbank Primary]] til \
they moved him to a foster placement in [[place:Cumbernauld]]. His social worker \
[[titled_name:Mrs McGlashan]] from [[local_authority:Glasgow City Council]] wrote in her report \
I was 'hostile' because I asked for the minutes. The panel put a compulsory supervision order on \
and the Reporter took it to [[court:Glasgow Sheriff Court]] for a proof. [[child_name:Callum]] \
has asthma and ended up in the [[hospital:Royal Hospital for Children]] twice since he went, \
they never told me either time. I found out from his gran. If you are going through the same in \
Scotland message me on [[phone:0141 496 0382]] or email \
[[email:callumsdad.glasgow@example.com]], and theres more at [[url:www.callumsdad.scot]]. Dont \
let them tell you the hearing is 'not a court'.""",
    """the [[local_authority:Western Trust]] took my three weans on [[date:the 2nd of feb]] and ive not \
had them home since. [[child_name:Caoimhe]] is [[age:aged 11]], [[child_name:Oisín]] is \
[[age:eight]] and wee [[child_name:Niamh]] is only [[age:4]]. they are split up, the two oldest \
in [[place:Strabane]] and [[child_name:Niamh]] with a carer up near [[address:Glenview Park]]. \
[[titled_name:social worker Orla]] said it was neglect because the house in [[place:Creggan]] \
had damp, the Housing Executive never fixed it in 3 years. [[child_name:Niamh]] was in \
[[hospital:Altnagelvin]] with her chest and they used that against me too. next hearing is at \
the [[court:family court in Derry]] on [[date:14/03/24]]. my postcode is [[postcode:BT48]] if \
anyone local can come with me for support, im on insta [[social_handle:@siobhanmcld_derry]]. \
Northern Ireland is meant to have its own rules but it feels just the same as England.""",
    """I fled to [[service:Marigold House refuge]] with my daughter [[child_name:Amara]] when she was \
[[age:18 months old]] after her dad [[first_name:Darren Colley]] strangled me in front of her on \
[[date:26/12/22]]. I thought leaving was what they wanted. Instead \
[[local_authority:Waltham Forest Council]] opened a child protection plan on ME for 'failure to \
protect'. [[first_name:Darren]] made a C100 application at [[court:East London Family Court]] \
and the Cafcass safeguarding letter just repeated what he said. I had to sit in the same waiting \
room as him. My refuge worker [[titled_name:Mrs Adebayo]] wrote a letter and the judge didnt \
read it. [[child_name:Amara]]'s nursery, [[school:Little Acorns Nursery]] in \
[[place:Walthamstow]], gave him her pick-up times. He still rings me from \
[[phone:020 7946 0731]]. If you are living this, the National Domestic Abuse Helpline is 0808 \
2000 247 and they were the only ones who believed me.""",
    """We are foster-to-adopt carers and I want to share the other side, because people assume we are \
the baddies. [[child_name:Poppy]] came to us on [[date:the 11th of March]] at \
[[age:10 weeks old]] straight from [[hospital:QEQM]] in [[place:Margate]]. Her birth mum \
[[first_name:Shannon]] is a care leaver herself and honestly \
[[local_authority:Kent County Council]] set her up to fail, one parenting course in \
[[place:Ramsgate]] that she couldn't get a bus to. The paediatrician [[titled_name:Dr Adeyemi]] \
said [[child_name:Poppy]] had no withdrawal at all. At [[court:Canterbury Combined Court]] we \
stood outside the courtroom while [[first_name:Shannon]] sobbed. I am not saying she should have \
her back, I don't know. I am saying nobody helped her. If any birth parents want to talk to a \
carer who won't judge, email me at [[email:fostertoadopt.kentmum@example.com]]. We keep a life \
story book and her letters are in it.""",
    """Dads matter too. My son [[child_name:Jaxon Reid]] is [[age:12yo]] and in [[age:Year 8]] at \
[[school:Kingsmere Academy]] and I havent seen him since [[date:4th November]]. His mum moved \
him to [[place:Kingstanding]] and [[local_authority:Birmingham Children's Trust]] decided I was \
a risk because of one text I sent when I was angry years ago. I did the DAPP course, I did the \
hair strand tests, all clear. The contact centre, [[service:Stepping Stones contact centre]] in \
[[place:Erdington]], say they have no slots til spring. Next hearing at \
[[court:Birmingham Civil and Family Justice Centre]] is under [[case_number:BM23P00841]]. I blog \
everything at [[url:justiceforjaxon.blogspot.com]] and I'm on X as \
[[social_handle:@DadForJaxon]]. Year 9 was when my own dad walked out on us and I swore I would \
never be that dad.""",
    """My husband [[first_name:Graham]] and I have been kinship carers for our granddaughter \
[[child_name:Tia-Mae Booth]] ([[age:born 22/11/2018]]) since she was discharged from the \
[[hospital:Jessop Wing]]. We were told by [[local_authority:Sheffield City Council]] that a \
Special Guardianship Order would come with support. It has not. When [[child_name:Tia-Mae]] was \
referred to [[hospital:Sheffield Children's Hospital]] for her heart, the consultant \
[[titled_name:Dr Okonkwo-Reyes]] asked who held parental responsibility and we had to ring the \
social worker from the car park. Our allowance was cut on [[date:1st April 2024]] without a \
letter. We live in [[place:Hillsborough]], [[postcode:S6 4GJ]], and she starts at \
[[school:Meadowcroft Infants]] in September. By the grace of God we manage, but other \
grandparents cannot. Her NHS number is [[nhs_number:628 194 8211]] and the hospital still has \
her under her mum's old address. The order was made at [[court:Sheffield Family Court]], \
reference [[case_number:SH20C00552]].""",
    """rly need advice. [[local_authority:liverpool city council]] have put my baby [[child_name:Rubi]] \
on a CP plan cos my ex [[first_name:kyle]] turned up at [[hospital:liverpool womens]] when i was \
in labour. i never invited him!! she was [[age:5 wks old]] when [[titled_name:sw jade]] said we \
had to move out of [[place:walton]] so we went to my mums in [[place:kirkby]] and now the social \
are saying i 'moved without telling them'. case is [[case_number:LV 23 C 00562]] at \
[[court:liverpool civil and family court]] on [[date:the 28th]]. shes had bronchiolitis twice \
and been in [[hospital:alder hey]] and they blame me for that as well. just want someone who has \
been thru it. my snap is [[social_handle:rubismum_x]] or text [[phone:07700 900917]]. i am not \
giving up on her x""",
    """Sorry for the long post. I'm a dad from [[place:Splott]] and my girls [[child_name:Ffion]] \
([[age:10]]) and [[child_name:Cerys]] ([[age:6]]) were removed by \
[[local_authority:Cardiff Council]] after their mum relapsed. I was working away on the rigs and \
came home to find them in emergency foster care in [[place:Llanrumney]]. Nobody rang me, even \
though my number [[phone:029 2018 0645]] was on the file at [[school:Moorland Primary]]. The \
social worker [[titled_name:sw Bethan]] said I had 'no relationship' with them, I had them every \
other weekend for 6 years. At [[court:Cardiff Family Court]] the judge ordered a parenting \
assessment and I passed it. [[child_name:Ffion]] has been seen at [[hospital:UHW]] for anxiety \
since. Wales is supposed to be different, the Welsh Government talk about keeping families \
together, but not in [[postcode:CF24]] apparently. The whole assessment is at \
[[url:www.dadsofsplott.co.uk/ffion-cerys]].""",
    """Day 212 without my princess 👑 [[child_name:Nevaeh]] turned [[age:3]] on [[date:the 3rd of Dec]] \
and I couldnt even send a card cos [[local_authority:Newcastle City Council]] said it was 'not \
appropriate at this stage'. I live in [[place:Byker]] ([[postcode:NE6 2LD]]) and shes with \
carers somewhere in [[place:Gateshead]] i think. She was in the [[hospital:RVI]] with a broken \
leg she got falling off the settee and the radiologist said it was a toddler's fracture, ITS IN \
HER NOTES, NHS no [[nhs_number:9935181901]]. [[titled_name:DJ Pattinson]] at \
[[court:Newcastle Family Court]] still found threshold. Please sign the petition \
[[url:change.org/p/bring-nevaeh-home-now]] and follow [[social_handle:@mam_of_nevaeh]] on insta \
for updates. I will never stop.""",
    """What happened (for my McKenzie friend):
1. [[date:19 Jan 2021]] - [[titled_name:health visitor Angie]] weighs [[child_name:Musa]], says \
he is 'dropping centiles'
2. [[date:2 Feb 2021]] - referral to [[local_authority:Bradford Council]] without telling us
3. [[date:10 Feb 2021]] - [[child_name:Musa]] admitted to [[hospital:BRI]] ward 30, later \
diagnosed with coeliac disease
4. March - s.47 strategy meeting, I was not invited
5. [[date:23/04/21]] - ICO for [[child_name:Musa]] and his sister [[child_name:Zainab]] \
([[age:6yrs]]) at [[court:Bradford Combined Court]]
6. [[case_number:BD 21 C 00310]] final hearing listed for 5 days
7. Both children placed in [[place:Keighley]], 40 mins from our house in [[place:Manningham]], \
[[postcode:BD8]]
8. [[child_name:Zainab]]'s school [[school:Green Lane Primary]] was never asked for a report
The dietitian later wrote that the weight loss was medical. Nobody apologised. My wife \
[[first_name:Rukhsana]] has not been the same. Petition: \
[[url:www.change.org/p/musa-was-ill-not-abused]]""",
    """anyone else had dealings with [[local_authority:wakefield council]]?? my son \
[[child_name:Harley]] [[age:14 months]] nhs no [[nhs_number:1163726516]] was in \
[[hospital:pinderfields]] with a bump on his head and they went straight to NAI. skeletal survey \
clear, CT clear, but they still wouldnt let him come home with me to [[place:castleford]] \
[[postcode:WF10]]. he went to my sisters in [[place:ossett]] under a safety plan and I can only \
see him supervised at [[service:Sunflower Family Centre]]. hearing at \
[[court:Wakefield Civil and Family Justice Centre]] on [[date:Tuesday 9th]] and my solicitor \
[[titled_name:Mr Hargreaves]] says to stay positive. my email is \
[[email:harleysmam2023@example.co.uk]] if anyone can share their experience of a finding of fact \
hearing. i feel like im going mad.""",
    """I'm [[child_name:Brogan]]'s grandad and I have sat through every hearing at \
[[court:Hull Combined Court Centre]] since 2022. [[child_name:Brogan]] is [[age:15yrs]] and \
[[local_authority:Hull City Council]] have moved her seven times in two years, the latest is a \
children's home in [[place:Bridlington]] where she knows nobody. She self harmed last month and \
ended up in [[hospital:Hull Royal]] and her IRO, [[titled_name:Mrs Dawson]], only found out from \
me. We have a three bedroom house at [[address:41 Thornleigh Grove]] in [[place:Bransholme]], \
[[postcode:HU7 4RN]], and we were ruled out because I had a caution in 1988. Case no \
[[case_number:case no 4471 of 2022]]. If any journalist wants to look into this I can be reached \
on [[phone:07700 900343]] or [[email:brogansgrandad@example.com]]. I am 71 and I am not going \
anywhere.""",
    """Shwmae, I'm a mam from [[place:Townhill]]. My son [[child_name:Rhys]] is [[age:aged 7]] and in \
[[school:Ysgol Gynradd Lôn Las]] and he was taken into care on [[date:5th June 2023]] after I \
had a breakdown. I asked for help from [[local_authority:Swansea Council]] FOUR times before \
that. When I was sectioned and in [[hospital:Cefn Coed]] they used it as proof I couldnt cope, \
not as proof I needed support. The guardian [[titled_name:Mr Hopkins]] was kind but his report \
still said long term foster care. The final hearing at [[court:Swansea Civil Justice Centre]] is \
next month. I have his red book and his NHS number [[nhs_number:937 865 7974]] written in my \
phone because they wont give me his medical updates. My address for the paperwork is \
[[address:Flat 2, 18 Heol Dewi]], [[postcode:SA1 6PQ]]. Diolch for reading.""",
    """I'm autistic and a dad and I want people to know how that was used against me. My son \
[[child_name:Kai]] is [[age:nearly 8]] and goes to [[school:Stoke Damerel Primary]]. After his \
mum left us, [[local_authority:Plymouth City Council]] did a parenting assessment that said I \
'lacked emotional warmth' because I didn't make eye contact with the assessor, \
[[titled_name:Ms Tregunna]]. Nobody made any adjustments. [[child_name:Kai]] was at my flat in \
[[place:Devonport]] for six years and he was fine, his paediatrician at [[hospital:Derriford]] \
said so in writing. He is now with foster carers in [[place:Plympton]]. The case is \
[[case_number:PL23C00071]] at [[court:Plymouth Combined Court]]. We have a group for autistic \
parents at [[url:www.facebook.com/groups/autisticparentsplymouth]]. The NHS diagnosed me in 2019 \
and I thought that would help. It did not.""",
    """To whom it may concern,

I am the maternal grandmother of [[child_name:Esmé Lovell]] ([[age:aged 9]]) and \
[[child_name:Theo Lovell]] ([[age:aged 5]]). Both were made subject to care orders by \
[[court:Norwich Combined Court]] on [[date:30th January 2023]], case number \
[[case_number:NR22C00133]], on the application of [[local_authority:Norfolk County Council]]. I \
was not assessed as a carer despite living twelve minutes away in [[place:Dereham]]. The \
children were placed in [[place:Thetford]] and [[child_name:Theo]] has since had to change \
school twice, most recently from [[school:Northgate Primary]].

[[child_name:Theo]]'s NHS number is [[nhs_number:543 231 9489]]; he was assessed at the \
[[hospital:Norfolk and Norwich]] for speech delay and the report has never been shared with the \
family. I have written to Ofsted and to the Local Government and Social Care Ombudsman. I can be \
contacted at [[email:m.lovell.grandparent@example.co.uk]].

[[first_name:Margaret Lovell]]""",
    """[[place:blackpool]] lot are the worst. [[local_authority:blackpool council]] took my lad \
[[child_name:Taylor-Jay]] when he was [[age:11 weeks]] cos he had a bruise on his ear that the \
[[hospital:Blackpool Vic]] said could be from the car seat strap. they still went ahead. we \
lived on [[place:grange park]] then, now im at [[address:9 Poppyfield Walk]] in \
[[place:mereside]] with my mum. [[titled_name:judge judd]]?? no idea how u spell it, at \
[[court:blackpool family court]] said the medical evidence was 'finely balanced' and still made \
the order. what does that even mean. follow my page on tiktok [[social_handle:@taylorjaysmum]] i \
post every contact. or ring [[phone:07700 900668]]. he is [[age:2]] now and calls the foster \
carer mummy. Judge Judy would of laughed them out of the room.""",
    """I am a grandad in [[place:Niddrie]] and I have looked after my granddaughter \
[[child_name:Eilidh]] since she was [[age:aged 5]]. \
[[local_authority:City of Edinburgh Council]] agreed to a kinship care arrangement but then a \
new social worker, [[titled_name:Mr Baillie]], said my flat was too small and she would be \
'better placed' with a foster family in [[place:Musselburgh]]. [[child_name:Eilidh]] has \
epilepsy and I am the one who knows her seizures. She was blue-lighted to the \
[[hospital:Royal Infirmary]] on [[date:Hogmanay 2023]] and I was the one with her. She goes to \
[[school:Castleview Primary]] and the teachers will tell you she is thriving. We are due at \
[[court:Edinburgh Sheriff Court]] and I cannot get legal aid because of my pension. My daughter \
[[first_name:Kirsty]] is in recovery and wants her home too. Any advice to \
[[email:eilidhsgrandad@example.co.uk]].""",
    """They took [[child_name:Ciarán]] from me in the [[hospital:Royal Jubilee]] when he was \
[[age:two hours old]]. Two hours. I had not even fed him. The [[local_authority:Belfast Trust]] \
had a pre-birth plan because I was in care myself in [[place:Andersonstown]] and my file said I \
was 'at risk'. The midwife, [[titled_name:Sister Mullan]], cried with me. He went to a \
foster-to-adopt family and I got contact three times a week in a room with a one way mirror. My \
mum in [[place:Ballymurphy]], [[postcode:BT11]], offered to have the both of us and they said \
no. The case was heard at [[court:Laganside Courts]] on [[date:8th May 2022]] and I lost. I was \
18. Anyone in the North who wants to talk, I am [[social_handle:@ciaransmammy]] on Facebook or \
ring [[phone:028 9649 6117]]. Samaritans are 116 123 if you are where I was.""",
    """Hi all, long time lurker. My two [[child_name:Mason]] ([[age:9]]) and [[child_name:Lacey]] \
([[age:7]]) were removed by [[local_authority:Nottingham City Council]] in the summer and are \
now with my ex's sister in [[place:Clifton]]. I live in [[place:Bulwell]] and I do have a drink \
problem, I'm not hiding that, I'm 5 months sober. Their social worker \
[[titled_name:Miss Kowalczyk]] has cancelled contact at [[service:Cherry Tree contact centre]] \
three weeks running because 'no supervisor'. [[child_name:Lacey]] broke her arm at school and \
was taken to [[hospital:QMC]] and nobody told me for 2 days. The next hearing is at the \
[[court:family court in Nottingham]] on [[date:15/01/25]]. I've written the whole story on \
[[url:www.mumvsthesystem.co.uk]]. Please don't judge me, just read it.""",
    """My name is [[first_name:Gemma Bagnall]] and I have a learning disability. My son \
[[child_name:Jayden-Lee]] was taken when he was [[age:3 months]] because \
[[local_authority:Stoke-on-Trent City Council]] said I couldnt read the formula tin. Nobody gave \
me easy read. My advocate [[titled_name:advocate Sue]] came to one meeting then her funding \
stopped. I live in [[place:Bentilee]] and he was placed in [[place:Hanley]] and I had to walk \
there. They said I was late to contact. The judge at [[court:Stoke-on-Trent Combined Court]] \
said she had 'every sympathy' and made the placement order anyway. [[child_name:Jayden-Lee]] was \
born at [[hospital:Royal Stoke]] on [[date:29 September 2021]]. If you are a mum with a learning \
disability please email me at [[email:gemmab.ld.mum@example.com]] we need to stick together. The \
Mencap people said this happens all the time.""",
    """Dad here from [[place:Grangetown]]. My little girl [[child_name:Kenzie Wilkinson]] \
([[age:DOB 04/06/2019]]) was on a child in need plan for a year with \
[[local_authority:Middlesbrough Council]] and it went up to child protection after her mum's \
boyfriend got arrested. I'm her dad and I was never even told there was a conference. I only \
found out when the school, [[school:Berwick Hills Primary]], rang me to ask why she was upset. \
[[child_name:Kenzie]] had her tonsils out at [[hospital:James Cook]] and they had my details \
wrong there too. NHS no [[nhs_number:252 760 1898]]. I've applied at \
[[court:Teesside Combined Court]], case [[case_number:TS24P00319]], for her to live with me. My \
house is at [[address:63 Larchfield Road]], [[postcode:TS6 7AW]], with her own room all painted. \
The Cafcass officer hasn't rung me back. Updates on [[social_handle:@kenziesdad_boro]] and \
[[url:www.kenziesdad.co.uk]]. Dads get treated like spare parts.""",
    """Can anyone recommend a good solicitor in the Midlands? [[local_authority:Coventry City Council]] \
are doing a parenting assessment on me and my partner [[first_name:Jordan]] at \
[[service:Brambles Assessment Centre]] and we have to be there 9 til 5 every day with our baby \
[[child_name:Orla-Grace]] who is [[age:6 weeks old]]. They watch us through cameras. We live in \
[[place:Canley]] and the bus is 2 changes. If we are late it goes in the report. She was born at \
[[hospital:Walsgrave]] on [[date:the 17th]] and the hospital social worker \
[[titled_name:Mrs Baines]] was the one who made the referral because of my partner's record from \
when he was 16. Hearing is at [[court:Coventry Combined Court]] in 12 weeks. My number is \
[[phone:07700 900721]]. I do not want grace or pity, I want a fair go.""",
    """Twins. They took my twins. [[child_name:Ruby]] and [[child_name:Rose]] were born at \
[[hospital:St Michael's]] on [[date:2nd March 2024]] and went to NICU because they were 33 \
weeks. [[local_authority:Bristol City Council]] had flagged me because my older son was adopted \
in 2016. I have changed everything since then. I have a job, I have my own place in \
[[place:Knowle West]], I have been clean 6 years. The consultant [[titled_name:Dr Farnham]] \
wrote that I was 'attentive and appropriate' on the ward. It went to \
[[court:Bristol Civil and Family Justice Centre]] ([[case_number:BS24C00270]]) and they are now \
[[age:8 months old]] and with a carer in [[place:Hartcliffe]]. I see them twice a week at the \
[[service:Meadows Family Centre]]. Please share my crowdfunder for an independent expert \
[[url:www.crowdjustice.com/case/ruby-and-rose-home]]. The rose in my garden is flowering and \
they have never seen it.""",
    """Cornwall is meant to be a lovely place to bring up kids. Not if \
[[local_authority:Cornwall Council]] decide you're not good enough. My daughter \
[[child_name:Tegen]] is [[age:4 and a half]] and goes to [[school:Trevithick Learning Academy]] \
nursery in [[place:Camborne]]. I had postnatal depression and went to my GP for help, and the GP \
referred me. That is what you get for being honest. We were in the \
[[service:Jasmine Mother and Baby Unit]] for 12 weeks which was fine, then they said we had to \
leave and they took her at the door. We are now at [[court:Truro Combined Court]] and my \
solicitor says it could go either way. She has been in [[hospital:Treliske]] twice with her \
ears. I'm [[social_handle:@tegensmum_kernow]] on Instagram or ring [[phone:07700 900159]]. I'm \
living back at my mum's in [[place:Redruth]], [[address:3 Carn Brea Terrace]], \
[[postcode:TR15 2BQ]], and I'm not giving up on her.""",
    """[[place:Oldham]] mum here. My eldest [[child_name:Kacper]] ([[age:13]]) and my youngest \
[[child_name:Zuzia]] ([[age:5]]) are with my sister now after [[local_authority:Oldham Council]] \
said I couldn't protect them from my ex. We moved to [[place:Failsworth]] to get away from him \
and got a non-mol. He breached it, I called 999, and somehow I'm the one in trouble. \
[[child_name:Zuzia]] had a febrile seizure last year and spent the night at the \
[[hospital:Royal Oldham]] and now that's listed as 'a concern'. We are at \
[[court:Manchester Family Court]] on [[date:7th March]], case [[case_number:MA24C00902]]. \
English is my second language and the interpreter at the first hearing was on a phone line that \
kept cutting out. Please if anybody speaks Polish and has been through this, write to \
[[email:ania.w.failsworth@example.com]].""",
    """Bore da pawb. I'm [[child_name:Macsen]]'s nain and I am writing this in English so more people \
read it. [[child_name:Macsen]] is [[age:six years old]] and he has lived with me in \
[[place:Caernarfon]] since my daughter went into hospital at [[hospital:Ysbyty Gwynedd]]. \
[[local_authority:Cyngor Gwynedd]] now want him with a foster family in [[place:Bangor]] because \
they say I am 'too old' at 67. He speaks Welsh at home and at [[school:Ysgol yr Hendre]] and the \
foster family are English speaking. His NHS number is [[nhs_number:972 997 5280]] if the school \
nurse needs it. The hearing at [[court:Caernarfon Justice Centre]] is on \
[[date:the 22nd of this month]]. I have put all his school reports on \
[[url:www.nainmacsen.cymru]] so people can see he is a happy boy. Diolch yn fawr.""",
    """our lass is 19 and a care leaver and they took her baby at [[hospital:Ninewells]] on \
[[date:Christmas Eve 2023]]. my granddaughter [[child_name:Isla-Rose]] was [[age:one day old]]. \
[[local_authority:Dundee City Council]] said my daughter had 'no insight' cos she was in care \
from age 10. whose fault is that. we live in [[place:Whitfield]] and i offered to be a kinship \
carer, they said my house in [[place:Lochee]] was too far from the contact centre, its 10 \
minutes on the bus. the case went to [[court:Dundee Sheriff Court]] for a permanence order. \
[[titled_name:Mrs Soutar]] the social worker never once came to my house. if you have been \
through a permanence order in Scotland please text [[phone:07700 900554]]. im her granny and i \
will fight forever.""",
    """Wrote this for the campaign: My name is [[first_name:Kirsty-Ann]] and my boys are \
[[child_name:Lewis]] and [[child_name:Fraser]], they are [[age:10yrs]] and [[age:8yrs]]. We are \
from [[place:Methil]]. [[local_authority:Fife Council]] took them under a Child Protection Order \
on [[date:the 16th of August]] because my partner had a bad mental health crisis and the police \
attended. He was taken to the [[hospital:Victoria Hospital]] and they never asked if I needed \
help with the boys, they just took them. The sheriff at [[court:Kirkcaldy Sheriff Court]] \
extended it. [[child_name:Lewis]] is at [[school:Aithernie Primary]] in [[age:P6]] and still \
gets the bus past our house. You can find the campaign at \
[[url:www.fifefamiliestogether.org.uk]] or email [[email:kirstyann.methil@example.co.uk]].""",
    """Private law nightmare. My ex [[first_name:Aaron Lyle]] applied for a child arrangements order \
for our son [[child_name:Freddie]] ([[age:aged 6]]) and [[court:Portsmouth Combined Court]] \
ordered unsupervised contact even though he has a conviction for assaulting me. \
[[local_authority:Portsmouth City Council]] closed the section 7 report in two visits. \
[[child_name:Freddie]] came back from a weekend in [[place:Paulsgrove]] with bruises and the \
[[hospital:QA]] did a child protection medical. The paediatrician [[titled_name:Dr Nkemelu]] \
said they were 'consistent with the account given', his account! Our case number is \
[[case_number:PO23P00647]] and the next date is [[date:11/11/24]]. I am not allowed to say any \
more than that. If Whitehall ever reads these, please end presumption of contact. \
[[child_name:Freddie]]'s school is [[school:Court Lane Junior]] and his teacher sees the change \
in him every Monday.""",
    """Care leaver, mum, survivor. Thats me. I grew up in childrens homes and now \
[[local_authority:Brighton and Hove City Council]] are doing to my daughter \
[[child_name:Skye-Marie]] what they did to me. She is [[age:20 months]] and she was taken from \
my flat in [[place:Whitehawk]] at [[address:Flat 6, 31 Cobbold Rise]], [[postcode:BN2 5QF]], on \
[[date:the 1st of October]] because my ex came round drunk. I rang the police myself! Contact is \
at [[service:Seagull Family Centre]] on Tuesdays. Her NHS number is [[nhs_number:555 979 7111]] \
and her red book says every check was fine. My son [[child_name:Reggie]] was born at the \
[[hospital:Royal Sussex County]] last year, NHS number [[nhs_number:507 529 1708]], and they \
want him too. Please read my blog [[url:www.careleavermum.wordpress.com]] and follow \
[[social_handle:@careleaver_mum_bton]]. The NSPCC line is 0808 800 5000 if you're worried about \
a kid, but nobody had a line for me.""",
    """Assalamu alaikum. I am a father of three from [[place:Marsh Farm]]. \
[[local_authority:Luton Borough Council]] removed my children after my wife was admitted to the \
[[hospital:Luton and Dunstable]] with psychosis. My eldest [[child_name:Yusuf]] \
([[age:11 years old]]) goes to [[school:Lealands High School]] and was interviewed at school \
without an appropriate adult. My daughter [[child_name:Hafsa]] has type 1 diabetes, NHS number \
[[nhs_number:3423667125]], and the foster carer did not know how to use her pump. I live at \
[[postcode:LU3 3PX]] and my phone is [[phone:07700 900128]]. We are at \
[[court:Luton Justice Centre]], case [[case_number:LU23C00418]], and the interpreter was booked \
for Urdu when we speak Pashto. I am not a bad father. I am a man whose wife got ill.""",
    """I am writing as the paternal grandmother of [[child_name:Jahmari Clarke-Bennett]]. \
[[child_name:Jahmari]] is [[age:aged 3]] and has been with me in [[place:Thornton Heath]] under \
a Special Guardianship Order made at [[court:Croydon County Court]] on [[date:19/07/2023]]. \
[[local_authority:Croydon Council]] promised me a support plan including a place at \
[[service:Little Steps Family Hub]], which never happened. When [[child_name:Jahmari]] was \
admitted to [[hospital:Croydon University Hospital]] with sickle cell crisis, the ward would not \
accept my SGO paperwork and called the duty social worker instead. His NHS number is \
[[nhs_number:768 426 8465]]. My address is [[address:88 Hallowell Road]], and correspondence \
should go to [[email:grandma.clarke@example.co.uk]]. I have posted the whole support plan at \
[[url:www.sgograndparents.org.uk/jahmari]] so other carers can see what they are promised and \
what they get. I am 64 and I work full time.""",
    """Statement for the Family Court Transparency consultation

I am the father of [[child_name:A]] ([[age:born 13/01/2014]]). For four years I have been a \
party to private law proceedings at the [[court:Central Family Court]] \
([[case_number:FD21P00512]]) after [[child_name:A]]'s mother alleged parental alienation against \
me, then withdrew it. During those years the Cafcass officer changed three times and \
[[child_name:A]] moved from [[place:Islington]] to [[place:Tottenham]]. [[child_name:A]]'s \
paediatrician at [[hospital:Whittington Hospital]] referred her to CAMHS and I only learned this \
from a letter left at my former address, [[address:Flat 4, 12 Kestrel Mews]], \
[[postcode:N7 8QR]]. I ask that the consultation considers how fathers are informed of health \
matters. I can be contacted at [[email:father.of.a.statement@example.com]] and I write about \
family justice as [[social_handle:@FamilyJusticeDadN7]].

[[first_name:Oliver Pemberton-Hale]]""",
    """so basically my mam was in care my nan was in care and now its my turn with my own kids and \
nobody sees the pattern. [[local_authority:cumberland council]] took my son \
[[child_name:Lennon]] when he was [[age:nearly 2]] and my baby [[child_name:Blu]] at birth in \
the [[hospital:West Cumberland Hospital]] on [[date:6th of may]] and they didnt even let me hold \
her first. we live at [[address:5 Harbour View]] in [[place:Whitehaven]] and the contact is in \
[[place:Workington]] at [[service:Riverside Contact Centre]] so i have to get 2 buses with no \
money. [[child_name:Blu]]'s NHS number is [[nhs_number:563 212 2336]] and her paperwork says \
she's fine, she's perfect. Cumbria used to be a place where people helped each other. my insta \
is [[social_handle:@lennon.and.blu.mam]] and my number is [[phone:07700 900806]]. please help \
me.""",
    """need help asap. [[local_authority:doncaster childrens services trust]] r tryna take my son \
[[child_name:Bailey]] [[age:9 yrs old]] cos the school [[school:Denaby Main Primary]] said he \
came in with nits and no coat 3 times. THREE TIMES. im on universal credit and the gas got cut \
off in may. we live in [[place:denaby]], [[postcode:DN12]], and theres nothing round here for \
kids. he was at [[hospital:DRI]] with a chest infection in feb, nhs number \
[[nhs_number:859 952 8904]], and thats in the report as 'neglect'. theres a fb page \
[[url:facebook.com/bringbaileyhomedoncaster]] my mate set up. email \
[[email:baileysmumdn12@example.com]] if you know a good solicitor that does legal aid""",
    """Fathers are forgotten in Wales as much as anywhere. I live in [[place:Gurnos]], \
[[place:Merthyr]], at [[address:17 Bryn Teg]], [[postcode:CF47 9BU]]. My children \
[[child_name:Carys-Ann]] ([[age:12]]) and [[child_name:Dewi]] ([[age:9]]) were placed with \
foster carers by [[local_authority:Merthyr Tydfil Council]] after their mother's overdose at \
[[hospital:Prince Charles Hospital]]. I had been paying maintenance and seeing them every \
weekend. [[child_name:Dewi]] is at [[school:Ysgol Santes Tudful]] and his teacher rang me before \
the council did. My children's NHS numbers are [[nhs_number:786 666 1766]] and \
[[nhs_number:571 177 7742]], written here because I had to give them to the court three times. \
Hearing at [[court:Merthyr Tydfil Combined Court]] next week. Phone me on \
[[phone:07700 900290]].""",
    """My daughter [[first_name:Sabina]] has asked me to write this because her English is not \
confident. She lives in [[place:Darwen]] and [[local_authority:Blackburn with Darwen Council]] \
took her son, my grandson [[child_name:Zayn]], when he was [[age:seven weeks]] after a fall from \
the changing mat. He was checked at [[hospital:Royal Blackburn]] and there was no fracture. \
Still they took him. The family have been ruled out one by one, my husband for a speeding fine. \
The case is [[case_number:BB24C00089]] at [[court:Blackburn Family Court]]. \
[[first_name:Sabina]] posts updates as [[social_handle:@sabinafightsforzayn]] and we made a page \
[[url:www.justiceforzayn.co.uk]]. Please write to [[email:zaynsnani@example.co.uk]]. We are a \
close family and we do not understand how this is the system in the United Kingdom.""",
    """We are a traveller family and we have had nothing but prejudice. My two youngest \
[[child_name:Patience]] and [[child_name:Mikey]] ([[age:aged 6]] and [[age:aged 2]]) were \
removed from our site near [[place:Normanton]] by [[local_authority:Derby City Council]] who \
said the caravan was 'unsanitary'. It is cleaner than their office. [[child_name:Mikey]] was \
born at [[hospital:Royal Derby]], NHS number [[nhs_number:121 547 2803]]. We have contact at \
[[service:Ashgrove Family Centre]] and the supervisor writes down every word we say. The hearing \
is at [[court:Derby Combined Court]] on [[date:Thursday 14th November]]. Ring me on \
[[phone:07700 900417]], I can't read so well so don't email. My husband \
[[first_name:Patrick Doran]] is trying to find a solicitor who understands our way of life.""",
    """I was [[child_name:Maisie]]'s foster carer for two years and then her kinship carer when her \
aunt pulled out, so I've seen both sides. [[child_name:Maisie]] is [[age:five]] and lives with \
me in [[place:Thornhill]], [[address:26 Ferncroft Avenue]]. \
[[local_authority:Southampton City Council]] stopped my fostering allowance the day the SGO was \
made at [[court:Southampton Combined Court]]. She was born at the [[hospital:Princess Anne]] \
with withdrawal, NHS number [[nhs_number:385 280 8413]], and she still needs OT. She's at \
[[school:Thornhill Primary]] and they are brilliant. I write about the money side of kinship \
care at [[url:kinshipcarersouthampton.blogspot.com]] and you can email me at \
[[email:maisies.carer@example.com]]. Nobody should lose money for keeping a child out of care.""",
    """PLEASE READ AND SHARE 🙏 We are [[child_name:Lottie]] and [[child_name:Finn]]'s grandparents and \
[[local_authority:Wigan Council]] will not let us see them since they were placed for adoption. \
[[child_name:Lottie]] is [[age:4]] and [[child_name:Finn]] is [[age:nearly 3]], they were born \
at the [[hospital:Royal Albert Edward Infirmary]] and lived with us in [[place:Hindley]] for a \
year. We had contact at [[service:Bright Beginnings contact centre]] in [[place:Leigh]] every \
fortnight and now NOTHING. The placement order was made at [[court:Wigan family court]] on \
[[date:12/09/23]]. We are at [[address:10 Ravenswood Drive]], [[postcode:WN2 3HE]], if anyone \
has any information. Our page is [[url:www.facebook.com/findlottieandfinn]] and our TikTok is \
[[social_handle:@nanagrampsforlottie]]. We are not giving up on our babies.""",
    """Timeline - my son [[child_name:Ibrahim]]
- [[date:14 Aug 2022]] born at [[hospital:Dewsbury District Hospital]], NHS no \
[[nhs_number:485 253 8883]]
- [[date:20 Sept 2022]] health visitor sees bruise on his arm, it was a birthmark (Mongolian \
blue spot)
- [[date:21 Sept 2022]] [[local_authority:Kirklees Council]] strategy meeting, he goes to my \
brother in [[place:Batley]]
- Oct - paediatrician at [[hospital:Huddersfield Royal Infirmary]] confirms birthmark in writing
- Dec - still no return home, [[titled_name:social worker Mr Fairbrother]] says 'we need to \
understand the wider picture'
- Jan - case [[case_number:HD 22 C 00731]] at [[court:Huddersfield County Court]]
- now: [[child_name:Ibrahim]] is home but we are on a supervision order and every visit to our \
house on [[address:Crossley Lane]], [[postcode:WF13]], is recorded
Please share with any brown mums, their forms do not understand our babies' skin.""",
    """They took my daughter [[child_name:Nia-Belle]] at [[hospital:Leicester Royal Infirmary]] when \
she was [[age:three hours old]]. I'd been told by [[local_authority:Leicester City Council]] \
that if I went to [[service:Hope House mother and baby unit]] I would keep her. The placement \
was never funded. I'm a care leaver, I was in care in [[place:Braunstone]] myself. My personal \
advisor [[titled_name:PA Marcia]] is the only one who turned up to the hearing at \
[[court:Leicester Family Court]] on [[date:2 December 2024]]. [[child_name:Nia-Belle]]'s NHS \
number is [[nhs_number:539 336 3389]], and they've already changed her GP to one near the foster \
carer. If you are a care leaver pregnant now, message me [[social_handle:@carerleaverlei]] or \
email [[email:niabellesmum@example.co.uk]]. Hope is all I've got left.""",
    """I am posting this for my son [[first_name:Liam]] who can't. His little boy [[child_name:Alfie]] \
lives in [[place:Caia Park]] with his mum and [[local_authority:Wrexham Council]] have ruled \
[[first_name:Liam]] out of any contact because of a fight he had when he was 17. \
[[child_name:Alfie]] is [[age:3]] next week. [[first_name:Liam]] has done a parenting course and \
a Freedom Programme and he has a flat at [[address:2 Tudor Court]] [[postcode:LL13 7JP]] ready \
for him. The hearing at [[court:Wrexham Law Courts]] was cancelled twice. [[child_name:Alfie]] \
had an operation at [[hospital:Wrexham Maelor]] on [[date:the 19th]] and [[first_name:Liam]] \
found out on Facebook. Please follow [[first_name:Liam]] at [[social_handle:@liamforalfie]] or \
read [[url:www.dadsinwrexham.co.uk/liam]]. Phone me, his mum, on [[phone:07700 900983]].""",
    """My niece [[child_name:Ellie-Mai]] has lived with me since she was [[age:14 months old]], when \
her mum (my sister [[first_name:Jade]]) was sent to prison. I'm a kinship carer in \
[[place:Halifax]] and [[local_authority:Calderdale Council]] never once offered me the \
assessment I asked for, so I've been an 'informal arrangement' for three years with no money and \
no rights. When [[child_name:Ellie-Mai]] needed her grommets at [[hospital:Calderdale Royal]], \
the consent form asked for parental responsibility and I didn't have it. Her NHS number is \
[[nhs_number:750 047 4393]]. We live at [[postcode:HX1 4DL]]. I set up \
[[url:www.kinshipcalderdale.org.uk]] and I'm [[social_handle:@auntieofellie]] on Instagram. \
Email [[email:ellies.auntie@example.com]]. The Kinship charity helpline helped me more than the \
council ever did.""",
    """I'm a mum from [[place:Exmouth]] and my daughter [[child_name:Saffron]] ([[age:14yo]]) is in a \
residential home because [[local_authority:Devon County Council]] couldn't find a foster \
placement for a girl with her needs. She has autism and PDA. She was sectioned at \
[[hospital:Royal Devon and Exeter]] on [[date:30/08/24]] and the only place they found was in \
another county. I asked for help for six years: CAMHS, the school \
[[school:Exmouth Community College]], everyone. Her NHS number is [[nhs_number:575 513 1376]] in \
case anyone from the trust reads this. The court at [[court:Exeter Combined Court]] granted an \
interim care order, [[case_number:EX24C00204]]. I visit her at [[service:Cedar Lodge]] once a \
month. We live at [[address:4 Quayside Mews]], [[postcode:EX8 1TY]], and you can ring me on \
[[phone:07700 900370]].""",
    """UPDATE on my boy [[child_name:Kayleb]] for everyone whos been asking 🙏 \
[[local_authority:Salford City Council]] have moved contact from \
[[service:Orchard Family Centre]] in [[place:Little Hulton]] to \
[[service:Harmony House contact centre]] which is 2 buses and an hour each way. \
[[child_name:Kayleb]] is [[age:5yo]] and falls asleep on the way home every time. The next \
hearing is at [[court:Manchester Civil Justice Centre]] on [[date:the 4th]], case \
[[case_number:MA23C01177]]. His mum [[first_name:Courtney]] has agreed he should live with me \
and STILL the council say no. Ive got a 2 bed at [[address:52 Wharton Lane]] and a job. Please \
follow on tiktok [[social_handle:@kaylebsdad_salford]] and the campaign page \
[[social_handle:@justice4kayleb]], sign [[url:www.change.org/p/kayleb-deserves-his-dad]] and \
read [[url:www.justice4kayleb.co.uk]]. Email [[email:justice4kayleb@example.com]] or ring \
[[phone:0161 496 0274]]. Section 20 was meant to be voluntary. Nothing about this is voluntary.""",
    """I am the aunt of [[child_name:Destiny-Leigh]] and [[child_name:Kobe]] and I want to record how \
[[local_authority:Leeds City Council]] treated our family. The children were removed from their \
mother's home on [[address:Brackenwood Rise]] in [[place:Seacroft]] on \
[[date:the 23rd of June]]. [[child_name:Kobe]] was [[age:fourteen months]] and had been in the \
[[hospital:LGI]] the week before with a chest infection. I asked to be assessed that day. \
Instead they went to a foster carer through [[service:Brightstart Fostering]] and I had to wait \
eleven weeks for a viability assessment. Contact now takes place at \
[[service:Shine Family Hub]]. The proceedings ([[case_number:LS 23 C 00981]]) are at \
[[court:Leeds Combined Court Centre]]. I have kept a record at \
[[url:www.auntiefordestiny.co.uk]] and post as [[social_handle:@auntie_dl_kobe]]. I can be \
reached on [[phone:0113 496 0517]] or at [[email:destinys.auntie@example.co.uk]].""",
    """I left him in the end. Took my son [[child_name:Tobi]] ([[age:aged 3]]) and went to \
[[service:Nightingale refuge]] with one bag. Before that we lived at \
[[address:19 Fernleigh Road]] in [[place:Catford]] and the police had been out eleven times. \
[[local_authority:Lewisham Council]] knew all of it. When [[child_name:Tobi]] was seen at \
[[hospital:Lewisham Hospital]] with a burn from the iron, it was me they questioned, not him. \
His dad [[first_name:Marcus Okafor-Lane]] has now applied for shared care at the \
[[court:family court in Bromley]] ([[case_number:BR24P00516]]) and he has a barrister and I have \
a McKenzie friend. My refuge keyworker [[titled_name:Ms Achterberg]] says to keep all his \
messages. Anyone who has been through this, I'm on Instagram as \
[[social_handle:@survivingwithtobi]], or email [[email:tobismum.survivor@example.com]], or call \
[[phone:020 7946 0392]]. The NSPCC and Women's Aid have both been brilliant. The family court \
has not.""",
]

HELD_OUT_LOOKALIKES: list[str] = [
    "If you're worried about a child, the NSPCC helpline is 0808 800 5000.",
    "Samaritans are there day and night on 116 123, and they got me through the worst week of my life.",
    "Childline is 0800 1111 and my son rang it once; I'm glad he did.",
    "The National Domestic Abuse Helpline on 0808 2000 247 was the first place that believed me.",
    "I read the guidance on gov.uk about Section 20 and it still made no sense to me.",
    "Cafcass wrote a report about my family without ever visiting our home.",
    "Ofsted rated the local authority inadequate two years running and nothing changed.",
    "My case was heard in a family court in the North West and I lost.",
    "The High Court has said poverty is not neglect, so why does it keep happening?",
    "The Court of Appeal refused permission and that was the end of it.",
    "[name removed] was my social worker for two years and never once asked what I needed.",
    "My son loves Peppa Pig and Paw Patrol, same as any little one.",
    "Judge Judy would have thrown their evidence out in five minutes.",
    "Judge Rinder gets more time to decide about a parking ticket than I got for my children.",
    "Whitehall keeps promising reform and families keep waiting.",
    "Sure Start centres closed everywhere and that's when things started going wrong for people like us.",
    "We moved to a town in Yorkshire for a fresh start, and it followed us.",
    "I grew up in Wales and I've lived in Scotland for ten years.",
    "Cornwall is beautiful but there's no help for families down here.",
    "Every May I light a candle for the children who were taken.",
    "I was reading the bundle on the bus and burst into tears.",
    "It took grace and patience I didn't know I had to sit through that hearing.",
    "We did a big shop at Tesco after contact in case they came home.",
    "The M6 was shut so I was late, and they wrote it down as me not being committed.",
    "The local council never returns my calls, and the duty team just reads from a script.",
    "My solicitor said to keep a diary, so I write everything down every night.",
    "Citizens Advice helped me fill in the legal aid forms.",
    "The Family Rights Group advice line was the first place that explained what a PLO letter meant.",
    "I spent nights on Dr Google trying to understand what a skeletal survey was.",
    "The NHS saved my baby's life, and children's services nearly ruined it.",
    "Mr Tumble was the only thing that calmed him down in the waiting room.",
    "Esther Rantzen started Childline and I wish there was something like it for parents.",
    "Victoria Derbyshire did a programme on family courts and I cried all the way through.",
    "We watched Doctor Who together every Saturday before all this.",
    "I filled in a C100 form and an FL401 on the same day.",
    "Article 8 says we have a right to family life; try telling the local authority that.",
    "Section 97 of the Children Act 1989 means I can't say who my children are, and I respect that.",
    "The 26-week deadline is meant to help children, but it rushed my case.",
    "I was 19 when I had my first and I had no idea what a child protection conference was.",
    "My eldest goes to a primary school near where we used to live.",
    "My grandson is in foster care somewhere in the Midlands and I don't know which town.",
    "The Lake District was our last holiday together as a family.",
    "The Children's Hearings System in Scotland is meant to be less adversarial than a court.",
    "The Housing Executive in Northern Ireland left our house damp for years.",
    "Barnardo's and Action for Children both have good advice pages for parents.",
    "The Local Government and Social Care Ombudsman upheld my complaint in part.",
    "I rang 101 to report it and then 999 when he came back.",
    "NHS 111 told me to take her to A&E and that's where it all started.",
    "The contact centre only opens on weekdays, so my partner has to take unpaid leave.",
    "We're in a refuge now and I'm not allowed to say where.",
    "The mother and baby unit felt like living in a goldfish bowl.",
    "Home-Start sent a volunteer who did more for us in a month than anyone else did in a year.",
    "The President of the Family Division has said transparency will help, and I hope that's right.",
    "Mumsnet threads kept me going at three in the morning.",
    "The A1 was gridlocked and I missed the start of the hearing.",
    "Rose, holly and ivy went into the Christmas wreath I made for the contact room.",
    "We had a car boot sale to raise money for a barrister.",
    "I've learned to deal with the bad days and hope for better ones.",
    "March is always hard because that's when they took them.",
    "Reading the final judgment was worse than hearing it read out.",
    "The Guardian ad Litem was kind, but her recommendation still went against us.",
    "I went to Primark for new school uniform for a child I see for two hours a week.",
    "Our MP's office sent a template reply and a leaflet.",
    "The social worker's name has been removed from this post for legal reasons.",
    "Bill after bill came in while I was fighting for my kids.",
    "Will anyone ever listen to parents like us?",
    "Mark my words, this system will be looked back on as a scandal.",
    "Father Christmas still came to contact, the carers made sure of that.",
    "Dr Seuss was her favourite at bedtime and I still read them to myself.",
    "Mrs Brown's Boys was on in the background when the police knocked.",
    "The Hague Convention is the only reason my ex can't just take them abroad.",
    "My leaving care grant went on a cot that I never got to use.",
    "The paediatrician at the hospital said the bruise was a birthmark.",
    "Legal aid is means tested, and I was five pounds over the limit.",
    "We moved from County Durham to the Highlands and the new council started again from scratch.",
    "My cousin lives in the Valleys and she went through exactly the same thing.",
    "Look on nhs.uk for what a normal red book check should look like.",
    "Room 101 is where I'd put the whole PLO process.",
    "The Joint Committee on Human Rights heard evidence from parents like me.",
    "Hope, faith and a good barrister are what got us through.",
]
