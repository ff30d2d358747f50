"""Build ``articles.jsonl`` and ``gold.json`` for the ledger evaluation corpus.

All text below is invented for newsledger (see README.md). The originals are written out in full; copies
(reposts, syndicated versions, light edits, a blog repost) are derived from their originals by the edits
listed in ``COPIES``, so that the gold says exactly what changed. Gold reports and dispute sides name an
evidence string in the *original*; the builder carries each one into every copy whose text still contains
it (after the copy's typo fixes), and fails if any evidence is not an exact substring of its article.

Run from the repository root: ``.venv/bin/python tests/data/ledger/build.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------------------------
# Originals: id -> (outlet, source, slug, pubdate, title, paragraphs)
# --------------------------------------------------------------------------------------------------------

ORIGINALS: dict[str, tuple[str, str, str, str, str, list[str]]] = {}


def original(aid: str, outlet: str, source: str, slug: str, pubdate: str, title: str, *paras: str) -> None:
    ORIGINALS[aid] = (outlet, source, slug, pubdate, title, list(paras))


# ---- Incident A: air strike in Baidoa, Tuesday 2024-03-05 ------------------------------------------------

original(
    "L01", "Horn Dispatch", "horn-dispatch.example", "news/2024/03/05/air-strike-baidoa-depot", "2024-03-05",
    "Air strike hits Juba Valley Front depot near Baidoa, ministry says",
    "BAIDOA, Somalia (Horn Dispatch) — Government aircraft struck a weapons depot on the northern edge of "
    "Baidoa early on Tuesday, killing nine fighters of the Juba Valley Front, the defence ministry said.",
    "Colonel Yusuf Aden, a ministry spokesman, said two jets dropped four guided bombs on the compound shortly "
    "before dawn. He said the depot held rockets and explosives that the group had moved into the area in "
    "February.",
    "\"We hit a legitimate military target, and we hit it precisely,\" Aden told reporters in the capital.",
    "Local officials gave a very different account. Halima Sagal, the district commissioner, said the bombs "
    "fell on the Hodan Primary School and killed 17 people, most of them children.",
    "\"There were no weapons in that school. There were pupils and teachers,\" Sagal said by telephone.",
    "Doctors at the Bay Regional Hospital said they had received 23 wounded people by midday. The Juba Valley "
    "Front did not respond to requests for comment.",
    "Horn Dispatch could not independently verify either account. The group has fought government forces in "
    "the Bay region since 2019.",
)

original(
    "L02", "Eastern Wire Service", "eastern-wire.example", "world/africa/baidoa-school-air-raid-20240305",
    "2024-03-05", "School hit in Baidoa air raid, local official says",
    "BAIDOA, March 5 (Eastern Wire Service) - An air strike hit a primary school in Baidoa on Tuesday morning "
    "and killed at least 17 people, including 11 children, a local official said.",
    "District commissioner Halima Sagal said the school was full of pupils when the bombs fell at about "
    "7 a.m. She said rescuers were still searching the rubble in the afternoon.",
    "\"Our children were killed at their desks,\" Sagal said. \"The government must explain why it bombed a "
    "school.\"",
    "The defence ministry said its aircraft had attacked an arms store used by the Juba Valley Front, an armed "
    "group known locally as the JVF. It said nine militants died in the raid and that no civilians were "
    "harmed.",
    "Ministry spokesman Yusuf Aden said the site had been under surveillance for weeks. According to Aden, the "
    "group used the buildings to store rockets.",
    "A teacher at the school, who asked not to be named, said the building had been a school since 2015. She "
    "said no fighters had been seen there.",
    "The JVF has not commented on the strike.",
)

original(
    "L03", "Daily Meridian", "daily-meridian.example", "africa/2024/03/06/baidoa-raid-conflicting-accounts",
    "2024-03-06", "Officials dispute target of deadly Baidoa raid",
    "MOGADISHU (Daily Meridian) — Government jets bombed a walled compound in the southern town of Baidoa on "
    "Tuesday, and officials gave conflicting accounts on Wednesday of what they had hit.",
    "The defence ministry maintained that the compound was a weapons depot run by the Juba Valley Front (JVF). "
    "Spokesman Colonel Yusuf Aden said nine fighters were killed and that the strike destroyed a large store "
    "of rockets.",
    "The district commissioner, Halima Sagal, said the compound was the Hodan Primary School. She put the death "
    "toll at 17 and said 11 of the dead were children under 12.",
    "Dr. Sahra Mirreh, who runs the emergency ward at the Bay Regional Hospital, said her staff had treated 23 "
    "wounded people. \"Most of the patients we received were children,\" she said.",
    "A spokesman for the JVF, Mahad Kulmiye, said the group had no fighters in the town. He accused the "
    "government of attacking civilians and called for an independent investigation.",
    "Residents said funerals for several of the victims were held on Wednesday afternoon. Aid groups called on "
    "both sides to protect schools.",
)

original(
    "L04", "Coastline Post", "coastline-post.example", "2024/03/06/baidoa-mourns-after-air-strike", "2024-03-06",
    "Somali town mourns after air strike",
    "BAIDOA, Somalia — Families in Baidoa buried their dead on Wednesday. Government aircraft bombed a school "
    "on the northern edge of the town on Tuesday, residents and officials said.",
    "Halima Sagal, the district commissioner, said 17 people were killed in the strike on Tuesday. Among them "
    "were 11 pupils and two teachers, she said.",
    "The defence ministry has said the target was an arms depot belonging to the Juba Valley Front. In a "
    "statement on Wednesday, the ministry said nine members of the group were killed and repeated that no "
    "school had been hit.",
    "\"The ministry is lying to the people of Baidoa,\" said Abdullahi Roble, an elder whose grandson was "
    "wounded in the strike. \"Everyone here knows that building. It is a school.\"",
    "The Juba Valley Front, also known as the JVF, said in a statement that it had no weapons in Baidoa. The "
    "group said the government was trying to hide a mistake.",
    "A coalition of local aid groups said it was collecting information about the strike. Coastline Post was "
    "unable to reach the ministry for further comment.",
)

# ---- Incident B: warehouse fire in Tampere, Saturday 2024-02-10 -----------------------------------------

original(
    "L05", "Northgate Herald", "northgate-herald.example", "news/2024/02/10/fire-destroys-tampere-warehouse",
    "2024-02-10", "Fire destroys logistics warehouse in Tampere",
    "TAMPERE, Finland (Northgate Herald) — A fire destroyed a large logistics warehouse in Tampere early on "
    "Saturday, and two workers were taken to hospital, the regional rescue service said.",
    "The fire broke out shortly after 2 a.m. at a warehouse run by Nordvall Logistics in an industrial area "
    "south of the city centre. About 80 firefighters fought the blaze for more than six hours.",
    "Duty officer Mikko Lehtola of the rescue service said the two injured workers had inhaled smoke. \"Both "
    "are in stable condition,\" Lehtola said.",
    "Police said they had opened an investigation into the cause. Inspector Sanna Virtanen said arson could "
    "not be ruled out, but she said there was no evidence yet of a crime.",
    "Pekka Korhonen, a shop steward for the warehouse workers' union, said six workers had been hurt. He said "
    "some of them had been treated at the scene and were not counted by the rescue service.",
    "Interior Minister Anna Korhonen said on Saturday that she had asked police for a full report. \"People "
    "need to know whether this was an accident,\" she said.",
    "Nordvall Logistics said the warehouse stored furniture and household goods. The company said it would "
    "rebuild the site.",
)

original(
    "L06", "Baltic Morning Wire", "baltic-morning.example", "nordics/tampere-warehouse-blaze-0210",
    "2024-02-10", "Blaze guts warehouse in southern Tampere, workers hurt",
    "TAMPERE, Feb 10 (Baltic Morning Wire) - Fire gutted a warehouse belonging to Nordvall Logisitcs in Tampere "
    "on Saturday morning, injuring two employees, rescue officials said.",
    "The regional rescue service said the first alarm came at 2:10 a.m. Crews from six stations were sent to "
    "the site, and the roof collapsed about an hour later.",
    "The rescue service said both injured workers were treated for smoke inhalation and were not in danger.",
    "Police inspector Sanna Virtanen said investigators would examine the site once it had cooled. \"We are "
    "keeping all options open, incuding arson,\" she said.",
    "The interior minister, Anna Korhonen, said the goverment would support the workers who lost their jobs.",
    "A union representative, Pekka Korhonen, disputed the official figures. He told the Baltic Morning Wire "
    "that six people were hurt and that four of them were treated by paramedics at the scene.",
    "Nordvall Logistics, which employs about 120 people in Tampere, said it was cooperating with police.",
)

original(
    "L07", "Lakeland Courier", "lakeland-courier.example", "2024/02/11/tampere-fire-police-investigate",
    "2024-02-11", "Tampere warehouse fire: police investigate cause",
    "TAMPERE — Police in Tampere said on Sunday that they were investigating whether the fire that destroyed a "
    "logistics warehouse early on Saturday was set deliberately.",
    "Inspector Sanna Virtanen said technical investigators had found the area where the fire began, near a "
    "loading dock. She declined to say whether any accelerant had been found.",
    "The blaze at the Nordvall Logistics site injured two workers, according to the rescue service. Both were "
    "released from hospital on Saturday evening.",
    "The workers' union has given a higher figure. Shop steward Pekka Korhonen said six employees were "
    "injured, including four who were treated at the scene for burns and smoke inhalation.",
    "\"The company and the authorities are playing this down,\" Korhonen said. \"Six of my colleagues were "
    "hurt.\"",
    "Interior Minister Anna Korhonen visited the site on Sunday morning. The minister said she expected the "
    "police to report their first findings within a week.",
    "The warehouse had about 40 employees on the night shift, but most were able to leave the building before "
    "the roof collapsed.",
)

original(
    "L08", "Pohjola Times", "pohjola-times.example", "uutiset/2024-02-11/union-tampere-fire-injuries",
    "2024-02-11", "Union says more workers hurt in Tampere blaze than officials reported",
    "TAMPERE (Pohjola Times) — Six workers were injured in the fire that destroyed a Nordvall Logistics "
    "warehouse in Tampere on Saturday, a union official said, three times the number given by the rescue "
    "service.",
    "Pekka Korhonen, the union's shop steward at the site, said four of the injured had been treated by "
    "paramedics at the scene. \"They were not taken to hospital, so they are missing from the official "
    "count,\" he said.",
    "The regional rescue service said it had recorded two injuries. A spokesman, Mikko Lehtola, said the "
    "service counted only people who were taken to hospital.",
    "Firefighters were called to the warehouse at 2:10 a.m. on Saturday. The flames spread quickly through "
    "the stored furniture, and the building could not be saved.",
    "Police have not said what caused the fire. Interior Minister Anna Korhonen, who is not related to the "
    "union official, said the investigation would be thorough.",
    "Nordvall Logistics said it would pay the wages of its Tampere staff until the site reopened.",
)

# ---- Hard negative for B: a different warehouse fire in Oulu a week later, Saturday 2024-02-17 -----------

original(
    "L09", "Northgate Herald", "northgate-herald.example", "news/2024/02/17/fire-destroys-oulu-food-warehouse",
    "2024-02-17", "Fire destroys food warehouse in Oulu",
    "OULU, Finland (Northgate Herald) — A fire destroyed a cold-storage warehouse in Oulu early on Saturday, the "
    "rescue service said. No one was injured.",
    "The warehouse belonged to Lumiranta Foods, a regional food distributor. The fire started at about 4 a.m. "
    "and was under control by 9 a.m., according to the regional rescue service.",
    "Rescue commander Jari Niskala said about 40 firefighters took part. \"The building was lost, but we "
    "stopped the fire from spreading to the next hall,\" Niskala said.",
    "Police said an electrical fault was the most likely cause. They said they did not suspect a crime, and "
    "investigators planned to return to the site on Sunday.",
    "A week earlier, a blaze destroyed a logistics warehouse in Tampere, about 400 kilometres to the south. "
    "Police said there was no link between the two fires.",
    "Lumiranta Foods said the warehouse held frozen fish and vegetables. The company said deliveries to shops "
    "would continue from its other sites.",
)

original(
    "L10", "Lakeland Courier", "lakeland-courier.example", "2024/02/18/oulu-warehouse-electrical-fault",
    "2024-02-18", "Oulu warehouse blaze blamed on electrical fault",
    "OULU — An electrical fault probably caused the fire that burned down a food warehouse in Oulu on Saturday, "
    "police said on Sunday.",
    "Detective Inspector Hanna Peltola said investigators had traced the fire to a cooling unit at the back of "
    "the building. She said there was no sign that anyone had broken in.",
    "Nobody was hurt in the fire at the Lumiranta Foods warehouse. The night guard raised the alarm at about "
    "4 a.m. and left the building safely.",
    "\"It was a total loss, but everyone went home,\" said Lumiranta Foods chief executive Timo Rasanen. He "
    "said the company had owned the warehouse since 2011.",
    "The company employs about 60 people in Oulu. It said no jobs would be cut and that staff would move to a "
    "smaller site in the north of the city.",
    "Firefighters stayed at the site through Saturday night to put out smaller fires in the ruins. Police said "
    "they had finished their work at the scene on Sunday afternoon.",
)

original(
    "L11", "Baltic Morning Wire", "baltic-morning.example", "nordics/oulu-cold-store-fire-0217", "2024-02-17",
    "No injuries as fire destroys Oulu cold store",
    "OULU, Feb 17 (Baltic Morning Wire) - Fire swept through a cold store owned by Lumiranta Foods in the "
    "northern city of Oulu on Saturday morning, the regional rescue service said. Nobody was hurt.",
    "Rescue commander Jari Niskala said the alarm was raised at 4 a.m. and that 40 firefighters brought the "
    "fire under control five hours later.",
    "Police said they believed the fire was an accident. They said an electrical fault in a cooling unit was "
    "the likely cause.",
    "The interior minister, Anna Korhonen, said on Saturday that she had been briefed on the fire. She said "
    "there was no reason to connect it with last week's warehouse fire in Tampere.",
    "Lumiranta Foods said it would move its deliveries to a site in Kempele, south of Oulu. The company "
    "supplies about 300 shops in northern Finland.",
    "Crews from Kempele and Liminka helped the firefighters from Oulu. Roads near the industrial area were "
    "closed for most of the morning, and residents were told to keep their windows shut because of the smoke.",
)

# ---- Incident C: traders' protest dispersed in Kano, Wednesday 2024-06-12 --------------------------------

original(
    "L12", "Savanna Times", "savanna-times.example", "news/2024/06/12/police-disperse-kano-traders-protest",
    "2024-06-12", "Police disperse traders' protest in Kano",
    "KANO, Nigeria (Savanna Times) — Thousands of traders marched through Kano on Wednesday to protest against "
    "new market levies, and police dispersed them with tear gas near the state government offices.",
    "The march was organised by the Kano Traders' Alliance, which says the levies will force small shops out "
    "of business. The alliance's chairman, Haruna Kafinta, said more than 5,000 people took part.",
    "Police spokesman Superintendent Bala Ndagi said three people died in a stampede as the crowd ran from the "
    "tear gas. He denied that officers fired live ammunition.",
    "\"Our men used only tear gas and water cannon,\" Ndagi said. \"No officer fired a single bullet.\"",
    "Volunteers from the Northern Emergency Volunteers, a medical charity, said they had counted 11 bodies at "
    "two hospitals. Coordinator Aisha Bakori said several of the dead had gunshot wounds.",
    "Kafinta said officers shot at protesters who were trying to leave the area. \"They fired at us as we "
    "ran,\" he said.",
    "The state government said it would review the levies but would not cancel them.",
)

original(
    "L13", "Eastern Wire Service", "eastern-wire.example", "world/africa/kano-protest-deaths-20240612",
    "2024-06-12", "Eleven killed as police break up Kano market protest, medics say",
    "KANO, June 12 (Eastern Wire Service) - Eleven people were killed when police broke up a protest by market "
    "traders in the northern Nigerian city of Kano on Wednesday, a medical charity said.",
    "Aisha Bakori, coordinator of the Northern Emergency Volunteers, said the charity's teams had recorded 11 "
    "deaths and 40 injuries. She said seven of the dead had been shot.",
    "Police said three people died, all of them in a stampede. Police spokesman Bala Ndagi denied that officers "
    "had used live rounds against the crowd.",
    "Several thousand traders protested outside the state secretariat on Wednesday morning to demand the "
    "withdrawal of new market fees. The protest was called by the Kano Traders' Alliance (KTA).",
    "Witnesses said police opened fire when some protesters threw stones at a police vehicle. \"I saw a "
    "policeman shoot a young man in the back,\" said a shopkeeper who gave his name as Usman.",
    "KTA chairman Haruna Kafinta said the group would hold another march next week. Market associations in "
    "other northern cities said they would send delegates to the traders' next meeting.",
    "Many shops in Kano stayed shut on Wednesday afternoon, and traffic in the city centre was light.",
)

original(
    "L14", "Daily Meridian", "daily-meridian.example", "africa/2024/06/13/kano-police-deny-shooting",
    "2024-06-13", "Kano police deny shooting at protesters",
    "LAGOS (Daily Meridian) — Police in Kano on Thursday denied that their officers fired on traders who were "
    "protesting against market levies, as the death toll from Wednesday's clashes rose.",
    "Superintendent Bala Ndagi, the police spokesman, said officers used tear gas to disperse the crowd on "
    "Wednesday afternoon after protesters blocked a main road. He said three people died when the crowd "
    "stampeded.",
    "The Northern Emergency Volunteers, a charity that treated the wounded, said 11 people died. Its "
    "coordinator, Aisha Bakori, said doctors removed bullets from the bodies of several victims.",
    "The Kano Traders' Alliance said police shot at unarmed marchers. \"The police fired live bullets at "
    "traders who were only asking to be heard,\" said the alliance's chairman, Haruna Kafinta.",
    "The traders marched on Wednesday against levies that the state government introduced this month. Market "
    "stalls across the city stayed closed on Thursday.",
    "The state governor's office called for calm and said an inquiry would be set up.",
)

original(
    "L15", "Lagoon Observer", "lagoon-observer.example", "2024/06/13/kano-traders-bury-dead", "2024-06-13",
    "Kano traders bury their dead and vow more protests",
    "KANO, Nigeria — Traders in Kano buried their dead on Thursday and promised to keep protesting. Police "
    "dispersed their protest against market levies on Wednesday.",
    "The Kano Traders' Alliance, known as the KTA, said 11 of its members were killed on Wednesday. It said "
    "most of them were shot by police near the state secretariat.",
    "The police have put the toll at three and say the victims died in a stampede. Police spokesman Bala Ndagi "
    "said on Thursday that no officer had fired a gun during the protest.",
    "Thousands of traders protested in the city centre on Wednesday. The march began at the Kurmi Market and "
    "moved towards the government offices, and many shops were closed for the day.",
    "\"We will march again until the levies are withdrawn,\" KTA chairman Haruna Kafinta said at a funeral on "
    "Thursday.",
    "The state government has said the new levies are needed to pay for market repairs. Officials have not "
    "said when the inquiry into the deaths will begin.",
)

# ---- Incident D: ceasefire signed in Goma, Thursday 2024-04-11 -------------------------------------------

original(
    "L16", "Great Lakes Chronicle", "greatlakes-chronicle.example", "2024/04/11/goma-ceasefire-signed",
    "2024-04-11", "Government and KPF rebels sign ceasefire in Goma",
    "GOMA, Democratic Republic of Congo (Great Lakes Chronicle) — The government and the Kivu Patriotic Front "
    "signed a ceasefire agreement in Goma on Thursday after three weeks of talks led by envoy Sergei Volkov of "
    "the Great Lakes Contact Group.",
    "Under the deal, fighting is to stop at midnight on Friday. Both sides also agreed to pull their fighters "
    "back 15 kilometres from the road between Goma and Sake, acording to Volkov.",
    "\"This is a first step, not the end of the road,\" Volkov told reporters after the signing cermony.",
    "Regional Integration Minister Josephine Kabeya signed for the government. Major Elias Bahati, a KPF "
    "spokesman, signed for the rebels.",
    "The agreement also provides for an exchange of prisoners within 30 days and for the return of displaced "
    "familes to villages along the lake shore.",
    "Residents of Goma welcomed the news with caution. Previous ceasefires in the province collapsed within "
    "weeks.",
    "The talks were held at a hotel on the shore of Lake Kivu. Delegations from both sides arrived in the city "
    "at the end of March.",
)

original(
    "L17", "Eastern Wire Service", "eastern-wire.example", "world/africa/congo-rebels-truce-20240411",
    "2024-04-11", "Congo government, rebels agree truce at Goma talks",
    "GOMA, April 11 (Eastern Wire Service) - Congo's government and the rebel Kivu Patriotic Front (KPF) agreed "
    "to a ceasefire on Thursday at talks in Goma, the mediator Sergey Volkov said.",
    "Volkov, an envoy of the Great Lakes Contact Group, said the truce would take effect at midnight on Friday. "
    "He said both sides had agreed to withdraw their forces from front-line positions near Sake.",
    "\"Both parties have made difficult choices today,\" Sergey Volkov said.",
    "The KPF, which took control of several villages west of Goma last year, confirmed that it had signed the "
    "deal. But its spokesman, Major Elias Bahati, denied that the group had agreed to withdraw from any of its "
    "positions.",
    "\"We agreed to stop shooting. We did not agree to leave our land,\" Bahati said.",
    "Minister Josephine Kabeya said the government expected the rebels to respect every part of the "
    "agreement.",
    "Fighting between the army and the KPF has forced tens of thousands of people from their homes since "
    "January. Aid agencies welcomed the truce and asked both sides to let convoys reach the camps north of "
    "the city.",
)

original(
    "L18", "Continental Standard", "continental-standard.example", "africa/goma-truce-what-the-deal-says",
    "2024-04-12", "Goma ceasefire: what the deal says",
    "KINSHASA (Continental Standard) — Negotiators for the government and the Kivu Patriotic Front signed a "
    "truce in Goma on Thursday, the first agreement between the two sides since the conflict began in 2022.",
    "The mediator, Sergei Volkov, said the deal required both sides to pull back their fighters from the Sake "
    "road. Volkov said observers from the Great Lakes Contact Group would monitor the withdrawal.",
    "The rebels have disputed that point. KPF spokesman Elias Bahati denied on Friday that the group had "
    "accepted any withdrawal. He said the rebels had only agreed to stop fighting.",
    "The agreement also provides for a prisoner exchange within a month. Government negotiator Josephine "
    "Kabeya said the first exchange could take place next week.",
    "Aid agencies said more than 200,000 people had fled the fighting around Goma since January. Many of "
    "them live in camps on the edge of the city.",
    "The deal does not settle the political demands of the rebels. Those issues will be discussed at a second "
    "round of talks, which Volkov said should begin in May.",
)

original(
    "L19", "Lagoon Observer", "lagoon-observer.example", "2024/04/12/goma-truce-first-night", "2024-04-12",
    "Fragile truce holds on first night near Goma",
    "GOMA — A ceasefire between the government and the Kivu Patriotic Front held on its first night, residents "
    "near Goma said on Friday.",
    "Government negotiator Josephine Kabeya and rebel spokesman Elias Bahati signed the deal on Thursday in "
    "the presence of the envoy Sergey Volkov.",
    "Volkov said the KPF had agreed to move its fighters away from the Sake road. The group, known by its "
    "initials KPF, has denied making that promise.",
    "\"The guns were silent last night for the first time in months,\" said Chantal Mugisha, a teacher in the "
    "village of Kibati, north of Goma.",
    "Traders said the road to the north of the city had reopened on Friday morning. Previous ceasefires in "
    "North Kivu broke down within days.",
    "Mugisha said many families in Kibati had slept at home for the first time since February. Others said "
    "they would wait a few more days before they left the camps.",
    "Aid workers said they hoped to send food trucks along the northern road next week. The road had been "
    "closed to civilian traffic for most of the year.",
)

# ---- Incident E: officials arrested in Kirkuk, Monday 2024-07-08 -----------------------------------------

original(
    "L20", "Tigris Daily", "tigris-daily.example", "iraq/2024/07/08/kirkuk-officials-arrested-bribery",
    "2024-07-08", "Five Kirkuk officials arrested in bribery probe",
    "KIRKUK, Iraq (Tigris Daily) — Officers of the National Probity Commission arrested five municipal "
    "officials in Kirkuk on Monday on suspicion of taking bribes, the commission said.",
    "Among those detained was deputy mayor Nawzad Hamarash. The commission said the officials had taken money "
    "from companies bidding for a contract to repair the city's water network.",
    "\"No official is above the law,\" commission spokesman Salah Anwar said at a news conference.",
    "The Kirkuk Civic Alliance, the party to which three of the officials belong, rejected the commission's "
    "account. It said the men had been detained on Saturday in Erbil, where they were attending a family "
    "wedding.",
    "The party called the arrests politically motivated and said it would appeal to the courts. It said the "
    "men had been taken to Baghdad without a warrant.",
    "The water contract, worth about $40 million, was signed last year. Residents of several districts have "
    "complained of dry taps for most of the summer.",
    "Salah Anwar said the investigation had lasted eight months and that more arrests were possible.",
)

original(
    "L21", "Eastern Wire Service", "eastern-wire.example", "world/mideast/kirkuk-deputy-mayor-detained-20240708",
    "2024-07-08", "Iraqi anti-graft body detains Kirkuk deputy mayor",
    "BAGHDAD, July 8 (Eastern Wire Service) - The National Probity Commission said on Monday it had arrested "
    "the deputy mayor of Kirkuk and four other officials in the city over a bribery case.",
    "The commission, known as the NPC, said the arrests were made at the municipal building in Kirkuk on "
    "Monday morning. It named the deputy mayor as Nawzad Hamarash.",
    "Hamarash's party, the Kirkuk Civic Alliance, said the arrests took place in Erbil, not Kirkuk. A party "
    "spokeswoman, Shirin Qadir, said the officials were detained at a hotel in Erbil on Saturday night.",
    "\"The commission is changing the facts to hide an illegal arrest,\" Qadir said.",
    "Corruption cases against local officials have become more common since the commission received new "
    "powers last year. The NPC said the five would appear before a judge this week.",
    "Hamarash has served as deputy mayor since 2021. He has not made any public statement since his arrest, "
    "and his lawyer could not be reached.",
)

original(
    "L22", "Continental Standard", "continental-standard.example", "mideast/kirkuk-arrests-party-dispute",
    "2024-07-09", "Party disputes where and when Kirkuk officials were held",
    "BAGHDAD (Continental Standard) — The National Probity Commission says its officers detained five "
    "officials from the city government in Kirkuk on Monday. Their party says that account is false.",
    "The Kirkuk Civic Alliance says the officials were arrested in Erbil on Saturday evening and were held "
    "for two days without a warrant.",
    "Deputy mayor Nawzad Hamarash is the most senior of those detained. The commission accuses the officials "
    "of taking bribes worth about $2 million from contractors.",
    "Shirin Qadir, the party's spokeswoman, said on Tuesday that hotel staff in Erbil had seen the arrests. "
    "\"We have witnesses and camera footage,\" she said.",
    "The NPC spokesman, Salah Anwar, said the party's claims were false. He said the officials were arrested "
    "at their offices in Kirkuk in front of dozens of employees.",
    "A court in Baghdad is expected to decide next week whether the five will stay in custody. The case has "
    "raised tension between the party and the federal government ahead of provincial budget talks.",
)

# ---- Incident F: attack on an army fuel depot in Gao, Tuesday 2024-05-14 ---------------------------------

original(
    "L23", "Sahel Wire", "sahel-wire.example", "news/2024/05/14/gunmen-attack-gao-fuel-depot", "2024-05-14",
    "Gunmen attack army fuel depot in Gao",
    "GAO, Mali (Sahel Wire) — Gunmen attacked an army fuel depot on the outskirts of Gao before dawn on "
    "Tuesday and set several fuel tanks on fire, the defence ministry said.",
    "The ministry said four soldiers were killed in the attack. It blamed the Movement for the Liberation of "
    "the Sahel, an armed group that has been active in the region since 2020.",
    "\"The terrorists of the MLS will be hunted down,\" the ministry said in a statement read on state radio.",
    "A spokesman for the group, Ali Maiga, denied that the MLS carried out the attack. He said the Red Dune "
    "Brigade, a rival faction, was responsible.",
    "Smoke from the burning depot could be seen across the city for most of the morning, residents said.",
    "The regional governor, Colonel Oumar Maiga, said security had been increased at the airport and at the "
    "main bridge over the Niger River.",
    "The depot supplies fuel to army bases across the north of the country. Officials said the loss would "
    "make patrols in the desert more difficult.",
)

original(
    "L24", "Continental Standard", "continental-standard.example", "africa/gao-depot-attack-twelve-soldiers",
    "2024-05-14", "Twelve soldiers killed in Gao depot attack, local official says",
    "BAMAKO (Continental Standard) — Twelve soldiers were killed when armed men stormed a military fuel depot "
    "in the northern city of Gao on Tuesday, a local official said, three times the toll given by the army.",
    "Moussa Cisse, a deputy mayor of Gao, said he had seen the bodies of 12 soldiers at the military hospital. "
    "The defence ministry said four soldiers died.",
    "The ministry blamed the attack on the Movement for the Liberation of the Sahel (MLS). The MLS denied any "
    "role and accused the Red Dune Brigade of carrying out the raid.",
    "\"The MLS had nothing to do with this attack,\" spokesman Ali Maiga said in a voice message to "
    "journalists.",
    "The attackers arrived on motorcycles and fired rockets at the fuel tanks, according to Cisse. He said the "
    "fires burned for several hours.",
    "Governor Oumar Maiga declared a curfew in the city from 8 p.m. to 6 a.m.",
    "Cisse said residents had helped carry the wounded to the hospital in private cars. The army has not said "
    "how much fuel was destroyed.",
)

original(
    "L25", "Daily Meridian", "daily-meridian.example", "africa/2024/05/15/gao-depot-rival-groups-blame",
    "2024-05-15", "Rival groups trade blame after Gao depot attack",
    "DAKAR (Daily Meridian) — Two armed groups blamed each other on Wednesday for a deadly raid on an army fuel "
    "depot in the Malian city of Gao.",
    "Attackers struck the depot on the eastern edge of Gao early on Tuesday, setting fire to fuel tanks and "
    "several trucks. Residents said the explosions woke much of the city.",
    "The defence ministry has said the Movement for the Liberation of the Sahel was behind the attack. The "
    "ministry put the death toll at four soldiers.",
    "On Wednesday the MLS issued a second statement rejecting the charge. \"The Red Dune Brigade attacked the "
    "depot, and the army knows it,\" said MLS spokesman Ali Maiga.",
    "The Red Dune Brigade has not commented. The group split from the MLS in 2022 after a dispute between "
    "commanders.",
    "Local officials said at least 12 soldiers were killed. Moussa Cisse, a deputy mayor, said families had "
    "identified the bodies at the military hospital.",
)

original(
    "L26", "Savanna Times", "savanna-times.example", "news/2024/05/15/curfew-in-gao-after-depot-attack",
    "2024-05-15", "Curfew in Gao after depot attack",
    "GAO, Mali — Authorities imposed a night curfew in Gao on Wednesday. Gunmen attacked an army fuel depot on "
    "the edge of the city on Tuesday.",
    "Regional governor Oumar Maiga said the curfew would run from 8 p.m. to 6 a.m. until further notice. He "
    "said soldiers would patrol the main roads at night.",
    "The army said four soldiers were killed. A deputy mayor, Moussa Cisse, said the real toll was 12.",
    "The defence ministry blamed the MLS, while the group said the Red Dune Brigade was responsible. Neither "
    "claim could be verified.",
    "Fuel prices in the city doubled on Wednesday because of fears of a shortage, traders said. Long queues "
    "formed at the few petrol stations that were still open.",
    "Schools and markets in Gao opened as usual on Wednesday, but many residents stayed at home. Several "
    "families left the city for villages along the river, according to local officials.",
)

# --------------------------------------------------------------------------------------------------------
# Copies: id -> (of, kind, outlet, source, slug, pubdate, title or None, edit)
#   kind: "repost" (same text), "syndicated" (other headline, one sentence added or removed),
#         "light_edit" (typos fixed, a paragraph moved), "blog" (junk lines appended)
# --------------------------------------------------------------------------------------------------------

BLOG_JUNK = [
    "Share this:",
    "Twitter",
    "Facebook",
    "Like this:",
    "Like Loading...",
    "Posted by admin at 9:41 PM",
    "No comments:",
    "Post a Comment",
    "Newer Post Older Post Home",
    "Subscribe to: Post Comments (Atom)",
]


def add_sentence(after: str, sentence: str):
    def edit(paras: list[str]) -> list[str]:
        out = [p.replace(after, after + " " + sentence) if after in p else p for p in paras]
        assert out != paras, after
        return out
    return edit


def remove_sentence(sentence: str):
    def edit(paras: list[str]) -> list[str]:
        out = [p.replace(" " + sentence, "").replace(sentence + " ", "").replace(sentence, "") for p in paras]
        assert out != paras, sentence
        return [p for p in out if p]
    return edit


def light_edit(fixes: dict[str, str], move: tuple[int, int]):
    def edit(paras: list[str]) -> list[str]:
        out = list(paras)
        for wrong, right in fixes.items():
            out = [p.replace(wrong, right) for p in out]
        src, dst = move
        out.insert(dst, out.pop(src))
        return out
    return edit


def append_junk(paras: list[str]) -> list[str]:
    return paras + BLOG_JUNK


def same(paras: list[str]) -> list[str]:
    return list(paras)


L06_FIXES = {"Logisitcs": "Logistics", "incuding": "including", "goverment": "government"}
L16_FIXES = {"acording": "according", "cermony": "ceremony", "familes": "families"}

COPIES = {
    "L27": ("L02", "repost", "Afrinews Aggregator", "afrinews-aggregator.example",
            "story/baidoa-school-hit-air-raid", "2024-03-05", None, same),
    "L28": ("L01", "blog", "Baidoa Watch (blog)", "baidoa-watch.blogspot.example",
            "2024/03/air-strike-hits-jvf-depot.html", "2024-03-05", None, append_junk),
    "L29": ("L05", "syndicated", "Scandinavian Newsline", "scandinavian-newsline.example",
            "finland/two-hurt-as-fire-guts-tampere-warehouse", "2024-02-10",
            "Two hurt as fire guts Tampere warehouse",
            add_sentence("About 80 firefighters fought the blaze for more than six hours.",
                         "Strong winds made the fire harder to control.")),
    "L30": ("L06", "light_edit", "Baltic Morning Wire", "baltic-morning.example",
            "nordics/tampere-warehouse-blaze-0210-update", "2024-02-10",
            "Blaze guts warehouse in southern Tampere, two workers hurt", light_edit(L06_FIXES, (4, 5))),
    "L31": ("L10", "repost", "Oulu Evening Bulletin", "oulu-evening.example",
            "paikalliset/oulu-warehouse-blaze-electrical-fault", "2024-02-18", None, same),
    "L32": ("L13", "syndicated", "Continental Newsfeed", "continental-newsfeed.example",
            "wire/2024/06/12/medics-say-11-dead-kano", "2024-06-12",
            "Medics say 11 dead after Kano protest crackdown",
            remove_sentence("\"I saw a policeman shoot a young man in the back,\" said a shopkeeper who gave his "
                            "name as Usman.")),
    "L33": ("L12", "repost", "Afrinews Aggregator", "afrinews-aggregator.example",
            "story/police-disperse-kano-traders", "2024-06-12", None, same),
    "L34": ("L16", "light_edit", "Kivu Today", "kivu-today.example", "actualite/goma-ceasefire-signed",
            "2024-04-11", None, light_edit(L16_FIXES, (3, 4))),
    "L35": ("L18", "repost", "Afrinews Aggregator", "afrinews-aggregator.example",
            "story/goma-ceasefire-what-the-deal-says", "2024-04-12", None, same),
    "L36": ("L21", "syndicated", "Mesopotamia News", "mesopotamia-news.example",
            "news/kirkuk-deputy-mayor-arrested-bribery", "2024-07-08",
            "Kirkuk deputy mayor among five held in bribery case",
            add_sentence("The NPC said the five would appear before a judge this week.",
                         "The commission did not respond to the party's statement on Monday evening.")),
    "L37": ("L25", "repost", "Sahel Digest", "sahel-digest.example", "2024/05/15/gao-rival-groups-trade-blame",
            "2024-05-15", None, same),
    "L38": ("L24", "syndicated", "Continental Newsfeed", "continental-newsfeed.example",
            "wire/2024/05/14/gao-depot-attack-toll", "2024-05-14", "Gao depot attack toll disputed",
            remove_sentence("He said the fires burned for several hours.")),
}

FIXES = {"L30": L06_FIXES, "L34": L16_FIXES}

# --------------------------------------------------------------------------------------------------------
# Gold events: one per real-world event; reports given for originals as (article, evidence), carried into
# the copies automatically.
# --------------------------------------------------------------------------------------------------------

EVENTS = [
    ("E1", "ASSAULT", "Baidoa", "2024-03-05", [
        ("L01", "Government aircraft struck a weapons depot on the northern edge of Baidoa early on Tuesday"),
        ("L02", "An air strike hit a primary school in Baidoa on Tuesday morning"),
        ("L03", "Government jets bombed a walled compound in the southern town of Baidoa on Tuesday"),
        ("L04", "Government aircraft bombed a school on the northern edge of the town on Tuesday"),
    ]),
    ("E2", "OTHER", "Tampere", "2024-02-10", [
        ("L05", "A fire destroyed a large logistics warehouse in Tampere early on Saturday"),
        ("L06", "Fire gutted a warehouse belonging to Nordvall Logisitcs in Tampere on Saturday morning"),
        ("L07", "the fire that destroyed a logistics warehouse early on Saturday"),
        ("L08", "the fire that destroyed a Nordvall Logistics warehouse in Tampere on Saturday"),
        ("L09", "a blaze destroyed a logistics warehouse in Tampere"),
    ]),
    ("E3", "PROTEST", "Kano", "2024-06-12", [
        ("L12", "Thousands of traders marched through Kano on Wednesday to protest against new market levies"),
        ("L13", "Several thousand traders protested outside the state secretariat on Wednesday morning"),
        ("L14", "The traders marched on Wednesday against levies that the state government introduced this "
                "month"),
        ("L15", "Thousands of traders protested in the city centre on Wednesday"),
    ]),
    ("E4", "ASSAULT", "Kano", "2024-06-12", [
        ("L12", "police dispersed them with tear gas near the state government offices"),
        ("L13", "police broke up a protest by market traders in the northern Nigerian city of Kano on "
                "Wednesday"),
        ("L14", "officers used tear gas to disperse the crowd on Wednesday afternoon"),
        ("L15", "Police dispersed their protest against market levies on Wednesday"),
    ]),
    ("E5", "AGREE", "Goma", "2024-04-11", [
        ("L16", "The government and the Kivu Patriotic Front signed a ceasefire agreement in Goma on Thursday"),
        ("L17", "Congo's government and the rebel Kivu Patriotic Front (KPF) agreed to a ceasefire on Thursday "
                "at talks in Goma"),
        ("L18", "Negotiators for the government and the Kivu Patriotic Front signed a truce in Goma on "
                "Thursday"),
        ("L19", "Government negotiator Josephine Kabeya and rebel spokesman Elias Bahati signed the deal on "
                "Thursday"),
    ]),
    ("E6", "COERCE", "Kirkuk", "2024-07-08", [
        ("L20", "Officers of the National Probity Commission arrested five municipal officials in Kirkuk on "
                "Monday"),
        ("L21", "it had arrested the deputy mayor of Kirkuk and four other officials in the city over a bribery "
                "case"),
        ("L22", "its officers detained five officials from the city government in Kirkuk on Monday"),
    ]),
    ("E7", "OTHER", "Oulu", "2024-02-17", [
        ("L09", "A fire destroyed a cold-storage warehouse in Oulu early on Saturday"),
        ("L10", "the fire that burned down a food warehouse in Oulu on Saturday"),
        ("L11", "Fire swept through a cold store owned by Lumiranta Foods in the northern city of Oulu on "
                "Saturday morning"),
    ]),
    ("E8", "ASSAULT", "Gao", "2024-05-14", [
        ("L23", "Gunmen attacked an army fuel depot on the outskirts of Gao before dawn on Tuesday"),
        ("L24", "armed men stormed a military fuel depot in the northern city of Gao on Tuesday"),
        ("L25", "Attackers struck the depot on the eastern edge of Gao early on Tuesday"),
        ("L26", "Gunmen attacked an army fuel depot on the edge of the city on Tuesday"),
    ]),
]

# Disputes: (id, event, kind, {claim: [(article, speaker, evidence), ...]}); each claim is one side's position
# (the export's "claim"); every side row names its claim. Sides are carried into copies too.
DISPUTES = [
    ("D1", "E1", "target", {
        "a weapons depot of the Juba Valley Front": [
            ("L01", "Defence ministry", "Government aircraft struck a weapons depot on the northern edge of "
                                        "Baidoa"),
            ("L02", "Defence ministry", "its aircraft had attacked an arms store used by the Juba Valley Front"),
            ("L03", "Defence ministry", "the compound was a weapons depot run by the Juba Valley Front (JVF)"),
            ("L04", "Defence ministry", "the target was an arms depot belonging to the Juba Valley Front"),
        ],
        "the Hodan Primary School": [
            ("L01", "Halima Sagal", "the bombs fell on the Hodan Primary School"),
            ("L02", "Halima Sagal", "An air strike hit a primary school in Baidoa"),
            ("L03", "Halima Sagal", "the compound was the Hodan Primary School"),
            ("L04", "Abdullahi Roble", "It is a school."),
        ],
    }),
    ("D2", "E1", "number", {
        "9 killed, all fighters": [
            ("L01", "Defence ministry", "killing nine fighters of the Juba Valley Front"),
            ("L02", "Defence ministry", "It said nine militants died in the raid"),
            ("L03", "Yusuf Aden", "nine fighters were killed"),
            ("L04", "Defence ministry", "nine members of the group were killed"),
        ],
        "17 killed, mostly children": [
            ("L01", "Halima Sagal", "killed 17 people, most of them children"),
            ("L02", "Halima Sagal", "killed at least 17 people, including 11 children"),
            ("L03", "Halima Sagal", "She put the death toll at 17"),
            ("L04", "Halima Sagal", "17 people were killed in the strike on Tuesday"),
        ],
    }),
    ("D3", "E8", "perpetrator", {
        "the Movement for the Liberation of the Sahel": [
            ("L23", "Defence ministry", "It blamed the Movement for the Liberation of the Sahel"),
            ("L24", "Defence ministry", "The ministry blamed the attack on the Movement for the Liberation of "
                                        "the Sahel (MLS)"),
            ("L25", "Defence ministry", "the Movement for the Liberation of the Sahel was behind the attack"),
            ("L26", "Defence ministry", "The defence ministry blamed the MLS"),
        ],
        "the Red Dune Brigade": [
            ("L23", "Ali Maiga", "the Red Dune Brigade, a rival faction, was responsible"),
            ("L24", "Movement for the Liberation of the Sahel", "accused the Red Dune Brigade of carrying out the "
                                                                "raid"),
            ("L25", "Ali Maiga", "The Red Dune Brigade attacked the depot"),
            ("L26", "Movement for the Liberation of the Sahel", "the group said the Red Dune Brigade was "
                                                                "responsible"),
        ],
    }),
    ("D4", "E8", "number", {
        "4 soldiers killed": [
            ("L23", "Defence ministry", "four soldiers were killed in the attack"),
            ("L24", "Defence ministry", "The defence ministry said four soldiers died"),
            ("L25", "Defence ministry", "The ministry put the death toll at four soldiers"),
            ("L26", "Army", "The army said four soldiers were killed"),
        ],
        "12 soldiers killed": [
            ("L24", "Moussa Cisse", "Twelve soldiers were killed"),
            ("L25", "Local officials", "Local officials said at least 12 soldiers were killed"),
            ("L26", "Moussa Cisse", "the real toll was 12"),
        ],
    }),
    ("D5", "E4", "number", {
        "3 dead, in a stampede": [
            ("L12", "Bala Ndagi", "three people died in a stampede"),
            ("L13", "Kano police", "Police said three people died, all of them in a stampede"),
            ("L14", "Bala Ndagi", "three people died when the crowd stampeded"),
            ("L15", "Kano police", "The police have put the toll at three"),
        ],
        "11 dead": [
            ("L12", "Northern Emergency Volunteers", "they had counted 11 bodies at two hospitals"),
            ("L13", "Northern Emergency Volunteers", "Eleven people were killed"),
            ("L14", "Northern Emergency Volunteers", "said 11 people died"),
            ("L15", "Kano Traders' Alliance", "11 of its members were killed on Wednesday"),
        ],
    }),
    ("D6", "E4", "denial", {
        "police fired on the protesters": [
            ("L12", "Haruna Kafinta", "officers shot at protesters who were trying to leave the area"),
            ("L13", "Witnesses", "police opened fire when some protesters threw stones at a police vehicle"),
            ("L14", "Kano Traders' Alliance", "police shot at unarmed marchers"),
            ("L15", "Kano Traders' Alliance", "most of them were shot by police near the state secretariat"),
        ],
        "no officer fired live rounds": [
            ("L12", "Bala Ndagi", "He denied that officers fired live ammunition"),
            ("L13", "Bala Ndagi", "Bala Ndagi denied that officers had used live rounds against the crowd"),
            ("L14", "Kano police", "Police in Kano on Thursday denied that their officers fired on traders"),
            ("L15", "Bala Ndagi", "no officer had fired a gun during the protest"),
        ],
    }),
    ("D7", "E2", "number", {
        "2 workers injured": [
            ("L05", "Tampere rescue service", "two workers were taken to hospital"),
            ("L06", "Tampere rescue service", "injuring two employees"),
            ("L07", "Tampere rescue service", "The blaze at the Nordvall Logistics site injured two workers"),
            ("L08", "Tampere rescue service", "it had recorded two injuries"),
        ],
        "6 workers injured": [
            ("L05", "Pekka Korhonen", "six workers had been hurt"),
            ("L06", "Pekka Korhonen", "six people were hurt"),
            ("L07", "Pekka Korhonen", "six employees were injured"),
            ("L08", "Pekka Korhonen", "Six workers were injured in the fire"),
        ],
    }),
    ("D8", "E6", "date", {
        "arrested on Monday 2024-07-08": [
            ("L20", "National Probity Commission", "arrested five municipal officials in Kirkuk on Monday"),
            ("L21", "National Probity Commission", "the arrests were made at the municipal building in Kirkuk "
                                                    "on Monday morning"),
            ("L22", "National Probity Commission", "its officers detained five officials from the city "
                                                    "government in Kirkuk on Monday"),
        ],
        "detained on Saturday 2024-07-06": [
            ("L20", "Kirkuk Civic Alliance", "the men had been detained on Saturday in Erbil"),
            ("L21", "Shirin Qadir", "the officials were detained at a hotel in Erbil on Saturday night"),
            ("L22", "Kirkuk Civic Alliance", "the officials were arrested in Erbil on Saturday evening"),
        ],
    }),
    ("D9", "E6", "place", {
        "arrested in Kirkuk": [
            ("L20", "National Probity Commission", "arrested five municipal officials in Kirkuk on Monday"),
            ("L21", "National Probity Commission", "the arrests were made at the municipal building in Kirkuk "
                                                    "on Monday morning"),
            ("L22", "Salah Anwar", "the officials were arrested at their offices in Kirkuk"),
        ],
        "detained in Erbil": [
            ("L20", "Kirkuk Civic Alliance", "the men had been detained on Saturday in Erbil"),
            ("L21", "Kirkuk Civic Alliance", "the arrests took place in Erbil, not Kirkuk"),
            ("L21", "Shirin Qadir", "the officials were detained at a hotel in Erbil on Saturday night"),
            ("L22", "Kirkuk Civic Alliance", "the officials were arrested in Erbil on Saturday evening"),
        ],
    }),
    ("D10", "E5", "denial", {
        "both sides agreed to pull back from the Sake road": [
            ("L16", "Sergei Volkov", "Both sides also agreed to pull their fighters back 15 kilometres from the "
                                     "road between Goma and Sake"),
            ("L17", "Sergei Volkov", "both sides had agreed to withdraw their forces from front-line positions "
                                     "near Sake"),
            ("L18", "Sergei Volkov", "the deal required both sides to pull back their fighters from the Sake "
                                     "road"),
            ("L19", "Sergei Volkov", "the KPF had agreed to move its fighters away from the Sake road"),
        ],
        "the KPF agreed to no withdrawal": [
            ("L17", "Elias Bahati", "denied that the group had agreed to withdraw from any of its positions"),
            ("L18", "Elias Bahati", "KPF spokesman Elias Bahati denied on Friday that the group had accepted "
                                    "any withdrawal"),
            ("L19", "Kivu Patriotic Front", "has denied making that promise"),
        ],
    }),
]

ENTITIES = {
    "same": [
        ["Sergei Volkov", "Sergey Volkov"],
        ["Sergei Volkov", "Volkov"],
        ["Kivu Patriotic Front", "KPF"],
        ["Juba Valley Front", "JVF"],
        ["Movement for the Liberation of the Sahel", "MLS"],
        ["Kano Traders' Alliance", "KTA"],
        ["National Probity Commission", "NPC"],
        ["Colonel Yusuf Aden", "Yusuf Aden"],
        ["Superintendent Bala Ndagi", "Bala Ndagi"],
        ["Major Elias Bahati", "Elias Bahati"],
    ],
    "different": [
        ["Anna Korhonen", "Pekka Korhonen"],
        ["Ali Maiga", "Oumar Maiga"],
        ["Juba Valley Front", "Kivu Patriotic Front"],
        ["Movement for the Liberation of the Sahel", "Red Dune Brigade"],
        ["Kirkuk Civic Alliance", "National Probity Commission"],
    ],
}

# --------------------------------------------------------------------------------------------------------


def build() -> tuple[list[dict], dict]:
    articles: dict[str, dict] = {}
    paras_of: dict[str, list[str]] = {}
    for aid, (outlet, source, slug, pubdate, title, paras) in ORIGINALS.items():
        paras_of[aid] = paras
        articles[aid] = {"id": aid, "outlet": outlet, "source": source, "url": f"https://{source}/{slug}",
                         "pubdate": pubdate, "title": title, "text": "\n".join(paras)}
    copies_of: dict[str, list[str]] = {aid: [] for aid in ORIGINALS}
    for cid, (of, _kind, outlet, source, slug, pubdate, title, edit) in COPIES.items():
        base = articles[of]
        articles[cid] = {"id": cid, "outlet": outlet, "source": source, "url": f"https://{source}/{slug}",
                         "pubdate": pubdate, "title": title or base["title"], "text": "\n".join(edit(paras_of[of]))}
        copies_of[of].append(cid)

    def carry(aid: str, evidence: str) -> list[tuple[str, str]]:
        """(article, evidence) for ``aid`` and each copy of it that keeps the evidence."""
        out = [(aid, evidence)]
        for cid in copies_of.get(aid, []):
            ev = evidence
            for wrong, right in FIXES.get(cid, {}).items():
                ev = ev.replace(wrong, right)
            if ev in articles[cid]["text"]:
                out.append((cid, ev))
        return out

    stories = []
    for n, aid in enumerate(ORIGINALS, 1):
        stories.append({"id": f"S{n}", "canonical": aid, "articles": [aid] + copies_of[aid]})
    events = []
    for eid, cat, place, date, reports in EVENTS:
        rows = [{"article": a, "evidence": ev} for aid, evidence in reports for a, ev in carry(aid, evidence)]
        events.append({"id": eid, "category": cat, "place": place, "date": date, "reports": rows})
    disputes = []
    for did, eid, kind, claims in DISPUTES:
        rows = [{"article": a, "speaker": speaker, "claim": claim, "evidence": ev}
                for claim, sides in claims.items()
                for aid, speaker, evidence in sides for a, ev in carry(aid, evidence)]
        disputes.append({"id": did, "event": eid, "kind": kind, "sides": rows})
    gold = {"stories": stories, "events": events, "disputes": disputes, "entities": ENTITIES}

    order = sorted(articles, key=lambda a: int(a[1:]))
    rows = [articles[a] for a in order]
    for ev in events:
        for r in ev["reports"]:
            assert r["evidence"] in articles[r["article"]]["text"], (ev["id"], r)
    for d in disputes:
        for s in d["sides"]:
            assert s["evidence"] in articles[s["article"]]["text"], (d["id"], s)
    for a in rows:
        words = len(a["text"].split())
        if not 150 <= words <= 450:
            print(f"warning: {a['id']} has {words} words", file=sys.stderr)
    return rows, gold


def main() -> None:
    rows, gold = build()
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(HERE / "gold.json", "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{len(rows)} articles, {len(gold['stories'])} stories, {len(gold['events'])} events, "
          f"{sum(len(e['reports']) for e in gold['events'])} reports, {len(gold['disputes'])} disputes")


if __name__ == "__main__":
    main()
