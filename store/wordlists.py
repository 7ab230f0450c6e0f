"""General English word lists used to tell people, roles, organisations and places apart."""

from __future__ import annotations

# Every list here is general English, never specific to one article.

HONORIFICS_M = frozenset({"Mr", "Sir", "Lord", "King", "Prince", "Emperor", "Sultan", "Father"})
HONORIFICS_F = frozenset(
    {"Mrs", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess", "Empress", "Baroness"}
)
HONORIFICS = HONORIFICS_M | HONORIFICS_F | {"Mx", "Dr", "Prof", "Professor", "Rev", "Revd"}

# Capitalised words that form a title before a name ("Ukrainian President ...").
TITLE_WORDS = frozenset(
    """President Vice Prime Minister Secretary Chancellor Councillor Cllr Senator Governor
    Mayor General Colonel Captain Commander Admiral Major Lieutenant Sergeant Corporal
    Private Marshal Pope Bishop Archbishop Cardinal Rabbi Imam Judge Justice Chief Inspector
    Detective Constable Superintendent Commissioner Ambassador Chairman Chairwoman Chair
    Deputy Acting Shadow Former Foreign Defence Defense Home Health Education Finance Interior
    Culture Transport Environment Business Trade Energy Housing Work Pensions Treasury State
    Attorney Speaker Leader Director Executive Officer Head Coach Manager Chancellor
    Representative Rep Sen Gov Gen Col Capt Lt Sgt Supt Insp Det Premier Sheriff Dean Provost
    DI DS DC DCI DSI DCS DSupt PC PCSO
    Principal Headteacher Editor Founder Professor Dr Prof Doctor King Queen Prince Princess
    Emperor Empress Sultan Sheikh Tsar Czar Khan Duke Duchess Earl Count Countess Baron""".split()
)
# Lower-case nouns that head a role phrase right before a name ("manager Tom Alvarez").
ROLE_NOUNS = frozenset(
    """president minister secretary chancellor councillor senator governor mayor leader
    manager director chief head chair chairman chairwoman chairperson spokesman spokeswoman
    spokesperson official officer executive boss founder owner editor reporter correspondent
    journalist author writer historian geographer scientist researcher professor lecturer
    teacher headteacher student doctor surgeon nurse lawyer barrister solicitor judge
    prosecutor detective inspector constable sergeant captain commander general colonel
    admiral ambassador envoy diplomat adviser advisor analyst economist expert campaigner
    activist organiser organizer coordinator co-ordinator curator librarian architect
    engineer designer artist musician singer actor actress player striker coach footballer
    captain priest bishop vicar rabbi imam pastor monk prince princess king queen emperor
    empress ruler general warlord counterpart colleague deputy resident residents
    member mp mep mla msp peer candidate nominee chairs owner landlord farmer worker
    volunteer trustee treasurer clerk commissioner superintendent sheriff philosopher
    theorist economist poet novelist playwright composer painter sculptor explorer son
    daughter father mother brother sister wife husband grandson granddaughter grandfather
    grandmother nephew niece uncle aunt cousin widow heir successor predecessor
    son-in-law daughter-in-law father-in-law mother-in-law stepson stepdaughter
    gp paramedic midwife pharmacist dentist physician psychologist psychiatrist consultant
    surgeon vet firefighter pilot skipper coxswain helmsman lifeguard referee goalkeeper
    defender midfielder winger substitute
    batter batsman bowler pitcher quarterback jockey trainer athlete sprinter cyclist
    swimmer boxer champion chef shopkeeper trader broker banker investor accountant
    entrepreneur businessman businesswoman pensioner pupil academic scholar biologist
    chemist physicist epidemiologist virologist meteorologist forecaster presenter
    commentator columnist photographer producer filmmaker dancer comedian lawmaker
    legislator congressman congresswoman aide staffer strategist pollster lobbyist
    negotiator mediator magistrate coroner defendant claimant plaintiff counsel attorney
    representative delegate organiser ceo cfo coo cto vice-president vice-chair
    vice-chancellor secretary-general spokeswoman planner surveyor technician mechanic
    electrician plumber builder driver commuter passenger shopper islander fisherman
    soldier veteran officer inspector ombudsman governor headmaster headmistress
    rector chaplain deacon minister""".split()
)
# Nouns that say the following name is an organisation ("campaign group Friends of X").
ORG_DESCRIPTORS = frozenset(
    """group organisation organization charity company firm union party body agency
    association club coalition network movement institute tank trust foundation
    broadcaster newspaper publisher retailer bank insurer airline carrier supermarket
    chain regulator watchdog council authority utility supplier provider startup start-up
    manufacturer housebuilder consultancy lender""".split()
)
ORG_HEADS = frozenset(
    """Council Group Society Committee Company Corporation Corp Inc Ltd Plc PLC LLC Party
    Union Association Agency Department Ministry Office Bank University College Institute
    Foundation Trust Commission Organisation Organization Federation Authority Court
    Parliament Assembly Army Navy Forces Force Service Services Police Club League Network
    Alliance Coalition Fund Board Bureau Headquarters Secretariat Cabinet Government Senate
    Congress Church Times Post News Press Unit Team Executive Commission Tribunal Division
    Conference Premiership Championship Hospice Hospital Infirmary School Academy Museum
    Library Gallery Theatre Prison""".split()
)
# Plural or trade nouns that end a company's name ("Tidewater Ferries", "Atlas Motors").
BUSINESS_HEADS = frozenset(
    """Airlines Airways Motors Industries Holdings Partners Systems Technologies Labs Media
    Ferries Foods Homes Hotels Buses Coaches Trains Railways Railway Cruises Shipping
    Logistics Freight Haulage Pharmaceuticals Pharma Brands Stores Supermarkets Retail
    Developments Properties Estates Investments Ventures Enterprises Solutions
    Communications Telecom Telecoms Networks Electronics Products Insurance Assurance
    Brewery Breweries Distillery Bakeries Dairies Farms Fisheries Studios Pictures Records
    Publishing Construction Engineering Utilities Aviation
    Resorts Leisure Entertainment Restaurants Pubs Inns Software Consulting Securities
    Chemicals Materials Plastics Metals Minerals Mining Textiles Petroleum Biotech
    Therapeutics Biosciences Diagnostics Robotics Semiconductors Analytics
    Renewables Recycling Appliances Bancorp Inc Ltd Plc PLC LLC LLP Corp""".split()
)
# Last words of utility and transport companies' names ("Thames Water", "Octopus Energy").
# Some are also surnames ("Samantha Power"), so a name ending in one is an organisation only
# when nothing marks it as a person (an honorific, a title, a role, an age).
UTILITY_HEADS = frozenset(
    """Water Energy Gas Power Electric Electricity Rail Railways Trains Buses Homes
    Housing Telecom Telecoms Broadband Mobile Utilities Networks Transport Travel Air
    Airport""".split()
)
# Last words of sports clubs' names ("Crowley Rovers", "Ashford Athletic").
CLUB_HEADS = frozenset(
    "Rovers Wanderers Rangers Athletic Albion Hotspur Harriers Olympic FC AFC Town United".split()
)
# Last words of clubs' names that stand for the club on their own ("Rovers won 2-0").
CLUB_NICKNAMES = frozenset(
    "Rovers Wanderers Rangers Athletic Albion Hotspur Harriers Olympic United".split()
)
# Words after a club's name that name one of its teams ("Ashbury Rovers Women").
TEAM_WORDS = frozenset("Women Ladies Girls Reserves Academy".split())
ORG_HEADS = ORG_HEADS | BUSINESS_HEADS | CLUB_HEADS
# Abbreviated titles written with a full stop in American style ("Sen. Maria Cantwell").
DOTTED_TITLES = frozenset(
    """Mr Mrs Ms Mx Dr Prof Rev Revd Gen Col Capt Lt Sgt Gov Sen Rep Supt Insp Det Cllr Maj
    Adm Brig Cpl Pte Cmdr Cdr Pres Fr Con""".split()
)
# Title words that are also common first names: a title only before two or more names.
NAME_TITLES = frozenset({"Dean", "Duke"})
# Abbreviations that are titles only after another title ("Det Con", "Det Ch Insp").
SECOND_TITLES = frozenset({"Con", "Ch", "Insp", "Supt", "Sgt", "Chief"})
ORG_FIRST = frozenset({"Friends", "Ministry", "Department", "University", "Bank", "Office"})
# Words that make a capitalised sequence a place or a thing, not a person.
NON_NAME = frozenset(
    """January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays
    Wednesdays Thursdays Fridays Saturdays Sundays Christmas Easter Street Road Avenue Lane
    Square Park Bridge River Lake Sea Ocean Mountain Mountains Hill Hills Valley Island
    Islands Bay Gulf Coast Desert Forest City Town Village County Province State States
    Region District Kingdom Republic Empire Dynasty Khanate Horde Station Airport Hospital
    Route Highway Interstate Freeway Motorway
    School Library Museum Gallery Theatre Theater Centre Center Hall Building Palace Castle
    Tower Cathedral Abbey Stadium Market Garden Gardens Port Harbour Canal Strait Peninsula
    Plain Plains East West North South Middle Central Northern Southern Eastern Western
    Inner Outer Upper Lower Greater Great New Old Holy Royal Imperial Grand United Union
    Nations Mandate Heaven God Act Bill Treaty War Revolution Day Prize Award Cup Games
    Olympics Festival Conference Summit Declaration Agreement Accord Deal Plan Programme
    Program Report Review Strategy Fund Age Era Period Century Internet Web Covid
    Parliament Government Kremlin Pentagon Whitehall Brexit Budget""".split()
)
DEMONYMS = frozenset(
    """American African Asian European British English Scottish Welsh Irish Northern
    French German Dutch Belgian Swiss Austrian Italian Spanish Portuguese Greek Roman Latin
    Polish Czech Slovak Hungarian Romanian Bulgarian Serbian Croatian Ukrainian Russian
    Belarusian Lithuanian Latvian Estonian Finnish Swedish Norwegian Danish Icelandic
    Turkish Turkic Arab Arabic Persian Iranian Iraqi Syrian Israeli Palestinian Lebanese
    Egyptian Saudi Yemeni Afghan Pakistani Indian Bangladeshi Chinese Japanese Korean
    Mongol Mongolian Vietnamese Thai Filipino Indonesian Malaysian Australian Canadian
    Mexican Brazilian Argentine Argentinian Chilean Colombian Peruvian Cuban Nigerian
    Kenyan Ethiopian Somali Sudanese Ghanaian Soviet Ottoman Byzantine Islamic Muslim
    Christian Jewish Buddhist Confucian Catholic Protestant Orthodox Hindu Sikh Western
    Eastern Southern Aboriginal Victorian Georgian Edwardian Tudor Medieval Anglo""".split()
)
# Nationalities as nouns, beside the adjectives above that serve as nouns too ("the
# Kenyan"): "said the Swede" refers to the person just named.
NATIONALITY_NOUNS = DEMONYMS | frozenset(
    """Swede Scot Briton Dane Finn Pole Turk Spaniard Frenchman Frenchwoman Dutchman
    Dutchwoman Englishman Englishwoman Welshman Welshwoman Irishman Irishwoman Scotsman
    Scotswoman Icelander Kiwi""".split()
)
# Capitalised words that start sentences or phrases and are not names.
CAP_STOP = frozenset(
    """The A An This That These Those There Then Than But And Or Nor So Yet For In On At By
    To From With Without Of Into Onto Over Under After Before During Since Until While When
    Where Why How What Who Whom Whose Which If Although Though Because As Also However
    Meanwhile Moreover Furthermore Nevertheless Nonetheless Instead Indeed Thus Hence
    Therefore Still Only Even Just Both All Any Each Every Some Many Most Much More Few
    Several Such Other Another One Two Three Four Five Six Seven Eight Nine Ten First Second
    Third Last Next Earlier Later Today Yesterday Tomorrow Tonight Now Here He She It They We
    I You His Her Its Their Our My Your Him Them Us Me Not No Yes Please Thank Thanks Dear
    Under Among Between Against Despite Through Throughout Within Across Around About Above
    Below Near Outside Inside Upon Via Per Like Unlike Including Following According
    Particularly Especially Notably Finally Similarly Additionally Overall Currently
    Recently Previously Eventually Initially Ultimately Overall Elsewhere Otherwise""".split()
)
PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el"}
)
PARTICLES |= {"del", "dos", "das", "ter", "ten", "y", "bint", "ben", "abu", "ap"}
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "whose", "every"}
)
HUMAN_VERBS = frozenset(
    """said says say told tells tell added adds asked asks argued argues believed believes
    wrote writes suggested suggests claimed claims stated states explained explains insisted
    insists warned warns urged urges announced announces declared declares felt feels
    thought thinks died was born married succeeded ruled reigned led leads served defected
    visited visits resigned founded refused returned learned learnt feared sought fought
    won lost met praised criticised criticized admitted denied joined left replied
    responded recalled noted observed identified identifies described describes called
    calls acknowledged conceded stressed emphasised emphasized predicted promised vowed
    hopes hoped wants wanted decided agreed disagreed opposed supported backed welcomed
    condemned accused blamed apologised apologized thanked spoke speaks writes""".split()
)
