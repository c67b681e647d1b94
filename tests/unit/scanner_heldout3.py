r"""Third held-out part for the story check (s.97 Children Act 1989 identifying details).

Written on 2026-11-30 by a session that had not read the check's code, its tests, the
other corpora or the git history; only the campaigners' texts in /work/shared/seeds/ were
read, for tone. Every story was drafted by hand from scratch: first-person parents,
grandparents, special guardians, kinship carers, care leavers and teenagers, across
England, Wales, Scotland and Northern Ireland, in text-speak, letters, timelines, group
posts, chat logs and statements to MPs. Every person, house number, street, case number,
phone number, email, URL and handle is invented; places, courts, councils, trusts and
hospitals are real UK ones. Phones use Ofcom drama ranges; emails use example.com or
example.co.uk; NHS (and NI health and care) numbers are random but carry a valid
modulus-11 check digit. Schools, family centres and contact centres are mostly invented.

Labelling rules. In HELD_OUT every identifying detail is marked inline as [[kind:text]]
(regex \[\[(?P<kind>[a-z_]+):(?P<text>.*?)\]\], DOTALL); stripping the markers gives the
story. Kinds: child_name (first name, nickname or initial, plus a surname right after),
first_name (an adult's first name, with surname if given), titled_name (title or role word
plus name, e.g. "sw kerry", "HHJ Forsyth", "personal adviser Jade", "Sheriff Kerr"),
postcode (full or outward-only), phone, email, nhs_number, case_number, date (a specific
day, including "the 14th" with its "the"; not a bare year, month, or month and year),
age (a child's age or date of birth, and a school year such as "Year 2" or "P3" only when
given for a named child), school, address (number and street, flat and block, or a named
street), url, social_handle, place (town, city, village, suburb, district or estate; not
regions, nations or counties), court (a named court or hearing centre, e.g. "family court
in Newport"), local_authority (a named council, trust or children's services body),
hospital (named hospital or unit, including nicknames such as "Jimmy's", "the Heath"),
service (named contact centre, family centre, refuge, mother-and-baby unit, assessment
unit or fostering agency). "the" stays outside markers except in dates. Adults' own ages,
unnamed teenagers' school years, helplines, national bodies, the High Court, Cafcass,
Ofsted, Sure Start, Section 20, TV characters, brands, clubs, roads and ordinary words
that are also names (hope, grace, summer, storm, river, faith) are left unmarked.

HELD_OUT_LOOKALIKES are short texts with no identifying detail at all, only words that
look like one: helplines, websites of public bodies, national courts and organisations,
regions, nations and counties, placeholders a moderator would write, TV programmes,
brands, celebrities, roads, clubs and sayings.
"""

HELD_OUT: list[str] = [
    """dont no where else to put this so here goes my 3 kids was took off me on \
[[date:14th feb 2022]] and i still cant breath some days [[child_name:kaylan]] is \
[[age:9yrs]] [[child_name:tia-mae]] is [[age:6]] and the baby [[child_name:storm]] was \
only [[age:11 weeks]] they said neglect but it was the damp in the flat at \
[[address:flat 3 kestrel house]] on the [[place:gipton estate]] [[postcode:ls9]] that the \
council never fixed i told them in may and again in june and nobody came \
[[titled_name:sw kerry]] wrote that i was not engaging when i had no credit on my phone \
[[child_name:storm]] was born at [[hospital:jimmys]] and they had a midwife sat watching \
me feed her like i was a criminal and [[child_name:storm]]s nhs number is \
[[nhs_number:6251648015]] and they still sent her red book to my old address the hearing \
was at [[court:leeds family court]] case no [[case_number:LS22C00591]] and the judge never \
even looked at me now i get contact at the [[service:hawthorn contact centre]] once a \
fortnight for 90 mins and [[child_name:kaylan]] asks every time when hes coming home i \
just say soon babe if anyone has been through [[local_authority:leeds childrens services]] \
and actually won please inbox me i am on here most nights or snap me \
[[social_handle:kaylanmum93]]""",
    """Dear Sir or Madam,

Formal complaint: [[local_authority:Cardiff Council]] Children's Services

I am writing to complain about how my son, [[child_name:Rhys Pritchard]] \
([[age:born 02/09/2016]]), was removed from my care. On [[date:11 January 2023]] \
[[child_name:Rhys]] was placed in foster care under Section 20 while I was at work. Nobody \
told me until six o'clock that evening. His social worker, \
[[titled_name:Ms Bethan Lloyd]], later recorded that I had "agreed" to the placement. I \
had not. I was never asked.

[[child_name:Rhys]] has asthma and is under the respiratory team at \
[[hospital:Noah's Ark Children's Hospital]] (his NHS number is \
[[nhs_number:336 213 2022]]). His inhalers were left behind at our house at \
[[address:27 Heol y Felin]], [[postcode:CF5 4QT]], and for three days he had none.

The case is now before the [[court:Cardiff Civil and Family Justice Centre]] under number \
[[case_number:CF23C00118]]. I ask that the council apologises in writing and explains why \
the Section 20 agreement was never signed by me.

I can be reached on [[phone:07700 900214]] or at [[email:g.pritchard84@example.co.uk]].

Yours faithfully,
[[first_name:Gareth Pritchard]]""",
    """Our timeline (me and my husband [[first_name:Keith]] are now special guardians for \
our granddaughter)

- [[date:2nd June 2020]]: [[child_name:Lacey-Mae]], [[age:aged 3]], taken to \
[[hospital:Furness General]] with a broken wrist. Police called.
- [[date:19/06/20]]: interim care order at [[court:Carlisle Combined Court]]. \
[[child_name:Lacey]] placed with strangers in [[place:Ulverston]].
- [[date:4 August 2020]]: we ask to be assessed. \
[[local_authority:Cumbria County Council]] say we are "too old". I was 61.
- [[date:30th October 2020]]: viability finally done by \
[[titled_name:social worker Dawn Ashby]].
- December 2020: first overnight with us at [[address:14 Sandpiper Walk]], \
[[place:Walney]].
- [[date:17 March 2021]]: special guardianship order made by [[titled_name:HHJ Forsyth]], \
case [[case_number:CA20C00071]].
- Now: [[child_name:Lacey]] is [[age:nearly 7]], in [[age:Year 2]] at \
[[school:Walney Brook Primary]] and doing brilliantly.

We had no legal aid for any of it. If you are a grandparent reading this, ring Family \
Rights Group first, not last.""",
    """PLEASE SHARE 💔 I'm a mum from [[place:Blackpool]] and I'm fighting to get my boys \
home. [[child_name:Alfie-Jay]] ([[age:7]]) and [[child_name:Brody]] ([[age:4]]) were \
placed with foster carers in [[place:Fleetwood]] after my ex kicked the door in at \
[[address:22 Dingle Avenue]], [[postcode:FY4 2JH]]. I was the one who rang the police and \
I'm the one being punished!!! [[local_authority:Blackpool Council]] say I "failed to \
protect". Next hearing is [[date:Thursday 9th November]] at \
[[court:Blackpool Family Court]].

I've set up [[url:gofundme.com/f/bring-alfie-and-brody-home]] for a barrister because \
legal aid won't cover the appeal. Follow my updates on TikTok \
[[social_handle:@alfiesmum_fightingon]]. Anyone who's been to the Court of Appeal please \
DM me. Not asking for money if you can't, even a share helps. #stopforcedadoption \
#mumsunited""",
    """[21:14] Me: mate theyve moved the hearing again
[21:14] Me: its now [[date:the 23rd]] at [[court:Manchester Civil Justice Centre]]
[21:15] [[first_name:Dean]]: ffs. what did the guardian say
[21:17] Me: [[titled_name:Mrs Achebe]] reckons [[child_name:Zayn]] wants to live with me \
but shes "keeping an open mind" 🙄
[21:18] Me: hes [[age:10]] bro he knows his own mind
[21:18] [[first_name:Dean]]: course he does. is he still at [[school:Oak Bank Primary]]
[21:19] Me: yeah they kept him there thank god. his mams moved to [[place:Wythenshawe]] \
tho so its 2 buses every morning
[21:21] Me: can u send me that solicitors number
[21:22] [[first_name:Dean]]: [[phone:0161 496 0732]] ask for [[first_name:Priya]] shes \
sound
[21:22] Me: legend 🙏
[21:25] Me: also [[titled_name:sw Daniel]] emailed me from \
[[email:d.okoro.cs@example.co.uk]] asking for my address AGAIN like i havent told them 4 \
times
[21:26] [[first_name:Dean]]: send it again and screenshot everything. and stop watching \
Judge Rinder at 2am its not helping 😂""",
    """Statement for my constituency MP

My name is [[first_name:Thomas Docherty]]. My wife [[first_name:Margaret]] and I are the \
grandparents of [[child_name:Eilidh]], who is [[age:8]], and [[child_name:Callum]], who is \
[[age:5]]. Since [[date:16 September 2022]] the children have been on a compulsory \
supervision order and living with foster carers in [[place:Cumbernauld]], after a referral \
by [[local_authority:Glasgow City Council]] social work.

We live at [[address:41 Glenview Crescent]], [[place:Easterhouse]], [[postcode:G34 9PL]], \
three streets from the children's school, [[school:Wellhouse Primary]]. We have been \
assessed twice. Both reports called us "protective and loving". Both times the Children's \
Hearing followed the social work recommendation anyway. Our appeal was refused at \
[[court:Glasgow Sheriff Court]] on [[date:2nd May 2023]].

I am not asking you to interfere in a court case. I am asking why grandparents in Scotland \
get no legal aid as of right, why the Children's Reporter never answered our letters, and \
why [[child_name:Callum]], who has a heart murmur and is seen at the \
[[hospital:Royal Hospital for Children]], now travels an hour each way to his \
appointments.

You can reach me on [[phone:07700 900388]] or [[email:tam.docherty56@example.com]]. Our \
story is also at [[url:www.example.co.uk/docherty-grandparents]].""",
    """Writing this for the group because yous have kept me going. My wee girl \
[[child_name:Caoimhe]] was born in the [[hospital:Royal Jubilee Maternity]] on \
[[date:7th December 2021]] and the Trust had her plan done before she was even out of me. \
[[local_authority:Belfast Health and Social Care Trust]] said it was because of my history \
with my ex, but I'd left him eight month before that and had a non-mol. She went to a \
foster placement in [[place:Lisburn]] at [[age:two days old]]. I got contact three times a \
week in a room at [[service:Glenshane Family Centre]] with a woman writing down every time \
I checked my phone. My solicitor [[titled_name:Mr Devlin]] was brilliant but the judge at \
[[court:Laganside Courts]] made the care order anyway, case no [[case_number:21/045213]]. \
I'm from [[place:Andersonstown]] and I'm not ashamed of that. [[child_name:Caoimhe]] is \
[[age:nearly 2]] now and I see her four times a year. Sure Start were the only ones who \
ever asked how I was doing. I write a wee blog at [[url:caoimhesmammy.example.com]]. If \
anybody needs to talk, Lifeline is 0808 808 8000 and they're class.""",
    """My name is [[first_name:Donna]]. I have a learning disability. My advocate helps me \
write this.

They took my baby [[child_name:Harmony]] when she was [[age:3 days old]]. We was in the \
[[hospital:Royal Oldham Hospital]]. They said I can not keep her safe. I did the parenting \
course at [[service:Foxholes Family Centre]] and I got a certificate. Nobody read it.

The judge was called [[titled_name:Judge Kaur]]. She was kind but she said adoption. It \
was at [[court:Manchester Civil Justice Centre]].

The social worker said I do not understand. I understand. I am slow but I am not stupid. \
Nobody did the easy read papers for me. [[local_authority:Rochdale Borough Council]] said \
sorry after but it was to late.

[[child_name:Harmony]] is [[age:2]] now. I get a letter one time a year. I keep her photo \
by my bed at [[address:9 Primrose Bank]] in [[place:Rochdale]] [[postcode:OL12]]. I love \
her every day. My mum says Mencap can help. I want other mums like me to know you are \
allowed a advocate. Ask for one.""",
    """Hello. I am from Poland, my English is not so good, sorry. I live in \
[[place:Peterborough]] 9 years. My children [[child_name:Oliwia]] ([[age:11]]) and \
[[child_name:Dawid]] ([[age:6]]) are in foster care from [[date:3 May 2023]]. School say \
[[child_name:Dawid]] have bruise on arm. It was from football, he fall. Nobody listen.

They check [[child_name:Dawid]] in [[hospital:Peterborough City Hospital]], doctor say \
maybe accident, maybe not. Interpreter in court was Russian speaking, not Polish, I \
understand only half. The social worker [[titled_name:Mrs Campbell]] write I am "hostile". \
I am not hostile, I am scared. [[child_name:Dawid]] go to \
[[school:Eastfield Park Primary]], he miss his friends.

Court is [[court:Peterborough Combined Court Centre]], number [[case_number:PE23C00208]]. \
[[local_authority:Peterborough City Council]] say maybe children go back in summer if I do \
course. I do every course.

If someone speak Polish and know this system, please write me on \
[[email:ania.kowalczyk@example.com]] or phone [[phone:07700 900561]]. Thank you. \
[[first_name:Ania]]""",
    """I was in care myself from eleven to eighteen, mostly in a children's home in \
[[place:Bransholme]]. When I got pregnant at nineteen the leaving care team referred me to \
[[local_authority:Hull City Council]] children's services before I'd even had my first \
scan. Nobody said it out loud but the reason was my own file.

My daughter [[child_name:River]] was born at [[hospital:Hull Royal Infirmary]] on \
[[date:the 2nd of April]] and removed when she was [[age:36 hours old]]. I wasn't allowed \
to do her first bath. The parenting assessment was crammed into six weeks at \
[[service:Goodwin Family Centre]], with me coming in on two buses with a C-section scar.

My PA, [[titled_name:personal adviser Jade]], was the only professional who stood up for \
me. Case number [[case_number:HU23C00046]] if any journalist wants to ask for the \
judgment.

[[child_name:River]] is [[age:18 months]], her NHS number is [[nhs_number:822 847 5322]], \
and she lives with my auntie in [[place:Bridlington]] under an SGO, so at least she's with \
family. I post about being a care-experienced mum on Instagram at \
[[social_handle:@careleaver_mam_hu]] and I've started a blog at \
[[url:www.example.com/river-and-me]].""",
    """I left [[first_name:Carl Bradbury]] on [[date:28th January 2021]] with my daughter \
[[child_name:Hope]] still in her school uniform and our stuff in two carrier bags. We went \
to [[service:Willow Lodge refuge]] and the workers there were amazing. What I didn't \
expect was that [[local_authority:Stoke-on-Trent City Council]] would then treat me as the \
risk. Because I'd gone back to him once, years before, they said I couldn't be trusted to \
stay away.

[[child_name:Hope]] was [[age:8]] and had just moved to [[school:Hanley Park Juniors]]. I \
had no hope left that winter, honestly. After he broke my jaw I was treated at \
[[hospital:Royal Stoke]], and it's all in the police disclosure.

He then applied for contact. At [[court:Stoke-on-Trent Combined Court]], \
[[titled_name:DJ Whitcombe]] ordered supervised contact at the \
[[service:Bridge contact centre]] every other Saturday. [[child_name:Hope]] used to hide \
in the toilets there.

To any mum in the same place: the National Domestic Abuse Helpline is 0808 2000 247, and \
ask your solicitor about Practice Direction 12J on day one, not day ninety.""",
    """im [[age:15]] and im writing this myself cos nobody asks me anything. i live in a \
childrens home in [[place:Port Talbot]] and my mams in [[place:Townhill]] and my little \
brother [[child_name:Tyler-James]] got adopted when he was [[age:4]]. i was in Year 6 \
then. nobody told me he was going i found out from my mam on facebook. my \
[[titled_name:sw rhian]] says i can have letterbox but thats a letter once a year and hes \
not allowed to know my surname. i used to put him to bed every night and do his cheerios. \
i go to [[school:Ysgol Gyfun Cwm Glas]] and im doing alright in Year 10 actually, welsh \
and art. i just want someone to tell me hes ok. if your a kid in care reading this \
Childline is 0800 1111 and the Voices from Care Cymru lot are decent. you can add me on \
snap [[social_handle:tj.bigsis.x]] if u want to talk i wont judge u""",
    """We are [[first_name:Linda]] and [[first_name:Graham]], and we live in \
[[place:Thetford]]. In 2019 our great-niece [[child_name:Precious]] came to us as an \
emergency placement at [[age:18 months old]], after her mum was admitted to the \
[[hospital:Norfolk and Norwich]]. We were approved as kinship foster carers by \
[[local_authority:Norfolk County Council]] and had a supervising social worker, \
[[titled_name:Mrs Okafor]], who was worth her weight in gold.

When the plan changed to long-term fostering with strangers, because "connected placements \
break down", we applied for a special guardianship order instead. The final hearing was at \
[[court:Norwich Combined Court Centre]] on [[date:22nd November 2021]]. We won.

[[child_name:Precious]] is now [[age:6]] and in [[age:Year 1]] at \
[[school:Abbey Meadow Primary]]. She has sickle cell, and her NHS number is \
[[nhs_number:963 382 8112]] so that her care plan follows her everywhere. The SGO \
allowance was halved last year without any notice. If anyone from \
[[local_authority:Norfolk Children's Services]] is reading, our number is \
[[phone:07700 900047]]. We have written three times.""",
    """I am a Nigerian dad living in [[place:Peckham]] and I want other fathers to know \
what happened to me. My son [[child_name:Tobi]] (full name \
[[child_name:Oluwatobiloba Adeyemi]]) was taken into care on [[date:12/10/22]] after his \
mother's breakdown. I was working nights and [[local_authority:Southwark Council]] never \
once called me. I found out when my pastor, [[titled_name:Pastor Femi]], rang me from \
[[hospital:King's College Hospital]].

At the first hearing at [[court:East London Family Court]] the local authority said I had \
"no relationship" with [[child_name:Tobi]]. I had every school report from \
[[school:Crystal Rise Primary]] with my name on it. I paid for my own DNA test. \
[[titled_name:Recorder Whitfield]] ordered a parenting assessment of me, and it came back \
positive.

[[child_name:Tobi]] came home to me at [[address:flat 41 Marigold Court]], \
[[postcode:SE15 2RG]], on [[date:9 June 2023]]. He is [[age:7]] and supports Arsenal like \
his dad. Any father who wants to talk, write to [[email:kunle.adeyemi77@example.co.uk]]. I \
wrote the full story at [[url:https://example.com/fathers/tobi-came-home]]. Do not give \
up.""",
    """Long post sorry. Our son [[child_name:Kaiden]] was [[age:4 months]] when we took \
him to [[hospital:Alder Hey]] with a swollen leg on [[date:26th December]]. They found a \
fracture and by the next morning the police were at our house in [[place:Toxteth]] \
([[postcode:L8]]). Eight months of fact-finding followed.

In the end the experts found [[child_name:Kaiden]] has a form of brittle bones, and \
[[titled_name:HHJ Rawlinson]] said at [[court:Liverpool Civil and Family Court]] that \
there were no findings against either of us. Case number [[case_number:LV22C00934]]. But \
[[local_authority:Liverpool City Council]] still kept him with my mam in [[place:Speke]] \
for another three months "to transition". My partner [[first_name:Jordan]] lost his job \
over it. [[child_name:Kaiden]]'s NHS no. is [[nhs_number:311 945 4036]] if any other \
parent's expert wants to compare notes.

[[child_name:Kaiden]] is [[age:2]] now, walking and bossing us about. If it's happening to \
you, ask for a genetic test early and look up the Brittle Bone Society. I share his \
progress at [[url:https://www.facebook.com/kaidensbonesjourney]] if anyone wants to \
follow.""",
    """My name [[first_name:Shazia]]. I live in [[place:Manningham]], [[place:Bradford]]. \
My English is little, my sister help me write.

My daughter [[child_name:Aisha]] is [[age:13]]. She run away two times, police bring her \
home. Then [[local_authority:Bradford Council]] say she must go in foster, because they \
think we make her marry. This is not true. Nobody say marry. She go to \
[[school:Lister Hills Girls Academy]], she is clever, she want to be doctor.

Social worker [[titled_name:Mr Hussain]] speak Urdu, he is okay. But the other one, \
[[titled_name:Miss Roberts]], she write my husband is controlling because he answer the \
phone. Court is [[court:Bradford Combined Court]], next date [[date:15/01/2024]]. My son \
[[child_name:Ibrahim]] ([[age:9]]) cry every night, he miss his sister.

Please who can help, my phone [[phone:0113 496 0258]]. Allah is witness we love her.""",
    """To whom it may concern,

I am [[first_name:Marcia Campbell]], aged 67, grandmother to [[child_name:Jayden]] \
([[age:12]]), [[child_name:Shanice]] ([[age:9]]) and [[child_name:Malachi]] ([[age:3]]). I \
have lived at [[address:58 Dovecote Road]], [[place:Handsworth]], [[postcode:B21 9QE]] for \
thirty-one years.

When my daughter was admitted to [[hospital:Birmingham City Hospital]], \
[[local_authority:Birmingham Children's Trust]] placed all three children in separate \
foster homes, one as far away as [[place:Tamworth]]. I offered to take them that same \
night. I was told my home was "overcrowded". It has three bedrooms.

The matter is listed at the [[court:Birmingham Civil and Family Justice Centre]] under \
[[case_number:BM23C00362]]. The children's guardian, [[titled_name:Ms Nwosu]], has \
supported a full assessment of me. [[child_name:Malachi]] was settled at \
[[school:Little Stars Nursery]] and has lost that too.

I raised four children of my own and I still run the Sunday school at church. I can be \
contacted on [[phone:07700 900719]].

Yours sincerely,
[[titled_name:Mrs M. Campbell]]""",
    """I'm autistic and I'm a dad, and that's two things the local authority couldn't hold \
in their heads at once. My daughter [[child_name:Summer]] is [[age:5]]. She was born in \
the summer, which is why we chose it, and she loves the summer holidays at her nan's.

After her mum left, [[local_authority:Hartlepool Borough Council]] sent me for a parenting \
assessment at [[service:Parkview Assessment Centre]]. The assessor wrote that I had "flat \
affect" and "poor eye contact" as if that proved I couldn't love her. \
[[titled_name:Dr Sethi]], the psychologist the court appointed, said the opposite and \
recommended adjustments: written agendas, breaks, no phone calls out of the blue.

The final hearing at [[court:Teesside Combined Court Centre]] is on \
[[date:Monday the 4th]]. [[child_name:Summer]] had her grommets done at the \
[[hospital:University Hospital of Hartlepool]] last spring and I was there for every \
appointment. We live in [[postcode:TS24]] and I'll keep going. If anyone has used the \
National Autistic Society's advice line for a court case, email me at \
[[email:summersdad.hpool@example.com]]. I blog at [[url:www.example.org/summersdad]].""",
    """hey all, quick update from me and [[child_name:Bobby]] 💙 some of you know he went \
into foster care in [[place:Plymouth]] after my overdose last year. I'm nearly 14 months \
clean now. [[local_authority:Plymouth City Council]] agreed to a reunification plan and \
we've been doing contact at [[service:Tamar View Family Centre]] three times a week. \
[[titled_name:IRO Sandra]] said at the review she's never seen a turnaround like it!!

[[child_name:Bobby]] is [[age:3 and a half]] and obsessed with Paw Patrol and Peppa Pig. \
He had his check-up at [[hospital:Derriford]] (NHS number [[nhs_number:887 476 5215]]) on \
[[date:Friday 14th July]] and he's gained weight. Final hearing at \
[[court:Plymouth Combined Court]] is booked for the autumn.

I'm back in my old flat at [[address:7 Kinross Walk]], [[place:North Prospect]], and I've \
decorated his room with dinosaurs. I'm sharing the journey on Insta \
[[social_handle:@bobbysmumma_recovery]] and there's a longer write-up on my blog \
[[url:bobbyandme.example.co.uk]]. NA meetings saved my life, keep coming back x""",
    """To: Complaints Team, [[local_authority:Kent County Council]]
Re: [[child_name:Amelia-Rose Hart]], [[age:DOB 21/07/2019]]

I wish to make a Stage 2 complaint.

1. On [[date:5th September 2023]] a child protection visit took place at our home, \
[[address:17 Gull Terrace]], [[place:Cliftonville]], [[postcode:CT9 2LB]], without notice, \
while I was collecting my son from school.
2. The report states that the home was "unhygienic". The photographs were taken on bin \
day.
3. The referral came from [[titled_name:health visitor Lorraine]] after \
[[child_name:Amelia-Rose]] missed one weight check at the [[hospital:QEQM]] because we had \
no bus fare.
4. At the hearing at [[court:Canterbury Combined Court Centre]] on [[date:the 19th]] the \
local authority's barrister repeated the word "unhygienic" four times. The judge did not \
make an interim care order.

I ask for the report to be corrected and for an apology. Please reply to \
[[email:kirsty.hart.margate@example.com]] or call [[phone:07700-900-482]].

[[first_name:Kirsty Hart]]""",
    """Dad's diary, kept for my solicitor

- [[date:Mon 6th Feb]]: [[child_name:Cerys]] ([[age:4]]) taken to [[hospital:Royal Gwent]] \
by her mum's boyfriend with burns on her hand. I'm told by text.
- [[date:7 Feb]]: strategy meeting. Not invited. [[local_authority:Newport City Council]] \
say I'm "not relevant" even though I have PR.
- [[date:14/02/23]]: first hearing at the [[court:family court in Newport]]. Case \
[[case_number:NP23C00015]].
- [[date:28th February]]: [[child_name:Cerys]] placed with me at \
[[address:Flat 2, 19 Ffordd Gwenllian]].
- [[date:2 March]]: contact for her mum starts at [[service:Maindee Family Centre]].
- [[date:the 20th]]: Cafcass Cymru report recommends [[child_name:Cerys]] stays with me.
- Now: [[child_name:Cerys]] is at [[school:Ysgol Gymraeg Cwm Gwyn]] and learning more \
Welsh than me. Burns clinic letters go under her NHS number [[nhs_number:308 704 9611]].

I'm writing it all down because nobody writes down what dads say.""",
    """I'm [[child_name:Lachlan]]'s gran and I've had him since he was \
[[age:nine weeks old]]. His mammy was in the [[hospital:Royal Infirmary of Edinburgh]] for \
months after he was born and there was nobody else. We stay in [[place:Wester Hailes]], \
[[postcode:EH14 2QW]], in a two-bedroom flat on the fourth floor.

[[local_authority:City of Edinburgh Council]] called it a kinship placement and paid an \
allowance, then told me to get a kinship care order at [[court:Edinburgh Sheriff Court]] \
so they could "step back". [[titled_name:Sheriff McAllister]] granted it on \
[[date:10 October 2022]] and the money stopped the next month.

[[child_name:Lachlan]] is [[age:6]] now and in [[age:P2]] at \
[[school:Calders Park Primary]]. He's a wee star, loves Hibs and Bluey. I'm 64 with bad \
knees. I'm no complaining about him, he's my world, but nobody tells grannies what they're \
signing away. Write to me at [[email:gran.mcleod.edi@example.co.uk]] if you're in the same \
boat. Kinship Care Advice Service for Scotland helped me more than anybody.""",
    """My son [[child_name:Oisín]] was [[age:14 months]] when the Trust took him. We lived \
in [[place:Creggan]] with my mammy. I had post-natal depression and I asked for help, \
that's the bit that kills me, I asked. The health visitor, [[titled_name:Mrs Doherty]], \
was lovely, but once it went to [[local_authority:Western Health and Social Care Trust]] \
it was like I was a case not a person.

He was taken from the ward in [[hospital:Altnagelvin]] on [[date:18th March 2022]] after \
I'd brought him in with a temperature. The hearing was at \
[[court:Bishop Street Courthouse]] and my barrister said the judge had no choice with the \
reports the way they were.

He's back home with me since [[date:1 August 2023]]. It took a residential placement at \
[[service:Thorndale Parenting Unit]] and seventeen months of my life. [[child_name:Oisín]] \
is [[age:nearly 3]] (H&C number [[nhs_number:717 305 0162]], for the complaint) and talks \
the ears off everybody. I run a wee page for mums in [[place:Derry]] going through it, \
[[social_handle:@derrymammys_support]] on Facebook. Message me any time or email \
[[email:oisinsmammy@example.co.uk]]. You're not on your own.""",
    """tbh dont even no why im posting this but my twins [[child_name:Destiny]] and \
[[child_name:Divine]] are [[age:3yo]] and i aint seen them since [[date:21/08/23]] \
[[local_authority:haringey]] said i was "disguised compliance" whatever that means. \
[[local_authority:Haringey Council]] moved them to a foster carer in [[place:Enfield]] and \
i live on [[place:Broadwater Farm]] so thats 2 buses and i work at tesco so i keep missing \
contact and then they write i dont turn up. the babies was born at [[hospital:North Mid]] \
and i had them 3 years on my own no problems. court is at the \
[[court:Central Family Court]] next month, my solicitor is [[titled_name:Miss Adebayo]] \
shes trying her best. my address is [[address:flat 88 Kenley Point]] if any1 from the \
group lives near and can come with me to the next hearing, or ring me \
[[phone:020 7946 0419]] after 6. not asking for pity i just want my girls back""",
    """My son [[child_name:Ayaan]] was [[age:8]] when this started and he is [[age:11]] \
now. In this post I'll call him [[child_name:A]] because his mum reads this group.

I have bipolar disorder and I was sectioned for three weeks at \
[[hospital:Dewsbury District Hospital]] in 2020. When I came out, \
[[local_authority:Kirklees Council]] put [[child_name:A]] on a child protection plan even \
though he was living with me and his nani in [[place:Ravensthorpe]] and was fine. The plan \
ended but his mum then applied for sole residence and used the whole thing against me.

The case went to [[court:Leeds Combined Court Centre]], number [[case_number:LS21P00871]]. \
[[titled_name:DJ Mahmood]] ordered a section 7 report. Cafcass were fair, to be honest. I \
now have [[child_name:A]] every other weekend and half the holidays.

If you're a dad with a mental health diagnosis, don't hide it, show the plan you have in \
place. My crisis plan is on the NHS app and my GP letters go in every bundle. Handovers \
now happen at the [[service:Thornhill Lees contact centre]]. Happy to talk: \
[[email:ayaansdad.wy@example.com]], [[phone:07700 900145]] or \
[[social_handle:@AyaansDad_WY]] on X. Long version: \
[[url:http://example.net/bipolar-dad-diaries]].""",
    """I gave birth to my daughter [[child_name:Ruby-Lou]] in the [[hospital:Jessop Wing]] \
on [[date:3rd November 2022]]. Within an hour a social worker I'd never met was at the \
foot of the bed. I'm writing her initials, [[child_name:RL]], on my socials because I'm \
not allowed to say more while proceedings are live.

I'm 20 and I was care experienced in [[place:Sheffield]], and I lived in a flat at \
[[address:Flat 6, Norwood Point]], [[postcode:S2 5PQ]], in [[place:Park Hill]]. They said \
my flat was unsuitable and my partner was a risk. I'd left him. I went into a mother and \
baby foster placement for twelve weeks, and the carer's report was good, but \
[[local_authority:Sheffield City Council]] still went for a placement order at \
[[court:Sheffield Combined Court Centre]].

[[child_name:RL]] is [[age:1]] now and I get supervised contact monthly. Her NHS number is \
[[nhs_number:928 856 0181]]; I've asked for her red book to be shared with me and been \
refused. I write about it at [[url:https://example.com/blog/notagainstme]] and on X at \
[[social_handle:@RLsmumma]].""",
    """I had a psychotic episode eleven days after my daughter [[child_name:Grace]] was \
born, and I want to say this clearly: getting ill is not the same as being a bad mother. \
By the grace of God and a brilliant team, we were kept together.

I was admitted to the [[service:Margaret Oates Mother and Baby Unit]] with \
[[child_name:Grace]] at [[age:two weeks old]]. [[local_authority:Nottingham City Council]] \
were involved from the start, and for a while the plan was foster care. \
[[titled_name:Dr Osei]], the consultant, wrote a report saying that separation would harm \
my recovery and [[child_name:Grace]]'s attachment.

We went home to [[address:33 Farnborough Road]] in [[place:Clifton]], \
[[postcode:NG11 8LX]], on [[date:12 February 2023]]. The case at \
[[court:Nottingham County Court and Family Court]] ended with a twelve-month supervision \
order, case number [[case_number:NG22C00514]]. [[child_name:Grace]] is [[age:17 months]] \
and walks like a drunk penguin.

If you're in hospital after birth, ask if there's an MBU. Action on Postpartum Psychosis \
is a charity that helps. My follow-ups were at [[hospital:QMC]] and her NHS number is \
[[nhs_number:880 303 7640]] in case the health visitors ever need to link records.""",
    """Dads don't get heard, so here is my story. My ex and I split in 2021. Our kids \
[[child_name:Mason]] ([[age:10]]) and [[child_name:Skye]] ([[age:7]]) lived with her in \
[[place:Blackbird Leys]]. In the early hours of [[date:2 April 2022]] she was arrested and \
[[local_authority:Oxfordshire County Council]] placed the kids in emergency foster care \
rather than ring me, because I was "not on the system".

I got them back after a hearing at [[court:Oxford Combined Court Centre]] on \
[[date:the 14th]] of that month. [[titled_name:HHJ Pemberton]] said she couldn't \
understand why nobody had phoned the father. [[child_name:Skye]] had been seen at the \
[[hospital:John Radcliffe]] for a chest infection while in care and nobody told me that \
either.

They're both at [[school:Orchard Meadow Primary]] now and [[child_name:Mason]] starts at \
secondary after the summer. I tweet about fathers' rights at \
[[social_handle:@oxdad_twoofthem]] and I'm on [[phone:07700 900883]] if a dad needs a \
chat. Not a solicitor, just been there.""",
    """Helo pawb. I'm posting for my daughter who can't face it. Her children \
[[child_name:Ffion]] ([[age:9]]) and [[child_name:Gethin]] ([[age:6]]) were removed on \
[[date:4th July 2023]] from their home at [[address:23 Ffordd Elwy]], [[place:Rhyl]], \
[[postcode:LL18 3RD]].

[[local_authority:Denbighshire County Council]] say neglect. [[child_name:Gethin]] has \
type 1 diabetes and had a hypo at school, and he was taken by ambulance to \
[[hospital:Glan Clwyd]]. After that it all snowballed. He's under the paediatric diabetes \
team, NHS number [[nhs_number:652 960 2593]], and his mam had never missed a clinic.

The children are with me, their nain, in [[place:Prestatyn]] under an interim order from \
the [[court:family court in Wrexham]]. I'm 58 and I'll do whatever it takes, but I need \
advice on special guardianship in Wales. Is it the same as England? [[child_name:Ffion]] \
is in [[age:Year 4]] at [[school:Ysgol Bryn Elwy]] and her teacher has been wonderful. \
Please phone me on [[phone:07700 900126]], I'm not good with Facebook. Diolch yn fawr.""",
    """My grandson [[child_name:Bryn]] and granddaughter [[child_name:Seren]] are the \
reason I get up in the morning. I'm [[first_name:Glenys Price]] and I live on the \
[[place:Gurnos]] in [[place:Merthyr]]. When my son went to prison, their mam couldn't cope \
and [[local_authority:Merthyr Tydfil County Borough Council]] took them into care on \
[[date:13.09.2022]].

[[child_name:Seren]] was only [[age:five months]]. She'd been in and out of \
[[hospital:Prince Charles Hospital]] with reflux. [[child_name:Bryn]] was [[age:three]] \
and didn't speak for weeks after.

I went to every hearing at [[court:Merthyr Tydfil Combined Court Centre]]. The social \
worker, [[titled_name:Mr Hopkins]], fought my assessment because I smoke. I gave up, cold \
turkey, on [[date:1st January 2023]]. They came to me in March 2023 and we had the SGO in \
the autumn. Case number [[case_number:MT22C00187]] if my solicitor ever asks me again.

They're both at [[school:Ysgol Santes Tudful]] now and [[child_name:Seren]] calls me \
Mamgu. Anybody in the Valleys doing kinship care, there's a support group on Tuesdays. \
Ring me on [[phone:07700 900932]] or find us at \
[[url:facebook.com/groups/gurnoskinshipnans]].""",
    """my girls [[child_name:liberty]] and [[child_name:faith]] are [[age:12]] and \
[[age:10]] and they been in care since [[date:the 9th of may]] last year. everyone kept \
saying keep the faith it will get sorted but nothing gets sorted. \
[[local_authority:middlesbrough council]] said my house in [[place:north ormesby]] wasnt \
fit cos of the mould and cos my partner [[first_name:lee]] has a record from when he was \
17. [[child_name:faith]] has epilepsy and was under [[hospital:james cook]] and her meds \
got mixed up twice in foster care i have screenshots. her nhs no is \
[[nhs_number:4798305626]] so they cant say they didnt know who she was. the case is at \
[[court:teesside combined court centre]] number [[case_number:MB22C00650]] and the \
guardian [[titled_name:mr oduya]] actually listened to the girls which is more than the sw \
did. [[child_name:liberty]] goes to [[school:ormesby beck academy]] and she wrote the \
judge a letter herself. i dont want money or nothing i just want the girls home by \
christmas. if u need to talk my number is [[phone:07700 900305]] or find me on tiktok \
[[social_handle:@libertyandfaithsmam]]""",
    """Update for everyone who asked 🙏 [[child_name:Jax]] is HOME!!! (TikTok followers, \
hi, it's [[social_handle:@jaxsmam_sld]] here) After 14 months with foster carers in \
[[place:Washington]], [[titled_name:HHJ Ellery]] at \
[[court:Newcastle Civil and Family Courts and Tribunals Centre]] made a supervision order \
on [[date:Wednesday 6th March]] and he came back to our house in [[place:Pennywell]] that \
night.

[[local_authority:Together for Children]] fought it right up to the end. \
[[child_name:Jax]] is [[age:5]] and has ADHD, and they kept saying I couldn't manage his \
behaviour. The paediatrician at [[hospital:Sunderland Royal]], \
[[titled_name:Dr Lindqvist]], wrote that his behaviour got WORSE in care and that he \
needed his mam.

Massive thanks to [[first_name:Sharon]] from [[service:Pennywell Family Hub]] who came to \
every meeting with me. And to everyone who shared [[url:change.org/p/bring-jax-home-now]]. \
It didn't change anything legally but it kept me going. He's already asked for a \
Spider-Man cake for his birthday x""",
    """I'm a dad from [[place:Balby]] and I want to share what \
[[local_authority:Doncaster Children's Services Trust]] did to me and my son \
[[child_name:Tommy-Lee]].

On [[date:17 April 2021]] [[child_name:Tommy-Lee]], who was [[age:13 months]], fell off \
the sofa while I was making his bottle. I took him straight to [[hospital:DRI]] myself. \
They did a skeletal survey and found nothing but a bruise, but because I was a young dad \
with a caution for cannabis the hospital made a referral anyway.

He went to foster carers for six weeks. The first hearing was at \
[[court:Doncaster Justice Centre]], case [[case_number:DN21C00299]], and \
[[titled_name:District Judge Hale]] sent him home to me with a written agreement. Six \
weeks of his life he won't remember and I'll never forget.

He's [[age:4]] now and starts reception at [[school:Carr Lane Primary]] in September. We \
moved to [[address:86 Kestrel Rise]], [[postcode:DN4 0QT]], to be nearer my mum. If a \
hospital ever refers you, ask for the radiology report in writing, and ask who made the \
referral and why.""",
    """I come from Uganda and I write in simple English. My daughter \
[[child_name:Blessing]] is [[age:7 years]]. She is truly a blessing to me.

One day she tell her teacher at [[school:Norwood Grove Primary]] that mummy smack her with \
slipper. It was one time, I was wrong, I know now in UK it is not allowed like back home. \
[[local_authority:Croydon Council]] take her same day to a foster mother in \
[[place:Purley]]. I did not see her for nine days.

My pastor [[titled_name:Reverend Okello]] come with me to every meeting. I do parenting \
course, I do everything they ask. The judge at \
[[court:Croydon County Court and Family Court]] say [[child_name:Blessing]] can come home \
on [[date:30th November 2022]] with a plan.

Now we are good. She is in Brownies and she want to be nurse at \
[[hospital:Croydon University Hospital]] like her auntie. I share this so African mothers \
know: ask for interpreter, ask for cultural advice, and do not be too proud to say sorry. \
My email [[email:grace.nambi@example.com]].""",
    """I am [[first_name:Mihai]], I am from Romania, I work in construction. My English is \
okay but not for court words.

My children [[child_name:Andrei]] ([[age:8]]) and [[child_name:Ionela]] ([[age:5]]) were \
taken when their mother was arrested for shoplifting in [[place:Stratford]]. I was working \
in [[place:Birmingham]] that week. [[local_authority:Newham Council]] put them in foster \
care and told me I must do DNA test to prove I am father, even though my name is on the \
birth certificates from [[hospital:Newham University Hospital]].

The hearing was at [[court:East London Family Court]], case [[case_number:ZE23C00418]]. \
The interpreter was good. [[titled_name:HHJ Brennan]] ordered that the children come to me \
at [[address:Flat 9, 140 Romford Road]], [[postcode:E7 9HB]], on [[date:the 11th]] and \
they did.

Social worker [[titled_name:Ms Ferreira]] was fair in the end. She gave me her number \
[[phone:020 7946 0873]] and she always answered. I write this because other Romanian \
fathers think they have no rights here. You have rights. Go to Citizens Advice, ask for \
legal aid.""",
    """So this is my story, long one, grab a brew ☕

I'm [[first_name:Jade]] and I'm mum to [[child_name:Lexi]] ([[age:6]]) and \
[[child_name:Ollie]] ([[age:2]]). We live in [[place:Little Hulton]]. Last year I took \
[[child_name:Ollie]] to [[hospital:Royal Bolton Hospital]] with a head bump and by the end \
of the night I was being interviewed by a police officer and \
[[local_authority:Salford City Council]] had both kids in foster care.

Turned out [[child_name:Ollie]] had a bleed that could have been a birth injury. Took five \
months and three experts to say so. [[court:Manchester Civil Justice Centre]], case \
[[case_number:MA23C00145]]. The kids came home on [[date:Friday 29th September]].

I started a petition for independent medical experts to be funded from day one, \
[[url:https://www.change.org/p/fund-experts-from-day-one]], it's got 2,000 signatures. \
I've also got a TikTok where I talk about it, [[social_handle:@lexiandolliesmum]]. The \
Transparency Project and Nuffield have done loads on this if you want reading. Love to you \
all xx""",
    """Sat Sri Akal everyone. I am [[first_name:Jaspal]], father of [[child_name:Harleen]] \
who is [[age:14]]. I want to share what happened so other Punjabi families know.

In the summer of 2022 [[child_name:Harleen]] told her school counsellor she did not feel \
safe at home because we had an argument about her phone. \
[[local_authority:Sandwell Children's Trust]] took her into foster care under Section 20 \
that same day. We signed the paper because they said it was only for the weekend. It was \
four months.

She was placed in [[place:Wednesbury]] with a lovely carer, I will be honest. But nobody \
spoke to my wife in Punjabi. Nobody asked [[child_name:Harleen]]'s nani. When \
[[child_name:Harleen]] self-harmed she was taken to [[hospital:Sandwell General]] and we \
were told the next day.

The case went to [[court:Wolverhampton Combined Court Centre]] and the guardian, \
[[titled_name:Mrs Sandhu]], recommended she come home with family therapy. Now she is home \
with us in [[place:West Bromwich]], in [[age:Year 10]] at [[school:Stoney Lane Academy]], \
and doing her GCSE options.

Please, if they ask you to sign Section 20, read it first and ask for it in your language. \
You can write to me at [[email:jaspal.s.family@example.co.uk]]. Waheguru bless all the \
families going through this.""",
    """I'm sharing this with permission from my partner. Our daughter \
[[child_name:Maisie]] was [[age:aged 2]] when a neighbour rang the NSPCC (0808 800 5000) \
about shouting. It was us arguing about money, nothing more, and I'm not proud of it.

[[local_authority:Gloucestershire County Council]] did a section 47 and then a child \
protection conference on [[date:8th August 2022]]. The chair said our flat at \
[[address:Flat 4, 61 Bristol Road]] in [[place:Tuffley]] was "chaotic". The social worker, \
[[titled_name:Miss Pearce]], had visited once, at 8am, unannounced.

[[child_name:Maisie]] had a routine check at [[hospital:Gloucestershire Royal]] the same \
week and the paediatrician wrote that she was thriving. Nobody read that letter out at \
conference. We were on a plan for fourteen months. It never went to the \
[[court:family court in Gloucester]], thank God, but the fear never left.

She's [[age:nearly 4]] now and starts school soon. Her NHS number is \
[[nhs_number:985 825 8151]] and I asked for all her records under a subject access \
request. It took five months. Email me if you want the template: \
[[email:maisiesparents@example.co.uk]] or text [[phone:07700 900902]].""",
    """Poppy Appeal week always gets me because my daughter is called \
[[child_name:Poppy]]. She's [[age:eleven]] now and she's been living with her dad in \
[[place:Bexhill]] since [[date:the 3rd of October 2021]], after I had a breakdown and was \
admitted to the [[hospital:Conquest Hospital]].

[[local_authority:East Sussex County Council]] were supportive at first. Then, when I got \
well and asked for more time with her, they wrote a report saying I was "fixated". The \
hearing was at the [[court:family court in Brighton]] and the Cafcass officer, \
[[titled_name:Mr Whitlock]], recommended alternate weekends. I'll take that.

What I want other mums to know is that recovery counts. I've been discharged from the \
crisis team, I do a peer support group at the [[service:Old Town Family Centre]] on \
Thursdays, and [[child_name:Poppy]] and me have a handover every other Friday outside the \
big Sainsbury's. It's not perfect. But she hugged me last week without being asked, and \
that's everything. Mind's infoline is 0300 123 3393 if you're struggling.""",
    """I'm [[age:13]] and my name is [[child_name:Lily]]. My mum said I could write this \
as long as I don't put anything private but I want people to know. I live with my mum in \
[[place:Huddersfield]] and I haven't seen my dad since [[date:Christmas Eve 2022]]. Mum \
says he's not safe because of what he did to her and I believe her, but I still miss him \
sometimes which is confusing.

The lady from Cafcass, [[titled_name:Miss Greenwood]], asked me what I wanted and I said I \
want to see him at a centre where someone is watching. She wrote it down properly. The \
judge read it. We go to the [[service:Springwood contact centre]] once a month now.

I'm in [[age:Year 8]] at [[school:Newsome Vale Academy]] and my friends don't know any of \
this. I made a TikTok about being a kid in court, [[social_handle:@lilyspeaksup13]], but \
mum made me make it private. If you're a kid like me, you are allowed to write to the \
judge. That's the main thing I wanted to say.""",
    """My husband [[first_name:Alasdair]] and I have looked after our grandchildren \
[[child_name:Isla]] and [[child_name:Ruaridh]] since our daughter died in November 2020. \
We live in [[place:Kirkcaldy]].

[[local_authority:Fife Council]] were very good at first. They treated it as a kinship \
placement and gave us a social worker, [[titled_name:Mrs Baird]]. Then the children's \
father, who lives in [[place:Dunfermline]], applied for a residence order at \
[[court:Kirkcaldy Sheriff Court]], case [[case_number:F123/21]]. We had to find £6,000 for \
a solicitor.

[[child_name:Isla]] is [[age:9]], [[child_name:Ruaridh]] is [[age:6]]. \
[[child_name:Ruaridh]] has a heart condition and is seen at the \
[[hospital:Victoria Hospital]] every three months; his CHI number is on his letters but \
the English forms all ask for an NHS number, which he doesn't have.

The Sheriff found in our favour on [[date:29 June 2022]]. Their dad sees them on Saturdays \
and takes them to the Rangers games. We have no complaints now. I'm writing so other \
grandparents know that Kinship Care Advice Service for Scotland will help, and to start \
saving. Our number, if you need a chat, is [[phone:07700 900644]], or write to \
[[email:grannyandgrandad.fife@example.com]].""",
    """Facts, as plainly as I can put them.

I am the father of [[child_name:Reuben]] ([[age:9]]) and [[child_name:Hallie]] \
([[age:6]]). After their mother and I separated in 2020 the children lived with her in \
[[place:Penhill]]. I saw them every weekend. On [[date:23rd February 2022]] she stopped \
all contact, alleging I had been abusive. I had not.

[[local_authority:Swindon Borough Council]] were not involved; this was a private law \
case. A fact-finding hearing took place at [[court:Swindon Combined Court]] in the summer. \
[[titled_name:HHJ Marsh]] found none of the allegations proved. It still took until \
[[date:2 December 2022]] for the first supervised contact at the \
[[service:Kingfisher contact centre]], and a further five months before overnights.

[[child_name:Hallie]] has a nut allergy and had a reaction in my care; I took her to \
[[hospital:Great Western Hospital]] and the notes record that I acted quickly (her NHS \
number is [[nhs_number:385 084 0077]] if the court ever wants the notes). That was used \
against me for months as "a safeguarding incident".

I now run a support page for fathers: [[url:www.example.co.uk/swindondadsmatter]]. I'm not \
anti-mum. I am anti-delay. Messages to [[email:reuben.hallie.dad@example.co.uk]] please, \
not Facebook.""",
    """my son [[child_name:brooke]] yes [[child_name:brooke]] hes a boy named after his \
grandad [[child_name:brooke]] is [[age:16]] and hes been in a semi independent placement \
in [[place:newton abbot]] since [[date:06/06/22]] after we had a massive row and he hit \
me. [[local_authority:torbay council]] said it was a section 20 and i agreed because i was \
scared of him and scared for him. but now they wont let him come home even though he wants \
to and i want him to. hes got an ehcp and the college hes at, \
[[school:south devon college]], says hes doing well. he was in \
[[hospital:torbay hospital]] in the spring for an overdose and nobody rang me i found out \
on facebook from one of his mates. were at [[address:9 beacon view]] in [[place:paignton]] \
[[postcode:tq4]] same as always. a [[age:16yo]] boy needs his mum not a support worker on \
a rota. anyone know if i can ask for a court hearing myself without a solicitor my phone \
[[phone:07700 900570]]""",
    """[[place:Knowle West]] mum here, proud of it. My son [[child_name:Jayce]] was \
removed on [[date:12th May 2021]] when he was [[age:6]] because the school said he'd come \
in hungry three days in a row. It was the week my Universal Credit got sanctioned. Nobody \
asked why.

[[local_authority:Bristol City Council]] put him with foster carers in \
[[place:Bedminster]], which at least meant he kept going to \
[[school:Filwood Park Primary]]. I got help from [[service:Knowle West Family Centre]] and \
a food bank, I did a budgeting course, and the judge at the \
[[court:Bristol Civil and Family Justice Centre]] sent him home after four months under a \
supervision order. Case number [[case_number:BS21C00212]].

He had his tonsils out at [[hospital:Bristol Royal Hospital for Children]] last year and I \
was there every minute. He's [[age:9]] now and mad about Minecraft. Poverty isn't neglect. \
Say it louder for the people at the back. DM me on Insta [[social_handle:@knowlewestmam]] \
if you need someone to talk to. I also wrote it up here: [[url:bit.ly/3kW9tQz]].""",
    """My name is [[first_name:Khaled]]. I am from Syria. I came to UK in 2018 with my \
wife and three children. My English is simple, I am sorry.

We live in [[place:Foleshill]], in [[place:Coventry]]. In January 2023 my son \
[[child_name:Omar]] ([[age:10]]) go to school with a mark on his face. He fight with his \
brother [[child_name:Yusuf]] ([[age:12]]). The school call \
[[local_authority:Coventry City Council]]. The social worker come with no interpreter. My \
wife speak only Arabic. They write she "did not answer questions".

My daughter [[child_name:Rama]] ([[age:4]]) was born at \
[[hospital:University Hospital Coventry]]. They look at her too, NHS number \
[[nhs_number:882 752 1917]]. All children on child protection plan.

Now it is at [[court:Coventry Combined Court Centre]], case [[case_number:CV23C00077]]. \
Our solicitor is good, [[titled_name:Mr Qureshi]], he speak Arabic. The Refugee Council \
help us also. I want people to know, refugee families are afraid of social services \
because in our country government take people. We need interpreter from the first day. \
Please contact [[email:khaled.fam.cov@example.com]].""",
    """Has anyone in Cornwall had a parenting assessment done by an independent social \
worker? Long story short, my two, [[child_name:Jago]] ([[age:5]]) and \
[[child_name:Tamsin]] ([[age:20 months]]), were placed with my mum in [[place:Camborne]] \
on [[date:the 8th]] after my ex's mate overdosed at our place in [[place:Redruth]]. I \
wasn't even there, I was at work at the Co-op.

[[local_authority:Cornwall Council]] want a full assessment before they'll even talk about \
them coming home. First hearing was at [[court:Truro Combined Court]], case \
[[case_number:TR23C00031]]. The guardian, [[titled_name:Mrs Trevithick]], seemed alright.

[[child_name:Tamsin]] has a cleft palate and is under the team at [[hospital:Treliske]]. \
I've got her NHS number ([[nhs_number:424 503 4025]]) and every appointment letter to show \
I've never missed one.

I'm at [[address:3 Chapel Terrace]] with my sister till I get my own place sorted. Any \
advice welcome, or text me on [[phone:07700 900411]] or email \
[[email:jagoandtamsin@example.com]]. Not after solicitor recommendations, I've got one, \
just want to hear from people who've been through it down here.""",
    """Dear [[titled_name:Ms Hargreaves]],

Thank you for agreeing to read my statement before your surgery on Friday.

My daughter [[child_name:Ellie-Mai]], [[age:born 30/11/2015]], has been in foster care \
since [[date:14 March 2022]]. I live at [[address:112 Thursby Grove]], [[place:Burnley]], \
[[postcode:BB10 1LH]]. I have never been accused of harming her. The concern of \
[[local_authority:Lancashire County Council]] is that my mental health makes me \
"unpredictable".

I have been under the perinatal and then the adult community mental health team since \
2016. I have never missed a depot injection. My psychiatrist at \
[[hospital:Royal Blackburn]] has written to the court twice.

The proceedings at [[court:Burnley Combined Court Centre]] (reference \
[[case_number:BY22C00108]]) have now lasted nineteen months, well beyond the 26-week \
limit. [[child_name:Ellie-Mai]] has had four social workers. The current one, \
[[titled_name:Mr Greaves]], met her for the first time last month.

I am not asking you to comment on my case. I am asking you to raise with the Minister why \
the 26-week limit is routinely ignored, and why disabled parents are not given the support \
the Care Act promises.

Yours sincerely,
[[first_name:Natalie Birtwistle]]
[[email:n.birtwistle@example.co.uk]]""",
    """[08:02] Me: they've put [[child_name:frankie]] in foster care
[08:02] [[first_name:Kerry-Ann]]: WHAT. where
[08:03] Me: dunno yet. somewhere in [[place:Pitsea]] they said. [[titled_name:sw Jodie]] \
wont say the address
[08:03] Me: it's cos of [[first_name:Ryan]]'s text messages. they think I'll let him back \
in
[08:04] [[first_name:Kerry-Ann]]: omg babe. how old is he now, [[age:3]]?
[08:04] Me: [[age:3 and 2 months]] 😭 he was asking for his blanket
[08:05] [[first_name:Kerry-Ann]]: ring [[phone:07700 900288]] thats the woman from the \
refuge she's amazing
[08:06] Me: hearing is at the [[court:family court in Chelmsford]] [[date:Tuesday 17th]]
[08:06] Me: [[local_authority:Essex County Council]] have already got a barrister
[08:07] [[first_name:Kerry-Ann]]: ill come. ill take the day off
[08:09] Me: love you. and [[child_name:Frankie]] loves you
[08:10] [[first_name:Kerry-Ann]]: we're getting [[child_name:Frankie]] home. remember he \
was born at [[hospital:Basildon Hospital]] 3 weeks early and the doctors said he wouldnt \
feed and look at him now""",
    """honestly sick of it. my daughters name is [[child_name:dior]] yes like the perfume \
and the sw actually put in her report that the name showed i was "materialistic" i swear \
down. [[child_name:dior]] is [[age:4]] and shes been with my nan in [[place:rock ferry]] \
since [[date:the 1st of september]] because [[local_authority:wirral council]] said my \
flat at [[address:flat 2 larchwood court]] was "unsafe" after a fire from next doors chip \
pan. not even my flat. [[child_name:dior]] was checked over at [[hospital:arrowe park]] \
and she had no smoke in her lungs nothing. the court is \
[[court:liverpool civil and family court]] and its been adjourned three times. my brief \
says its normal. theres nothing normal about not tucking your kid in. if anyone wants to \
do a coffee morning for mums in [[place:birkenhead]] whos kids are with family i would \
come. add me [[social_handle:@diorsmummy_wirral]] on insta. and before anyone says it no i \
dont shop at chanel i shop at primark lol""",
    """I'm a father from [[place:Lurgan]] and I've been on my own with my son \
[[child_name:Conor]] since he was [[age:two]]. Last year his mother got a new partner with \
a record and wanted [[child_name:Conor]] to live with her in [[place:Portadown]].

The Trust, [[local_authority:Southern Health and Social Care Trust]], did an Article 4 \
report, which is what they call it here. The social worker, [[titled_name:Mrs McCann]], \
was thorough and fair. The case was at [[court:Craigavon Courthouse]] and the judge made a \
residence order for me on [[date:20th April 2023]].

[[child_name:Conor]]'s [[age:7]] now and in [[age:P3]] at \
[[school:Kilwilkie Brook Primary]]. He plays Gaelic on a Saturday and his mother sees him \
every second weekend, with her partner kept well away. It works.

I'm writing because dads here get told the Trust will always side with the mother. That's \
not what happened to me. Keep records, stay calm at contact handovers and never talk down \
the other parent in front of the child. If you want to talk, I'm [[first_name:Declan]] and \
my email is [[email:declan.conorsdad@example.co.uk]].""",
    """I was 17 when I had my daughter [[child_name:Kayla]] at [[hospital:Ninewells]] on \
[[date:14th August 2021]]. Social work were at the birth because I'd been in a children's \
unit myself. [[local_authority:Dundee City Council]] asked for a child protection order \
the next day and I wasn't even out of my nightie.

[[child_name:Kayla]] went to a foster carer in [[place:Broughty Ferry]]. I got to see her \
three times a week at the [[service:Whitfield Family Resource Centre]], which was two \
buses from my unit in [[place:Lochee]]. The social worker, [[titled_name:Miss Robertson]], \
told me I was "too young to prioritise a baby". I'd been prioritising myself since I was \
eleven, nobody else was going to.

The case went from the Children's Hearing to [[court:Dundee Sheriff Court]] for a \
permanence order. We lost. [[child_name:Kayla]] is [[age:2]] now and adopted. I get one \
letter a year.

I'm 20 now, I've got my own flat at [[address:27 Glenprosen Terrace]], \
[[postcode:DD3 7RS]], and I'm at college. I'm writing this because I want someone to read \
it who decides these things. I was a child too. I write her letters I'll never send at \
[[url:https://kaylasmum.example.com]] and I'm [[social_handle:@kaylasmum_dd]] on TikTok.""",
    """I'm [[first_name:Derek]], I'm 70 and I'm a special guardian for my grandson \
[[child_name:Tyler]], who's [[age:10]]. We live in [[place:Grimsby]], not far from the \
docks where I worked for forty years.

[[child_name:Tyler]] came to us when he was [[age:eighteen months]], after being taken \
into hospital at the [[hospital:Diana, Princess of Wales Hospital]] with a fractured \
skull. His dad, my son, went to prison. His mum walked away.

[[local_authority:North East Lincolnshire Council]] supported the special guardianship \
order and the judge at [[court:Great Grimsby Combined Court Centre]] made it on \
[[date:1st October 2015]]. Case number [[case_number:GY14C00233]]. Since then the support \
has dwindled to nothing. [[child_name:Tyler]] has an EHCP and attends \
[[school:Cleethorpes Road Academy]], where they are wonderful, but his trauma therapy was \
cut after the funding review.

My wife [[first_name:Brenda]] died in 2021, and I'm doing this on my own now. I'm not \
complaining, he's a good lad. But the system assumes special guardians will live forever. \
Anyone in the same position can ring me on [[phone:07700 900856]]. The SGO group I set up \
is at [[url:www.example.co.uk/grimsby-kinship]].""",
    """From the grandparents of [[child_name:Anaya]] and [[child_name:Arjun Mistry]]

We are writing this together, [[first_name:Ramesh]] and [[first_name:Hansa]], because our \
son and daughter-in-law cannot bear to.

On [[date:9th January 2023]] our grandson [[child_name:Arjun]], then \
[[age:seven weeks old]], was admitted to [[hospital:Leicester Royal Infirmary]] with a \
bleed on the brain. He had been in our care that afternoon while his parents were at a \
wedding in [[place:Wembley]]. [[local_authority:Leicester City Council]] removed both \
children. [[child_name:Anaya]], who was [[age:three]], went to a foster family she had \
never met and who did not speak Gujarati.

The fact-finding hearing at [[court:Leicester County Court and Family Court]] lasted \
eleven days. The experts agreed that [[child_name:Arjun]] has glutaric aciduria, a rare \
metabolic condition, and [[titled_name:HHJ Tennant]] made no findings against anyone.

The children came home to [[address:41 Harfield Close]] in [[place:Belgrave]] just before \
Diwali, fourteen months after they left. [[child_name:Anaya]] still asks whether the \
"other mummy" will come back for her.

We want families to know that unexplained injuries in babies can have medical causes. Ask \
for a geneticist and a metabolic specialist early. [[child_name:Arjun]]'s NHS number is \
[[nhs_number:382 623 2291]] and his consultant's letters are now in every file we own. Our \
family email is [[email:mistry.family.lei@example.com]] and our phone is \
[[phone:+44 7700 900364]].""",
    """My name is [[first_name:Stacey]]. I am 28. I have a learning disability and I live \
in [[place:Castleford]].

My daughter is called [[child_name:Jessica]] but everyone calls her [[child_name:Jess]]. \
She is [[age:5 years old]]. She lives with a foster carer now. It is near. I see her on \
Tuesdays and Saturdays at the [[service:Airedale family centre]].

[[local_authority:Wakefield Council]] said the house was dirty. I did not know how to \
clean the oven. Nobody showed me. Now my support worker [[first_name:Michelle]] comes on \
Mondays. We made a chart with pictures.

[[child_name:Jess]] had a bad chest and went in [[hospital:Pinderfields]]. I stayed with \
her all night. The nurse said I was a good mum. That is not in the report.

The court is in [[place:Leeds]]. It is called [[court:Leeds Combined Court Centre]]. My \
case number is [[case_number:LS23C00702]]. I have a solicitor and an intermediary. The \
intermediary helps me understand the big words.

I want [[child_name:Jess]] to come home to [[address:6 Primrose Close]], \
[[postcode:WF10 4SJ]]. Her NHS number is [[nhs_number:667 908 3923]]. I keep it in my \
purse. I have painted her room pink. If you have a learning disability and they say you \
can't be a mum, ask for help from Change People or your local advocacy. You can be a mum.""",
    """I'm [[first_name:Bridget Connors]], and I'm grandmother to [[child_name:Paddy]] \
([[child_name:Patrick]] on his papers), who's [[age:8]]. We're an Irish Traveller family \
and we've had our pitch on the site off [[address:Walnut Wharf Road]] for near twenty \
years, before they made it nice for the yuppies.

When his mam went into [[hospital:Homerton]] to have the new baby, \
[[local_authority:Hackney Council]] wouldn't let [[child_name:Paddy]] stay with me because \
I have "no fixed address". I've had the same caravan on the same pitch since his mam was a \
child. The social worker, [[titled_name:Ms Whitaker]], had never been on a site in her \
life.

It went to the [[court:East London Family Court]] on [[date:4th March 2024]], case \
[[case_number:ZE24C00119]], and the judge said it was plain prejudice to refuse a \
viability assessment. [[child_name:Paddy]] came back to me a week later.

[[child_name:Paddy]]'s at [[school:Clapton Brook Primary]] now, top of his class for \
reading. The Traveller Movement helped us. Anyone from the community, don't let them tell \
you a trailer isn't a home. My number's [[phone:020 7946 0152]].""",
    """Statement for my MP, for his meeting with the Children's Minister

I am a Black mother of two living in [[place:Brixton]]. My son [[child_name:Kofi]] is \
[[age:12]] and my daughter [[child_name:Amara]] is [[age:eight]]. On \
[[date:16 January 2023]] [[child_name:Kofi]] was stopped by police on the way home from \
[[school:Loughborough Park Academy]] and found with a knife that a boy in his year had \
handed him. He was arrested. By the evening [[local_authority:Lambeth Council]] had opened \
a child protection enquiry into my parenting.

Nobody asked whether [[child_name:Kofi]] was being groomed. Nobody referred him to the \
youth offending team's diversion scheme. Instead [[child_name:Amara]], who has sickle cell \
and is treated at the [[hospital:Evelina]], was also made subject to a plan. Her NHS \
number, [[nhs_number:838 575 5632]], was passed around four agencies without my consent.

The case went to the [[court:Central Family Court]] under [[case_number:ZC23C00087]] and \
was withdrawn after six months. [[titled_name:HHJ Okonjo]] said the threshold "was never \
going to be crossed".

I ask the Minister to consider what adultification of Black boys costs families. I can be \
contacted at [[address:Flat 12, Rosewell House]], [[postcode:SW9 8PT]] or on \
[[phone:020 7946 0527]].""",
    """Hi, my name is [[child_name:Carys]] and I'm [[age:16]]. I'm writing this to my \
Member of the Senedd because our youth forum said we should.

I've been in foster care since I was [[age:11]]. I live with carers in \
[[place:Ystrad Mynach]] and my two little brothers live with a different family in \
[[place:Blackwood]]. [[local_authority:Caerphilly County Borough Council]] said they \
couldn't find carers for three of us. I see them once a month at \
[[service:Llwyn Onn contact centre]] for two hours, with a worker watching.

My youngest brother [[child_name:Dylan]] is [[age:6]] and he thinks I'm his cousin. It \
breaks my heart. When he had his appendix out at the \
[[hospital:Grange University Hospital]] I wasn't allowed to visit because it wasn't "a \
contact day".

I'm doing my A levels next year and I want to be a social worker so I can do it better. I \
know the Children's Commissioner for Wales and Voices from Care Cymru are on our side. \
Please make sibling contact a right, not a favour. I'm on Insta at \
[[social_handle:@carys.speaks.cymru]] if you want to know more, and our youth forum's \
petition is at [[url:https://example.org/sibling-contact-wales]].""",
    """I'm a dad in [[place:Paisley]] and I've been asked by a few folk in the group to \
write up what happened, so here it is.

My partner and I had our son [[child_name:Archie]] at the \
[[hospital:Royal Alexandra Hospital]] in the early hours of [[date:5 April]]. The first \
social worker we met was there before the midwife had finished the paperwork, because I'd \
been in a young offenders' institution at 17. [[local_authority:Renfrewshire Council]] put \
[[child_name:Archie]] on the child protection register before he'd had a bath.

We fought it. We did every programme going. [[titled_name:Sheriff Kerr]] at \
[[court:Paisley Sheriff Court]] refused the permanence application on \
[[date:Monday 11th September]] and said the social work evidence was "stale".

[[child_name:Archie]] is [[age:22 months]] now, lives with us at \
[[address:4 Braeside Wynd]], [[postcode:PA3 4XY]], and calls every dog "Bluey". I've \
written the full story on [[url:https://example.com/archies-dad]] and I'm on X at \
[[social_handle:@archiesdad_pa]]. If you're a dad with a past, email me at \
[[email:archiesdad.paisley@example.com]]. Your past isn't your child's future.""",
    """wee update for the girls in the group 💜 [[child_name:shannon-lee]] and \
[[child_name:cody]] are back with me full time!!! 18 month of fighting the \
[[local_authority:northern trust]]. we live in [[place:rathcoole]] and they said the area \
wasnt safe for kids LOL half the group lives here. [[child_name:cody]] is [[age:4]] and \
has his speech therapy at [[hospital:antrim area hospital]], his health and care number is \
[[nhs_number:801 462 0763]] if anyone from the trust wants to finally check he went to \
every appointment. [[child_name:shannon-lee]] is [[age:9]] and in [[age:p5]] at \
[[school:rathcoole primary]] and her teacher cried when i told her. the judge at \
[[court:laganside courts]] said on [[date:the 28th]] that the girls and \
[[child_name:cody]] should never have been split up in the first place. thank you to \
everyone who shared my page [[url:facebook.com/bringshannonandcodyhome]] and to the \
women's aid worker who came to every single hearing. if anyone wants the name of my \
solicitor message me on insta [[social_handle:@shanlee_and_cody_mum]] xx""",
    """We started as foster carers with [[service:Capstone Foster Care]] in 2017, and \
[[child_name:Mali]] came to us at [[age:ten days old]], straight from the special care \
baby unit at [[hospital:Singleton Hospital]]. We were told she'd be with us for a few \
weeks. Her brother [[child_name:Osian]] followed the next year.

Their birth mum is my husband's second cousin, which we only found out at a family \
funeral. After that, [[local_authority:Swansea Council]] treated us as kinship carers \
instead of agency foster carers, which meant less support and half the allowance. We \
applied for special guardianship, and the order was made at the \
[[court:Swansea Civil Justice Centre]] on [[date:the 12th of July 2021]], case \
[[case_number:SA21C00064]].

[[child_name:Mali]] is [[age:7]] and [[child_name:Osian]] is [[age:5]]. We live at \
[[address:18 Heol y Gors]], [[place:Cwmbwrla]], [[postcode:SA5 8LN]]. \
[[child_name:Osian]]'s hearing aids are managed through [[hospital:Morriston]], NHS number \
[[nhs_number:319 702 5253]].

If you're thinking of moving from fostering to an SGO, get the support plan in writing. \
We've put our checklist at [[url:www.example.co.uk/fostertosgo]]. Questions to \
[[email:heolygors.family@example.co.uk]] or [[phone:07700 900713]].""",
    """I'm 19, I'm a care leaver and I'm a dad. My daughter [[child_name:Nevaeh]] was born \
at the [[hospital:Heath]] on [[date:Sunday 2nd June]] and taken into foster care when she \
was [[age:four days old]]. Her mum and me were both in care as kids and that was basically \
the whole reason.

[[local_authority:Cardiff Council]] said we had "no support network". Our support network \
was the leaving care team, who they also employ. We had a flat at \
[[address:Flat 7, 2 Cowbridge Court]] in [[place:Ely]], [[postcode:CF5 5BN]], fully \
furnished.

It went to the [[court:Cardiff Civil and Family Justice Centre]], \
[[case_number:CF24C00093]]. [[titled_name:HHJ Vaughan-Rees]] ordered a residential \
assessment at [[service:Ty Gwyn Family Assessment Unit]] for the three of us. Twelve \
weeks. We passed.

[[child_name:Nevaeh]] is [[age:seven months]] now. Her NHS number is \
[[nhs_number:8314930938]] and she's had every jab on time. I've started a TikTok for young \
dads in care, [[social_handle:@carekid_dad_cdf]], and I'm collecting stories at \
[[url:https://example.org/young-dads-wales]].""",
    """Timeline for anyone who asked at the [[place:MK]] parents' meet-up (posting with \
names changed... actually no, these are the real names, I'm past caring):

- [[date:3rd February 2023]]: [[child_name:Theo]] ([[age:6]]) goes to school with a black \
eye from falling off his scooter.
- [[date:the 6th]]: [[local_authority:Milton Keynes City Council]] strategy discussion. \
Nobody rings me.
- [[date:20/02/2023]]: [[child_name:Theo]] and his sister [[child_name:Delilah]] \
([[age:2]]) taken to foster carers in [[place:Bletchley]].
- [[date:22/02/2023]]: [[child_name:Delilah]] admitted to \
[[hospital:Milton Keynes University Hospital]] with bronchiolitis. I'm told the next \
morning.
- [[date:1 March 2023]]: first hearing, \
[[court:Milton Keynes County Court and Family Court]], [[case_number:MK23C00041]].
- [[date:19th May 2023]]: both home under a supervision order.

We live at [[address:26 Tamar Walk]] in [[place:Fishermead]], [[postcode:MK6 2JG]]. \
[[child_name:Delilah]]'s NHS no: [[nhs_number:354 637 7125]] (for the complaint). Blog: \
[[url:www.example.com/theo-and-delilah]]. Insta: [[social_handle:theoanddelilahsmum]].""",
    """im [[age:14]] and im a boy so people think i dont have feelings about this lol. my \
mum is in [[place:shoeburyness]] and i live with my dad in [[place:westcliff]] since the \
court said so on [[date:18/10/22]]. the judge at the [[court:family court in southend]] \
never met me but the cafcass man [[titled_name:mr adeyemi]] did and he was alright. i told \
him i want to see my mum at weekends not in a centre. my little sister \
[[child_name:Evie-Rose]] is [[age:9]] and she still lives with mum. \
[[local_authority:southend council]] put us on a plan after mums boyfriend got arrested. i \
go to [[school:shoebury rise academy]] and im in year 9 and nobody there knows. i was in \
[[hospital:southend hospital]] in the summer with a broken arm from football not from \
anything at home. if your a kid and you dont like what the adults wrote about you you can \
ask to see it. my mate told me that. my insta is [[social_handle:@evies_big_bro14]] if any \
lads wanna talk about it. and childline is 0800 1111 if you dont wanna talk to me""",
]

HELD_OUT_LOOKALIKES: list[str] = [
    "Ring the NSPCC on 0808 800 5000 if you are worried about a child.",
    "Samaritans are there day and night on 116 123.",
    "Childline is free on 0800 1111 and it won't show on the phone bill.",
    "All the forms are on gov.uk, just search for C100.",
    "Cafcass wrote a section 7 report and the judge followed it word for word.",
    "Ofsted rated the children's home as good last year.",
    "They asked me to sign a Section 20 agreement on the spot.",
    "We took it to the Court of Appeal and got nowhere.",
    "My case was moved up to the High Court because of the expert evidence.",
    "[name removed] was placed with foster carers in a town in Yorkshire.",
    "A family court in the North West made the care order.",
    "The local council never fixed the damp, whatever they say.",
    "My son goes to a primary school near his nan's house.",
    "We live on an estate in Wales and everyone knows everyone.",
    "We watched Peppa Pig and Bluey all afternoon at contact.",
    "Judge Judy would have sorted this out in ten minutes.",
    "Whitehall keeps promising to reform the family courts.",
    "Sure Start centres were a lifeline before they closed.",
    "We had the first hearing in May and the final one in June.",
    "There is always hope, even on the worst days.",
    "By the grace of God we got through the final hearing.",
    "A storm was forecast so contact was cancelled.",
    "Mother's Day is the hardest day of the year for me.",
    "Women's Aid and Refuge both told me the same thing: keep a diary.",
    "Family Rights Group have an advice line for kinship carers.",
    "Citizens Advice helped me fill in the legal aid forms.",
    "The NHS was the only service that treated me like a person.",
    "The Children's Commissioner for England has written about this.",
    "I heard a piece on Woman's Hour on Radio 4 about care proceedings.",
    "We got stuck in traffic on the M62 on the way to court.",
    "The A1 was closed so I missed contact by twenty minutes.",
    "He supports Manchester United and won't hear a word against them.",
    "She loves Elsa from Frozen and sings Let It Go in the car.",
    "Mr Tumble is on every morning in our house.",
    "We bought his school shoes in Clarks and his coat in Primark.",
    "Tesco gave us a food voucher through the school at Christmas.",
    "Paddington was his favourite film in foster care.",
    "My little one is obsessed with Thomas the Tank Engine.",
    "The foster carers kept up saying grace before tea.",
    "The summer holidays are six weeks of no routine and no support.",
    "Cornwall is beautiful but there are no services for families.",
    "We moved from Lancashire to Yorkshire for a fresh start.",
    "There are no refuge spaces anywhere in the South West right now.",
    "Legal aid in Scotland works differently from England and Wales.",
    "Northern Ireland has its own Children Order, not the Children Act.",
    "The Welsh Government funds advocacy for parents in some areas.",
    "Our MP wrote to the minister but got a standard reply.",
    "Barnardo's and Action for Children both run family support nationally.",
    "The Transparency Project explains judgments in plain English.",
    "A social worker came on a Tuesday and a different one came on Friday.",
    "The guardian said my son was a credit to me.",
    "The judge was kind but the law is the law.",
    "HMCTS lost my court bundle twice.",
    "Mind and Rethink both have guides for parents with mental illness.",
    "The National Domestic Abuse Helpline is 0808 2000 247.",
    "I texted Shout on 85258 at three in the morning.",
    "My ex is as stubborn as a mule and twice as loud.",
    "Every cloud has a silver lining, my mum always says.",
    "Rome wasn't built in a day and neither is a parenting assessment.",
    "We celebrated Eid at a contact centre with paper plates.",
    "Diwali lights in the window helped me feel less alone.",
    "Prince William spoke about homelessness on the news.",
    "Captain Tom raised millions and all I want is my kids home.",
    "Mrs Brown's Boys was on at the refuge every night.",
    "Doctor Who was the one thing we still watched together.",
    "Father Christmas still came, even in foster care.",
    "Dr Seuss books were all he wanted at bedtime.",
    "The family court has to put the child's welfare first.",
    "My barrister said the Section 31 threshold was never met.",
    "We were told to ring 101, not 999, unless it was an emergency.",
    "The post office in the village closed years ago.",
    "A contact centre somewhere in the Midlands is where I see them now.",
    "I grew up in care in the North East and now I'm a mum myself.",
    "The Guardian ran a series on care proceedings last year.",
    "BBC Panorama did a programme on forced adoption.",
    "Pause works with women who have had children removed.",
    "The Children Act 1989 says the child's welfare is paramount.",
    "Adoption UK runs a helpline for adoptive families.",
    "Sunday is the worst day because there is no contact.",
    "I sat in the car park crying before every hearing.",
    "Lidl and Aldi are where I do my shop now, every penny counts.",
    "Year 9 options evening was the first thing I missed.",
    "Liberty, the human rights group, took up our complaint.",
    "Storm Arwen took the power out for days.",
    "River Island had a sale so I got him a new coat for court.",
    "Honey, you will always be my baby.",
    "My little man asked me why the judge wears a wig.",
    "[child's name] and [sibling's name] were placed together in the end.",
    "A hospital in the Midlands said the injury could have been accidental.",
    "I complained to the Local Government and Social Care Ombudsman.",
    "The Valleys have lost so many services since the pits closed.",
    "The Highlands are beautiful but the nearest family centre is hours away.",
    "Scotland uses Children's Hearings for most of this, not the family court.",
    "Cafcass Cymru covers the whole of Wales.",
    "Harry Potter books got him through his first year in care.",
    "Marcus Rashford's free school meals campaign fed us that summer.",
    "Dolly Parton's Imagination Library sent him a book every month.",
    "Kinship, the national charity, has a helpline for family carers.",
    "The Family Justice Observatory has research on newborns in care.",
    "My sister lives in a village in Kent and she offered to have them.",
    "Sunday lunch at my mum's is the one thing that stays the same.",
    "The social worker said Paw Patrol was too stimulating for contact.",
    "Justice is slow, and hope is slower.",
    "The President of the Family Division has spoken about transparency.",
    "Grace and patience are what the judge asked of both parents.",
    "Summer, autumn, winter, spring: four seasons of adjournments.",
]
